// Attachments with the real session and emulator: the file button, drag and drop, paste, preview
// with remove, upload progress with cancel, checks before uploading, inline images and file cards
// from the agent, and a file the scan rejects.
import { expect, test, type Page } from '@playwright/test';
import { axe, buildHarness, control, PNG, record, reload, resetFaults, screenshot, startChatWithAgent, openShop, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});
test.afterEach(async () => {
  await resetFaults();
});

const customerAttachments = async (contactId: string) =>
  (await record(contactId)).Items.filter((i) => i.Type === 'ATTACHMENT' && i.ParticipantRole === 'CUSTOMER').flatMap((i) => i.Attachments ?? []);

/** Puts files into a DataTransfer inside the page and fires `type` events with it at `selector`. */
async function fireWithFiles(page: Page, selector: string, types: string[], files: { name: string; type: string; base64: string }[]) {
  await widget(page, selector).evaluate(
    (el, { types, files }) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      for (const type of types) {
        const event =
          type === 'paste'
            ? new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true })
            : new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true });
        el.dispatchEvent(event);
      }
    },
    { types, files },
  );
}

test('file button: preview with remove, then Send uploads it and it shows inline', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  await widget(page, 'input[type=file]').setInputFiles([
    { name: 'photo.png', mimeType: 'image/png', buffer: PNG },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
  ]);
  await expect(widget(page, '.cw-tray li')).toHaveText(['photo.png', 'notes.txt']);
  await expect(widget(page, '.cw-tray canvas.cw-thumb')).toHaveCount(1); // image preview drawn from the bytes
  await widget(page, '.cw-tray').getByRole('button', { name: 'Remove notes.txt' }).click();
  await expect(widget(page, '.cw-tray li')).toHaveText(['photo.png']);
  await widget(page, '.cw-send').click();
  const image = widget(page, '.cw-imgbtn canvas[role=img]');
  await expect(image).toBeVisible();
  await expect(image).toHaveAccessibleName('Image: photo.png');
  await expect(widget(page, '.cw-imgbtn')).toHaveAccessibleName('Image: photo.png');
  // Drawn from the real bytes: the canvas has the picture's green, at its size (40×30).
  await expect.poll(() => image.evaluate((c: HTMLCanvasElement) => [c.width, c.height, ...c.getContext('2d')!.getImageData(20, 15, 1, 1).data.slice(0, 3)])).toEqual([40, 30, 30, 120, 60]);
  await expect.poll(async () => (await customerAttachments(contactId)).map((a) => a.AttachmentName)).toEqual(['photo.png']);
  await expect(widget(page, '.cw-tray li')).toHaveCount(0);
});

test('upload progress is shown per file and can be cancelled', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  await control('faults', { latencyMs: 4000, latencyOperations: ['AttachmentUpload'] });
  await widget(page, 'input[type=file]').setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(2 * 1024 * 1024, 7) });
  await widget(page, '.cw-send').click();
  const progress = widget(page, '.cw-tray progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAccessibleName('Uploading big.pdf');
  expect(await axe(page)).toEqual([]); // the uploading state
  await screenshot(page, 'uploading');
  await widget(page, '.cw-tray').getByRole('button', { name: 'Cancel upload of big.pdf' }).click();
  await expect(widget(page, '.cw-tray li')).toHaveCount(0);
  await page.waitForTimeout(4500);
  expect(await customerAttachments(contactId)).toEqual([]);
  await expect(widget(page, '.cw-file')).toHaveCount(0);
});

test('wrong type and too large are explained before anything is uploaded', async ({ page }) => {
  await openShop(page, { config: { attachments: { maxSizeBytes: 2048 } } });
  const { contactId } = await startChatWithAgent(page);
  await widget(page, 'input[type=file]').setInputFiles([
    { name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
    { name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(5000) },
  ]);
  await expect(widget(page, '.cw-tray .cw-err')).toHaveText(['setup.exe is a file type that cannot be sent.', 'huge.pdf is larger than 2 kB.']);
  await widget(page, '.cw-send').click();
  await page.waitForTimeout(500);
  expect(await customerAttachments(contactId)).toEqual([]);
});

test('drag and drop onto the window shows a drop zone and adds the files', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  const file = { name: 'dropped.png', type: 'image/png', base64: PNG.toString('base64') };
  await fireWithFiles(page, '#cw-win', ['dragenter', 'dragover'], [file]);
  await expect(widget(page, '.cw-drop')).toHaveText('Drop files to attach');
  await screenshot(page, 'drop-zone');
  await fireWithFiles(page, '.cw-log', ['drop'], [file]);
  await expect(widget(page, '.cw-drop')).toHaveCount(0);
  await expect(widget(page, '.cw-tray li')).toHaveText(['dropped.png']);
  await widget(page, '.cw-send').click();
  await expect.poll(async () => (await customerAttachments(contactId)).map((a) => a.AttachmentName)).toEqual(['dropped.png']);
});

