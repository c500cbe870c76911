// Typing and drafts at human extremes. Both journeys record defects that are not on issue 11's list
// (found by the journey suite); each is an expected failure until fixed, then its marker goes.
import { expect, journey, test } from './testing/journey';
import * as s from './testing/steps';
import { UI } from './testing/ui';

test('cdn: fast typing in a second tab keeps every keystroke', { tag: '@full' }, async ({ makeWorld }) => {
  // Defect not on issue 11's list: in a follower tab each keystroke's draft goes to the leader tab and
  // comes back; an echo of an older draft overwrites newer text, so keys typed meanwhile are lost
  // ("The quick brown fox…" became "Theuicbown fox jump oerthe lazy dog" at machine speed).
  test.fail(true, 'defect not on issue 11\'s list: fast typing in a follower tab loses keystrokes (draft echo from the leader)');
  const w = await makeWorld({ embed: 'cdn' });
  await journey(w, [s.visit(), s.openChat(), s.send(), s.newTab()]);
  const page = w.page();
  await page.locator(UI.composer).click();
  const text = 'The quick brown fox jumps over the lazy dog';
  await page.keyboard.type(text);
  await expect(page.locator(UI.composer)).toHaveValue(text);
});

test('cdn: a draft typed just before a reload is still there after it', { tag: '@full' }, async ({ makeWorld }) => {
  // Defect not on issue 11's list: the draft is saved 150 ms after the last keystroke; the save the
  // page attempts when it goes away does not complete, so a reload within that window loses it.
  test.fail(true, 'defect not on issue 11\'s list: a draft typed within ~150 ms before a reload is lost');
  const w = await makeWorld({ embed: 'cdn' });
  await journey(w, [s.visit(), s.openChat(), s.send()]);
  const page = w.page();
  const token = w.token('m');
  await page.locator(UI.composer).click();
  await page.keyboard.type(`${token} typed, then F5`);
  w.draft = `${token} typed, then F5`;
  await journey(w, [s.reload()]);
});
