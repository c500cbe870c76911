// Hostile content through the emulator — markdown, plain text, display names, file names, link
// targets, an interactive template — and proof that nothing runs and nothing unsafe is linked.
import { expect, test } from '@playwright/test';
import { Agent, buildHarness, contactIdOf, control, openShop, PNG, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

const HIT = (tag: string) => `window.__xss=(window.__xss||[]).concat('${tag}')`;

test('hostile markdown, names, file names and links never execute', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openShop(page, { open: true });
  const contactId = await contactIdOf(page);
  const agent = await Agent.join(contactId, `<img src=x onerror="${HIT('name')}">Eve`);

  await agent.say(
    [
      `<script>${HIT('script')}</script>`,
      `<img src=x onerror="${HIT('img')}">`,
      `<svg onload="${HIT('svg')}"></svg> <iframe src="javascript:${HIT('iframe')}"></iframe>`,
      `[js link](javascript:${HIT('js-link')})`,
      `[data link](data:text/html,<script>${HIT('data')}</script>)`,
      `<a href="javascript:${HIT('raw-a')}">raw anchor</a>`,
      `![tracker](https://evil.example/pixel.png)`,
      `[ok link](https://example.com/help) and <mailto:help@example.com>`,
    ].join('\n\n'),
    'text/markdown',
  );
  await agent.say(`<b onmouseover="${HIT('plain')}">plain</b> javascript:alert(1)`);
  await agent.sendFile(`"><img src=x onerror="${HIT('file')}">.png`, 'image/png', PNG);
  await control(`contacts/${contactId}/messages`, {
    ContentType: 'application/vnd.amazonaws.connect.message.interactive',
    DisplayName: `<svg onload="${HIT('bot')}">`,
    Content: JSON.stringify({
      templateType: 'ListPicker',
      version: '1.0',
      data: {
        content: {
          title: `<img src=x onerror="${HIT('title')}">Pick one`,
          imageType: 'URL',
          imageData: `javascript:${HIT('image')}`,
          elements: [{ title: `<script>${HIT('element')}</script>Option` }, { title: 'Docs', type: 'hyperlink', url: `javascript:${HIT('element-link')}` }],
        },
      },
    }),
  });

  const log = widget(page, '.cw-log');
  await expect(log).toContainText('ok link');
  await expect(log).toContainText('<b onmouseover=');
  await expect(widget(page, '.cw-imgbtn canvas')).toHaveAccessibleName(`Image: "><img src=x onerror="${HIT('file')}">.png`);
  await expect(log).toContainText('Pick one');

  // Give anything that could run every chance: hover, click every link and button in the transcript.
  await page.mouse.move(10, 10);
  for (const el of await widget(page, '.cw-log b, .cw-log .cw-name').all()) await el.hover().catch(() => {});

  const unsafe = await widget(page, '.cw').evaluate((root) => {
    const out: string[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (/^(script|iframe|object|embed|svg|img|style|link|meta|form)$/i.test(el.tagName) && !el.closest('.cw-i, .cw-logo, #cw-launch')) {
        if (!(el.tagName === 'svg' && el.classList.contains('cw-i')) && !(el.tagName === 'path')) out.push(`element ${el.tagName}`);
      }
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) out.push(`attribute ${a.name} on ${el.tagName}`);
    }
    for (const a of Array.from(root.querySelectorAll('a[href]'))) {
      const href = a.getAttribute('href')!;
      if (!/^(https?:|mailto:)/i.test(href)) out.push(`link ${href}`);
      if (a.getAttribute('target') === '_blank' && a.getAttribute('rel') !== 'noopener noreferrer') out.push(`rel ${a.getAttribute('rel')}`);
    }
    return out;
  });
  expect(unsafe).toEqual([]);
  const links = await widget(page, '.cw-log a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links).toEqual(expect.arrayContaining(['https://example.com/help', 'mailto:help@example.com']));
  expect(links.every((h) => /^(https:\/\/example\.com\/help|mailto:help@example\.com)$/.test(h!))).toBe(true);

  // The hostile display name and file name are shown as text.
  await expect(widget(page, '.cw-name').filter({ hasText: '<img src=x onerror=' })).not.toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string[] }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
