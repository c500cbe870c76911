// The post-chat survey (postChatSurvey) in Chromium against the emulator's built-in survey: the
// visitor ends the chat and stays for the disconnect flow (its view, its quick reply, text); the
// answers reach the emulator's record; an agent's end runs the same survey; a survey left unanswered
// never traps the visitor: Close ends it at once.
import { expect, test, type Page } from '@playwright/test';
import { axe, buildHarness, contactIdOf, control, EMULATOR, openShop, startChatWithAgent, widget } from './ui-support';

test.beforeAll(async () => {
  await buildHarness();
});

interface Survey {
  State: string;
  Answers: Record<string, string>;
}
const surveyOf = async (contactId: string): Promise<Survey | undefined> =>
  ((await (await fetch(`${EMULATOR}/emulator/contacts/${contactId}`)).json()) as { Survey?: Survey }).Survey;
const stateOf = async (contactId: string): Promise<string> => ((await (await fetch(`${EMULATOR}/emulator/contacts/${contactId}`)).json()) as { State: string }).State;

/** Records the page's chatEnded detail; `read()` waits for it. */
async function recordChatEnded(page: Page): Promise<() => Promise<{ contactId?: string; surveyAnswered?: boolean }>> {
  await page.evaluate(() => {
    const w = window as unknown as { cw: { session: { on(e: string, f: (d: unknown) => void): () => void } }; ended?: unknown };
    w.cw.session.on('chatEnded', (detail) => (w.ended = detail));
  });
  return async () => {
    const value = () => page.evaluate(() => (window as unknown as { ended?: unknown }).ended ?? null);
    await expect.poll(value).not.toBeNull();
    return (await value()) as { contactId?: string; surveyAnswered?: boolean };
  };
}

/** A chat with an agent whose contact runs the built-in survey when it ends. */
async function surveyChat(page: Page) {
  await openShop(page, { config: { postChatSurvey: true } });
  const started = await startChatWithAgent(page);
  await control(`contacts/${started.contactId}/disconnect-flow`, { flow: 'survey' });
  await expect(widget(page, '.cw-log')).toBeAttached();
  return started;
}

async function endFromMenu(page: Page): Promise<void> {
  await widget(page, '[aria-haspopup=menu]').click();
  await widget(page, '[role=menuitem]').filter({ hasText: 'End chat' }).click();
  await widget(page, '[role=alertdialog]').getByRole('button', { name: 'End chat' }).click();
}

const surveyView = (page: Page) => widget(page, '.cw-view-message .cw-view');

test('the visitor ends: the survey shows, is answered, chat.ended closes it, the answers are in the record', async ({ page }) => {
  const { contactId, agent } = await surveyChat(page);
  await agent.say('Anything else I can help with?');
  await expect(widget(page, '.cw-log')).toContainText('Anything else I can help with?');
  const ended = await recordChatEnded(page);

  await endFromMenu(page);
  await expect(widget(page, '#cw-wrap')).toHaveText('You ended the chat. If you have a moment, answer the questions above.');
  await expect(surveyView(page)).toContainText('How did we do?');
  // Still open: the composer writes, the view answers.
  await expect(widget(page, '.cw-ta')).toBeEnabled();
  expect(await axe(page)).toEqual([]); // the survey state
  await surveyView(page).getByRole('button', { name: '4 Very good' }).click();
  await expect(widget(page, '.cw-log').getByRole('button', { name: 'No comment' })).toBeVisible();
  await widget(page, '.cw-ta').fill('Quick and kind, thank you');
  await widget(page, '.cw-ta').press('Enter');

  await expect(widget(page, '.cw-log')).toContainText('Thank you for your feedback. Goodbye!');
  await expect(widget(page, '#cw-ended')).toBeVisible();
  await expect(widget(page, '#cw-wrap')).toHaveCount(0);
  expect(await ended()).toEqual({ contactId, surveyAnswered: true });
  expect(await surveyOf(contactId)).toMatchObject({ State: 'answered', Answers: { rating: '4', comment: 'Quick and kind, thank you' } });
  agent.close();
});

test('the agent ends: the survey shows while the chat is open; its quick reply answers', async ({ page }) => {
  const { contactId, agent } = await surveyChat(page);
  const ended = await recordChatEnded(page);
  await agent.leave();
  await expect(surveyView(page)).toContainText('How did we do?');
  await expect(widget(page, '#cw-wrap')).toHaveCount(0);
  await surveyView(page).getByRole('button', { name: '5 Excellent' }).click();
  await widget(page, '.cw-log').getByRole('button', { name: 'No comment' }).click();
  await expect(widget(page, '#cw-ended')).toBeVisible();
  expect(await ended()).toEqual({ contactId, surveyAnswered: true });
  expect(await surveyOf(contactId)).toMatchObject({ State: 'answered', Answers: { rating: '5' } });
});

test('a survey never answered: Close ends it at once in the widget, nothing waits', async ({ page }) => {
  const { contactId } = await surveyChat(page);
  const ended = await recordChatEnded(page);
  await endFromMenu(page);
  await expect(surveyView(page)).toContainText('How did we do?');
  await widget(page, '.cw-comp').getByRole('button', { name: 'Close' }).click();
  await expect(widget(page, '#cw-ended')).toBeVisible();
  await expect(widget(page, '.cw-ta')).toBeDisabled();
  expect(await ended()).toEqual({ contactId, surveyAnswered: false });
  // The contact is still in its disconnect flow; the emulator ends it when the flow times out.
  expect(await surveyOf(contactId)).toMatchObject({ State: 'pending' });
  expect(await stateOf(contactId)).toBe('active');
  // A new chat starts as usual.
  await widget(page, '.cw-ended').getByRole('button', { name: 'Start new chat' }).click();
  await expect.poll(() => contactIdOf(page)).not.toBe(contactId);
  await expect(widget(page, '.cw-ta')).toBeEnabled();
});