test('pasting an image into the message box attaches it', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  await fireWithFiles(page, '.cw-ta', ['paste'], [{ name: 'screenshot.png', type: 'image/png', base64: PNG.toString('base64') }]);
  await expect(widget(page, '.cw-tray li')).toHaveText(['screenshot.png']);
  await widget(page, '.cw-ta').press('Enter');
  await expect.poll(async () => (await customerAttachments(contactId)).map((a) => a.AttachmentName)).toEqual(['screenshot.png']);
});

test('the agent\'s image shows inline, other files as cards that download', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  await agent.sendFile('receipt.png', 'image/png', PNG);
  await agent.sendFile('invoice.pdf', 'application/pdf', Buffer.from('%PDF-1.4 test'));
  await expect(widget(page, '.cw-agent .cw-imgbtn canvas[role=img]')).toBeVisible();
  const card = widget(page, '.cw-file').filter({ hasText: 'invoice.pdf' });
  await expect(card).toHaveAccessibleName(/^Download invoice\.pdf \(PDF, 13\sbytes\)$/);
  const [opened] = await Promise.all([
    Promise.race([page.waitForEvent('download').then((d) => d.suggestedFilename()), page.waitForEvent('popup').then((p) => p.url())]),
    card.click(),
  ]);
  expect(opened).toMatch(/invoice\.pdf|attachment|127\.0\.0\.1/);
});

test('a file the scan rejects is marked and cannot be downloaded', async ({ page }) => {
  await openShop(page);
  await startChatWithAgent(page);
  await control('faults', { scanResult: 'REJECTED' });
  await widget(page, 'input[type=file]').setInputFiles({ name: 'suspicious.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') });
  await widget(page, '.cw-send').click();
  const rejected = widget(page, '.cw-rej');
  await expect(rejected).toContainText('suspicious.pdf');
  await expect(rejected).toContainText('This file was rejected.');
  await expect(rejected.getByRole('button')).toHaveCount(0);
});

// issue 11: 0-byte files and names over 256 characters passed the tray and failed only at Send.
test('an empty file and a name over 256 characters are refused in the tray at once', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  const long = `${'long-name-'.repeat(26)}.txt`; // 264 characters
  await widget(page, 'input[type=file]').setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: long, mimeType: 'text/plain', buffer: Buffer.from('hello') },
  ]);
  await expect(widget(page, '.cw-tray .cw-err')).toHaveText([
    'empty.txt is empty.',
    'This file name is too long (at most 256 characters). Rename the file and add it again.',
  ]);
  await widget(page, '.cw-send').click();
  await page.waitForTimeout(500);
  expect(await customerAttachments(contactId)).toEqual([]);
});

// issue 11: a right-to-left override made 'invoice\u202Efdp.txt' read as 'invoicetxt.pdf'.
test('a name with a right-to-left override shows its real extension, in the tray and the transcript', async ({ page }) => {
  await openShop(page);
  const { contactId } = await startChatWithAgent(page);
  const name = 'invoice\u202efdp.txt';
  await widget(page, 'input[type=file]').setInputFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from('not a pdf') }]);
  const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  await expect(widget(page, '.cw-tray .cw-fname')).toHaveText('invoicefdp.txt');
  await widget(page, '.cw-send').click();
  const card = widget(page, '.cw-log .cw-att').last();
  await expect(card).toContainText('invoicefdp.txt');
  expect(await card.textContent()).not.toMatch(BIDI);
  // What is sent is a valid name, without the invisible override.
  await expect.poll(async () => (await customerAttachments(contactId)).map((a) => a.AttachmentName)).toEqual(['invoicefdp.txt']);
});

