// Interactive message fixtures for unit tests: well-formed ones per §3.1 not covered by the
// emulator's bot templates (emulator/bot/templates.ts), malformed ones, and hostile ones.

const wrap = (templateType: string, content: unknown): string =>
  JSON.stringify({ templateType, version: '1.0', data: { content } });

/** A ListPicker with images, a hyperlink element, and paging (the §3.1 example). */
export const LIST_PICKER_FULL = wrap('ListPicker', {
  title: 'Which department?',
  subtitle: 'Tap to select',
  imageType: 'URL',
  imageData: 'https://img.example/hero.png',
  imageDescription: 'Our help desk',
  referenceId: '320435df-4c1b-4b8f-9a57-0c1a2b3c4d5e',
  listId: 'serviceList',
  preIndex: -1,
  nextIndex: 5,
  elements: [
    { title: 'Billing', subtitle: 'Invoices and refunds', imageType: 'URL', imageData: 'https://img.example/billing.png', imageDescription: 'A receipt' },
    { title: 'Shipping', subtitle: 'Where is my parcel', imageType: 'URL', imageData: 'https://img.example/ship.png' },
    { title: 'Docs', type: 'hyperlink', url: 'https://docs.example/help', target: '_self' },
    { title: 'Show more', actionDetail: 'SHOW_MORE' },
  ],
});

/** TimePicker with a time zone offset (the §3.1 example, several days and more than 3 slots on one day). */
export const TIME_PICKER_OFFSET = wrap('TimePicker', {
  title: 'Schedule appointment',
  subtitle: 'Tap to select option',
  timeZoneOffset: -420,
  timeslots: [
    { date: '2020-10-31T18:00+00:00', duration: 60 },
    { date: '2020-10-31T19:00+00:00', duration: 60 },
    { date: '2020-10-31T20:00+00:00', duration: 60 },
    { date: '2020-10-31T21:00+00:00', duration: 30 },
    { date: '2020-11-01T17:00+00:00', duration: 60 },
  ],
});

/** The chatjs documentation shape without the `content` level. */
export const QUICK_REPLY_NO_CONTENT_LEVEL = JSON.stringify({
  templateType: 'QuickReply',
  version: '1.0',
  data: { title: 'Still there?', elements: [{ title: 'Yes' }, { title: 'No' }] },
});

export interface MalformedFixture {
  name: string;
  content: string;
  /** Title the fallback should still show, when one is readable. */
  title?: string;
}

export const MALFORMED: MalformedFixture[] = [
  { name: 'not JSON', content: '{"templateType":' },
  { name: 'empty string', content: '' },
  { name: 'JSON array', content: '[]' },
  { name: 'JSON null', content: 'null' },
  { name: 'no templateType', content: JSON.stringify({ data: { content: { title: 'Orphan' } } }), title: 'Orphan' },
  { name: 'unknown templateType', content: wrap('Map', { title: 'Where are you?' }), title: 'Where are you?' },
  { name: 'templateType not a string', content: JSON.stringify({ templateType: 7, data: { content: { title: 'Seven' } } }), title: 'Seven' },
  { name: 'no data', content: JSON.stringify({ templateType: 'ListPicker' }) },
  { name: 'ListPicker without elements', content: wrap('ListPicker', { title: 'Pick one' }), title: 'Pick one' },
  { name: 'ListPicker elements without titles', content: wrap('ListPicker', { title: 'Pick', elements: [{}, { subtitle: 'x' }, 'str', null] }), title: 'Pick' },
  { name: 'ListPicker without title', content: wrap('ListPicker', { elements: [{ title: 'A' }] }) },
  { name: 'Panel title not a string', content: wrap('Panel', { title: 42, elements: [{ title: 'A' }] }) },
  { name: 'QuickReply without options', content: wrap('QuickReply', { title: 'Rate us', elements: [] }), title: 'Rate us' },
  { name: 'TimePicker with invalid dates', content: wrap('TimePicker', { title: 'When?', timeslots: [{ date: 'tomorrow' }, { date: 12 }] }), title: 'When?' },
  { name: 'TimePicker without timeslots', content: wrap('TimePicker', { title: 'When?' }), title: 'When?' },
  { name: 'Carousel with invalid cards', content: wrap('Carousel', { title: 'Trips', elements: [{ templateType: 'ListPicker', data: { content: { title: 'x', elements: [{ title: 'y' }] } } }, { templateType: 'Map' }] }), title: 'Trips' },
  { name: 'Carousel without title', content: wrap('Carousel', { elements: [] }) },
  { name: 'ViewResource without viewToken', content: wrap('ViewResource', { viewId: 'arn:aws:connect:us-east-1:aws:view/cards:1' }) },
  { name: 'too large', content: JSON.stringify({ templateType: 'QuickReply', data: { content: { title: 'x'.repeat(200_000), elements: [{ title: 'a' }] } } }) },
];

/** Hostile but well-formed: everything must render inert. */
export const HOSTILE_LIST_PICKER = wrap('ListPicker', {
  title: '<img src=x onerror="alert(1)">**Pick** [me](javascript:alert(1))',
  subtitle: '<script>alert(2)</script><svg onload=alert(3)>',
  imageType: 'URL',
  imageData: 'javascript:alert(4)',
  imageDescription: '"><script>alert(5)</script>',
  elements: [
    { title: '<b onclick="alert(6)">Bold?</b>', subtitle: '[x](data:text/html,<script>alert(7)</script>)', imageType: 'URL', imageData: 'data:image/svg+xml,<svg onload=alert(8)>' },
    { title: 'Evil link', type: 'hyperlink', url: 'javascript:alert(9)' },
    { title: 'Relative link', type: 'hyperlink', url: '/logout' },
  ],
});
