// Sample interactive messages (chat-protocol.md §3.1), shared by the demo bot and the agent console.
// Pure data and pure builders: no Node or DOM APIs, so the console's browser bundle can import it.

export type TemplateType = 'ListPicker' | 'Panel' | 'QuickReply' | 'TimePicker' | 'Carousel';

export const TEMPLATE_TYPES: readonly TemplateType[] = ['ListPicker', 'Panel', 'QuickReply', 'TimePicker', 'Carousel'];

export interface TemplateElement {
  title: string;
  subtitle?: string;
  imageType?: 'URL';
  imageData?: string;
  imageDescription?: string;
  type?: 'hyperlink';
  url?: string;
  target?: string;
  actionDetail?: 'SHOW_MORE' | 'PREVIOUS_OPTIONS';
}

/** `{templateType, version, data: {content}}` — the Content of a …message.interactive item. */
export interface InteractiveTemplate {
  templateType: string;
  version: '1.0';
  data: { content: { [key: string]: unknown } };
}

/** Element titles of the paged ListPicker ("services"). */
export const SERVICES: readonly string[] = [
  'Billing',
  'Orders',
  'Delivery',
  'Returns',
  'Warranty',
  'Account',
  'Gift cards',
  'Store hours',
  'Accessibility',
  'Privacy',
];

/** Real elements per ListPicker page; with the two paging elements a page never exceeds Lex's 6. */
export const LIST_PAGE_SIZE = 4;

export const SERVICE_LIST_ID = 'serviceList';

/**
 * One page of the services ListPicker, starting at `start`. `preIndex`/`nextIndex` are the starts of
 * the neighbouring pages (-1 when none); every page of one list shares `referenceId`, so the widget
 * replaces the old page with the new one (§3.2 SHOW_MORE).
 */
export function servicesListPage(start: number, referenceId: string): InteractiveTemplate {
  const first = Math.min(Math.max(0, Math.trunc(start)), Math.max(0, SERVICES.length - 1));
  const end = Math.min(first + LIST_PAGE_SIZE, SERVICES.length);
  const preIndex = first > 0 ? Math.max(0, first - LIST_PAGE_SIZE) : -1;
  const nextIndex = end < SERVICES.length ? end : -1;
  const elements: TemplateElement[] = [];
  if (preIndex >= 0) elements.push({ title: 'Previous options', actionDetail: 'PREVIOUS_OPTIONS' });
  for (const title of SERVICES.slice(first, end)) elements.push({ title, subtitle: `Help with ${title.toLowerCase()}` });
  if (nextIndex >= 0) elements.push({ title: 'Show more', actionDetail: 'SHOW_MORE' });
  return {
    templateType: 'ListPicker',
    version: '1.0',
    data: {
      content: {
        title: 'What can we help you with?',
        subtitle: `Topics ${first + 1}–${end} of ${SERVICES.length}`,
        referenceId,
        listId: SERVICE_LIST_ID,
        preIndex,
        nextIndex,
        elements,
      },
    },
  };
}

export const PANEL_OPTIONS: readonly string[] = ['Track my order', 'Change my address', 'Talk to an agent'];

export function panel(): InteractiveTemplate {
  return {
    templateType: 'Panel',
    version: '1.0',
    data: {
      content: {
        title: 'How can I help with your order?',
        subtitle: 'Choose one',
        elements: [
          ...PANEL_OPTIONS.map((title) => ({ title })),
          { title: 'Delivery FAQ', type: 'hyperlink', url: 'https://example.com/faq/delivery', target: '_blank' },
        ],
      },
    },
  };
}

export const QUICK_REPLIES: readonly string[] = ['Great', 'Okay', 'Not good'];

export function quickReply(): InteractiveTemplate {
  return {
    templateType: 'QuickReply',
    version: '1.0',
    data: { content: { title: 'How was your experience today?', elements: QUICK_REPLIES.map((title) => ({ title })) } },
  };
}

/** Slots on the next two days after `now` (UTC), in the `2020-10-31T18:00+00:00` form the widget sends back. */
export function timePicker(now: number): InteractiveTemplate {
  const day = new Date(now);
  const timeslots: Array<{ date: string; duration: number }> = [];
  for (let offset = 1; offset <= 2; offset++) {
    for (const hour of [9, 11, 14]) {
      const slot = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + offset, hour, 0));
      timeslots.push({ date: `${slot.toISOString().slice(0, 16)}+00:00`, duration: 60 });
    }
  }
  return {
    templateType: 'TimePicker',
    version: '1.0',
    data: { content: { title: 'Schedule a call back', subtitle: 'Pick a time (60 minutes)', timeslots } },
  };
}

export interface CarouselCard {
  templateIdentifier: string;
  title: string;
  subtitle: string;
  options: string[];
}

export const CAROUSEL_CARDS: readonly CarouselCard[] = [
  { templateIdentifier: 'b1d1a9c0-5b1e-4c1b-9a57-0c1a2b3c4d01', title: 'Lisbon', subtitle: 'Sun, tiles and custard tarts', options: ['Book a trip', 'More about Lisbon'] },
  { templateIdentifier: 'b1d1a9c0-5b1e-4c1b-9a57-0c1a2b3c4d02', title: 'Kyoto', subtitle: 'Temples and gardens', options: ['Book a trip', 'More about Kyoto'] },
  { templateIdentifier: 'b1d1a9c0-5b1e-4c1b-9a57-0c1a2b3c4d03', title: 'Reykjavík', subtitle: 'Northern lights', options: ['Book a trip', 'More about Reykjavík'] },
];

export function carousel(): InteractiveTemplate {
  return {
    templateType: 'Carousel',
    version: '1.0',
    data: {
      content: {
        title: 'Pick a destination',
        elements: CAROUSEL_CARDS.map((card) => ({
          templateType: 'ListPicker',
          templateIdentifier: card.templateIdentifier,
          version: '1.0',
          data: { content: { title: card.title, subtitle: card.subtitle, elements: card.options.map((title) => ({ title })) } },
        })),
      },
    },
  };
}

/** One sample of each template type (the agent console's buttons). */
export function sampleTemplate(type: TemplateType, options: { now: number; referenceId: string }): InteractiveTemplate {
  switch (type) {
    case 'ListPicker':
      return servicesListPage(0, options.referenceId);
    case 'Panel':
      return panel();
    case 'QuickReply':
      return quickReply();
    case 'TimePicker':
      return timePicker(options.now);
    case 'Carousel':
      return carousel();
  }
}