test('a file chip says its type and size; an image opens a preview: keyboard, Escape, focus back; own images line up with own bubbles', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  await agent.sendFile('invoice.pdf', 'application/pdf', Buffer.from('%PDF-1.4 test'));
  await agent.sendFile('receipt.png', 'image/png', PNG);
  await widget(page, 'input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
  await widget(page, '.cw-ta').fill('Here is mine');
  await widget(page, '.cw-send').click();

  const chip = widget(page, '.cw-file').filter({ hasText: 'invoice.pdf' });
  await expect(chip.locator('.cw-fdetail')).toHaveText(/^PDF · 13\sbytes$/);
  await expect(chip).toHaveAccessibleName(/^Download invoice\.pdf \(PDF, 13\sbytes\)$/);

  // The visitor's own image ends where their bubbles end.
  const ownImage = widget(page, '.cw-own .cw-imgbtn');
  await expect(ownImage.locator('canvas')).toBeVisible();
  const ownText = widget(page, '.cw-own .cw-bubble').filter({ hasText: 'Here is mine' });
  const [img, text] = [(await ownImage.boundingBox())!, (await ownText.boundingBox())!];
  expect(Math.abs(img.x + img.width - (text.x + text.width))).toBeLessThanOrEqual(1);

  // Keyboard: Enter on the image opens the preview with the focus on Close; Tab stays inside.
  const image = widget(page, '.cw-agent .cw-imgbtn');
  await expect(image).toHaveAttribute('aria-haspopup', 'dialog');
  await image.focus();
  await page.keyboard.press('Enter');
  const preview = widget(page, '[role=dialog][aria-modal=true]');
  await expect(preview).toHaveAccessibleName('Image: receipt.png');
  const close = preview.getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  // The picture, drawn from its bytes at its own size (40×30), its green in the middle.
  const big = preview.locator('canvas[role=img]');
  await expect.poll(() => big.evaluate((c: HTMLCanvasElement) => [c.width, c.height, ...c.getContext('2d')!.getImageData(20, 15, 1, 1).data.slice(0, 3)])).toEqual([40, 30, 30, 120, 60]);
  await page.keyboard.press('Tab');
  await expect(preview.getByRole('button', { name: 'Download receipt.png' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  expect(await axe(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await expect(widget(page, '#cw-win')).toBeVisible(); // Escape closed the preview, not the chat
  await expect(image).toBeFocused();

  // Mouse: a click beside the picture closes it too.
  await image.click();
  await expect(preview).toBeVisible();
  await page.mouse.click(5, 400);
  await expect(preview).toHaveCount(0);
  await expect(image).toBeFocused();
});

test('images stay images after a reload, also when they cannot be fetched at first: Retry, and again on reconnect', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  await widget(page, 'input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
  await widget(page, '.cw-send').click();
  await agent.sendFile('label.png', 'image/png', PNG);
  await expect(widget(page, '.cw-imgbtn canvas[role=img]')).toHaveCount(2);

  // After a reload, GetAttachment is refused for a while (a service hiccup, a chat still reconnecting).
  await control('faults', { fail: { operation: 'GetAttachment', status: 500, count: 1000 } });
  await reload(page);
  await expect(widget(page, '#cw-win')).toBeVisible(); // it was open: it reopens by itself
  const failed = widget(page, '.cw-imgfail');
  await expect(failed).toHaveCount(2);
  const own = widget(page, '.cw-own .cw-imgfail');
  await expect(own).toContainText('Image: photo.png');
  await expect(own).toContainText('The image could not be loaded.');
  await expect(widget(page, '.cw-agent .cw-imgfail')).toContainText('Image: label.png');
  await expect(widget(page, '.cw-file')).toHaveCount(0); // never a generic file chip
  expect(await axe(page)).toEqual([]);

  await resetFaults();
  await own.getByRole('button', { name: 'Retry' }).click();
  await expect(widget(page, '.cw-own .cw-imgbtn canvas[role=img]')).toBeVisible();
  await expect(widget(page, '.cw-imgfail')).toHaveCount(1);
  // The other comes back by itself once the chat has reconnected.
  await control('faults', { dropSockets: true });
  await expect(widget(page, '.cw-agent .cw-imgbtn canvas[role=img]')).toBeVisible({ timeout: 20_000 });
  await expect(widget(page, '.cw-imgfail')).toHaveCount(0);
  await expect.poll(() => widget(page, '.cw-agent .cw-imgbtn canvas').evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([40, 30]);
});

test('the tray of files waiting to be sent never covers the newest message', async ({ page }) => {
  await openShop(page);
  const { agent } = await startChatWithAgent(page);
  for (let i = 1; i <= 12; i++) await agent.say(`Message ${i} of a long conversation`);
  const newest = widget(page, '.cw-row').filter({ hasText: 'Message 12 of' });
  await expect(newest).toBeVisible();
  const log = widget(page, '.cw-log');
  const visibleBottom = async () => {
    const [row, box] = [(await newest.boundingBox())!, (await log.boundingBox())!];
    return Math.round(box.y + box.height - (row.y + row.height));
  };
  expect(await visibleBottom()).toBeGreaterThanOrEqual(0);
  await widget(page, 'input[type=file]').setInputFiles([
    { name: 'one.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF 1') },
    { name: 'two.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF 2') },
    { name: 'three.png', mimeType: 'image/png', buffer: PNG },
  ]);
  await expect(widget(page, '.cw-tray li')).toHaveCount(3);
  await expect.poll(visibleBottom, { message: 'the newest message stays above the tray' }).toBeGreaterThanOrEqual(0);
  await widget(page, '.cw-tray').getByRole('button', { name: 'Remove two.pdf' }).click();
  await expect.poll(visibleBottom).toBeGreaterThanOrEqual(0);
});
