// The built-in disconnect flow `survey`: a post-chat survey as a contact flow would run it after the
// customer (or the last agent) left. First a rating (the PostChatSurvey view, or a text question
// when the chat cannot carry interactive replies), then an optional comment; the answers go to the
// contact's record (GET /emulator/contacts/{id} → Survey) and the flow ends the chat. A survey left
// unanswered ends when disconnectFlowTimeoutSeconds runs out (store.ts).
import type { ChatItem, ContactHandle, EmulatorPlugin } from './plugins.js';
import { CONTENT_TYPES } from './types.js';
import { sampleViewData } from './views/index.js';

export const SURVEY_VIEW = 'PostChatSurvey';
/** The quick reply that declines the comment (QuickReply answers arrive as their title, in text/plain). */
export const NO_COMMENT = 'No comment';
const COMMENT_LIMIT = 1024;

export const SURVEY_TEXT = {
  ratingQuestion: 'How would you rate this chat from 1 (poor) to 5 (excellent)? Reply with a number, or "skip".',
  ratingAgain: 'Please choose a rating from 1 to 5, or skip.',
  commentQuestion: 'Thank you! Anything you would like to add? Type it below, or choose "No comment".',
  thanks: 'Thank you for your feedback. Goodbye!',
  skipped: 'No problem. Thank you for chatting with us. Goodbye!',
};

type Step = 'rating' | 'comment';

/** What a customer message means at a step of the survey. */
export type SurveyAnswer = { kind: 'rating'; rating: string } | { kind: 'skip' } | { kind: 'comment'; comment: string } | { kind: 'none' };

/** Reads a customer item at `step`: a view action or text ("4", "skip", a comment). */
export function readAnswer(step: Step, item: Pick<ChatItem, 'ContentType' | 'Content'>): SurveyAnswer {
  const content = item.Content ?? '';
  if (item.ContentType === CONTENT_TYPES.interactiveResponse) {
    let parsed: { action?: unknown; data?: { Rating?: unknown } } = {};
    try {
      parsed = JSON.parse(content) as typeof parsed;
    } catch {
      return { kind: 'none' };
    }
    if (step === 'rating' && parsed.action === 'Rate' && isRating(parsed.data?.Rating)) return { kind: 'rating', rating: parsed.data.Rating };
    if (step === 'rating' && parsed.action === 'Skip') return { kind: 'skip' };
    return { kind: 'none' };
  }
  const text = content.trim();
  if (step === 'rating') {
    if (isRating(text)) return { kind: 'rating', rating: text };
    return /^(skip|no)$/i.test(text) ? { kind: 'skip' } : { kind: 'none' };
  }
  if (text === '' || text === NO_COMMENT) return { kind: 'comment', comment: '' };
  return { kind: 'comment', comment: [...text].slice(0, COMMENT_LIMIT).join('') };
}

function isRating(value: unknown): value is string {
  return typeof value === 'string' && /^[1-5]$/.test(value);
}

/** The built-in survey, run by the plugin host for contacts whose disconnect flow is `survey`. */
export function createSurveyFlow(): EmulatorPlugin {
  // By InitialContactId: where each running survey is.
  const steps = new Map<string, { step: Step; rating?: string }>();

  return {
    name: 'survey',
    onDisconnectFlow(contact) {
      steps.set(contact.initialContactId, { step: 'rating' });
      if (contact.info().SupportedMessagingContentTypes.includes(CONTENT_TYPES.interactiveResponse)) {
        contact.showView(SURVEY_VIEW, sampleViewData(SURVEY_VIEW));
      } else {
        contact.sendText(SURVEY_TEXT.ratingQuestion);
      }
    },
    onItem(contact, item) {
      const at = steps.get(contact.initialContactId);
      if (!at || contact.ended || item.Type !== 'MESSAGE' || item.ParticipantRole !== 'CUSTOMER') return;
      const answer = readAnswer(at.step, item);
      switch (answer.kind) {
        case 'none':
          contact.sendText(SURVEY_TEXT.ratingAgain);
          return;
        case 'skip':
          contact.recordSurvey({}, 'skipped');
          finish(contact, SURVEY_TEXT.skipped);
          return;
        case 'rating':
          steps.set(contact.initialContactId, { step: 'comment', rating: answer.rating });
          contact.recordSurvey({ rating: answer.rating });
          askForComment(contact);
          return;
        case 'comment':
          contact.recordSurvey({ rating: at.rating ?? '', ...(answer.comment ? { comment: answer.comment } : {}) });
          finish(contact, SURVEY_TEXT.thanks);
      }
    },
    onContactEnded(contact) {
      steps.delete(contact.initialContactId);
    },
  };

  function finish(contact: ContactHandle, text: string): void {
    steps.delete(contact.initialContactId);
    contact.sendText(text);
    contact.end();
  }
}

function askForComment(contact: ContactHandle): void {
  if (!contact.info().SupportedMessagingContentTypes.includes(CONTENT_TYPES.interactiveResponse)) {
    contact.sendText(SURVEY_TEXT.commentQuestion);
    return;
  }
  contact.sendInteractive({
    templateType: 'QuickReply',
    version: '1.0',
    data: { content: { title: SURVEY_TEXT.commentQuestion, elements: [{ title: NO_COMMENT }] } },
  });
}
