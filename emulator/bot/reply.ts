// The demo bot's brain as one pure function: (state, event) -> (new state, actions). No timers, no
// sockets: index.ts performs the actions through the emulator's ContactHandle.
import { sampleViewData } from '../views/index.js';
import type { JsonValue } from '../views/index.js';
import { KEYWORDS, SAMPLE_ATTACHMENT, TEXT, VIEW_WORDS } from './script.js';
import type { Intent } from './script.js';
import {
  CAROUSEL_CARDS,
  PANEL_OPTIONS,
  QUICK_REPLIES,
  SERVICES,
  SERVICE_LIST_ID,
  carousel,
  panel,
  quickReply,
  servicesListPage,
  timePicker,
} from './templates.js';
import type { InteractiveTemplate, TemplateType } from './templates.js';

export const INTERACTIVE_RESPONSE = 'application/vnd.amazonaws.connect.message.interactive.response';

export type BotAction =
  | { kind: 'text'; text: string }
  | { kind: 'markdown'; text: string }
  | { kind: 'interactive'; template: InteractiveTemplate }
  | { kind: 'view'; view: string; viewData: { [key: string]: JsonValue } }
  | { kind: 'attachment'; name: string; contentType: string; text: string }
  | { kind: 'stream'; chunks: string[] }
  /** The "Transfer to queue" block: the contact waits for an agent (flagged in the agent console). */
  | { kind: 'queue' }
  | { kind: 'end' };

/** What the last bot prompt was, so a plain-text reply can be read as an answer to it. */
export type Prompt = { type: TemplateType } | { type: 'View'; view: string };

export interface BotState {
  greeted: boolean;
  /** `waiting`: handed over, no agent yet; `agent`: an agent is in the chat. The bot is quiet in both. */
  handover: 'none' | 'waiting' | 'agent';
  prompt?: Prompt;
  /** referenceId of the services list, shared by all its pages. */
  listReferenceId?: string;
}

export type BotEvent =
  | { kind: 'started' }
  | { kind: 'message'; contentType: string; content: string }
  | { kind: 'agent-joined' }
  | { kind: 'agent-left' };

export interface BotEnv {
  /** ms since the epoch (TimePicker slots are relative to it). */
  now: number;
  newId(): string;
  /** Where the agent console is, for the demo hint on handover. */
  consoleUrl: string;
}

export interface Reaction {
  state: BotState;
  actions: BotAction[];
}

export const INITIAL_STATE: BotState = { greeted: false, handover: 'none' };

export function react(state: BotState, event: BotEvent, env: BotEnv): Reaction {
  switch (event.kind) {
    case 'started':
      return state.greeted ? { state, actions: [] } : { state: { ...state, greeted: true }, actions: [markdown(TEXT.greeting)] };
    case 'agent-joined':
      return { state: { ...state, handover: 'agent', prompt: undefined }, actions: [] };
    case 'agent-left':
      return state.handover === 'agent'
        ? { state: { ...state, handover: 'none' }, actions: [markdown(TEXT.agentLeft)] }
        : { state, actions: [] };
    case 'message': {
      const greeting = react(state, { kind: 'started' }, env);
      // A first "hello" is answered by the greeting alone.
      if (greeting.actions.length > 0 && intentOf(event.content) === 'greet') return greeting;
      const reaction = onMessage(greeting.state, event.contentType, event.content, env);
      return { state: reaction.state, actions: [...greeting.actions, ...reaction.actions] };
    }
  }
}

function onMessage(state: BotState, contentType: string, content: string, env: BotEnv): Reaction {
  if (state.handover !== 'none') {
    const intent = intentOf(content);
    return state.handover === 'waiting' && intent === 'agent' && contentType !== INTERACTIVE_RESPONSE
      ? { state, actions: [text(TEXT.alreadyWaiting)] }
      : { state, actions: [] };
  }
  if (contentType === INTERACTIVE_RESPONSE) return onInteractiveResponse(state, content, env);
  if (contentType !== 'text/plain' && contentType !== 'text/markdown') return { state, actions: [markdown(TEXT.fallback)] };
  return onText(state, content.trim(), env);
}

function onText(state: BotState, input: string, env: BotEnv): Reaction {
  const answer = answerToPrompt(state, state.prompt, input, env);
  if (answer) return answer;
  const intent = intentOf(input);
  if (intent) return onIntent(state, intent, input, env);
  // A late answer to an earlier prompt still counts.
  for (const type of ['ListPicker', 'Panel', 'QuickReply', 'TimePicker', 'Carousel'] as const) {
    const late = answerToPrompt(state, { type }, input, env);
    if (late) return late;
  }
  return { state, actions: [markdown(TEXT.fallback)] };
}

export function intentOf(input: string): Intent | undefined {
  return KEYWORDS.find((rule) => rule.pattern.test(input.trim()))?.intent;
}

function onIntent(state: BotState, intent: Intent, input: string, env: BotEnv): Reaction {
  switch (intent) {
    case 'greet':
    case 'help':
      return { state: { ...state, prompt: undefined }, actions: [markdown(TEXT.help)] };
    case 'markdown':
      return { state, actions: [markdown(TEXT.markdown)] };
    case 'thanks':
      return { state, actions: [text(TEXT.thanks)] };
    case 'list': {
      const referenceId = env.newId();
      return {
        state: { ...state, prompt: { type: 'ListPicker' }, listReferenceId: referenceId },
        actions: [interactive(servicesListPage(0, referenceId))],
      };
    }
    case 'panel':
      return { state: { ...state, prompt: { type: 'Panel' } }, actions: [interactive(panel())] };
    case 'quickreply':
      return { state: { ...state, prompt: { type: 'QuickReply' } }, actions: [interactive(quickReply())] };
    case 'timepicker':
      return { state: { ...state, prompt: { type: 'TimePicker' } }, actions: [interactive(timePicker(env.now))] };
    case 'carousel':
      return { state: { ...state, prompt: { type: 'Carousel' } }, actions: [interactive(carousel())] };
    case 'view': {
      const view = VIEW_WORDS.find(([pattern]) => pattern.test(input))?.[1] ?? 'cards';
      // A form shown for the first time has nothing to correct: its ErrorText comes with a re-showing.
      return showView(state, view, {}, view === 'form' ? ['ErrorText'] : []);
    }
    case 'attachment':
      return {
        state,
        actions: [text(TEXT.attachmentIntro), { kind: 'attachment', ...SAMPLE_ATTACHMENT }],
      };
    case 'stream':
      return { state, actions: [{ kind: 'stream', chunks: [...TEXT.streamChunks] }] };
    case 'agent':
      return handover(state, env);
    case 'bye':
      return { state, actions: [text(TEXT.bye), { kind: 'end' }] };
  }
}

function handover(state: BotState, env: BotEnv): Reaction {
  return {
    state: { ...state, handover: 'waiting', prompt: undefined },
    actions: [text(TEXT.handover), text(TEXT.handoverHint(env.consoleUrl)), { kind: 'queue' }],
  };
}

function showView(state: BotState, view: string, overrides: { [key: string]: JsonValue } = {}, without: string[] = []): Reaction {
  const viewData = { ...(sampleViewData(view) ?? {}), ...overrides };
  for (const key of without) delete viewData[key];
  return { state: { ...state, prompt: { type: 'View', view } }, actions: [{ kind: 'view', view, viewData }] };
}

/** The reply when `input` answers `prompt`, else undefined. */
function answerToPrompt(state: BotState, prompt: Prompt | undefined, input: string, env: BotEnv): Reaction | undefined {
  const done = { ...state, prompt: undefined };
  switch (prompt?.type) {
    case 'ListPicker':
      return SERVICES.includes(input) ? { state: done, actions: [markdown(TEXT.picked(input))] } : undefined;
    case 'Panel':
      if (!PANEL_OPTIONS.includes(input)) return undefined;
      return intentOf(input) === 'agent' ? handover(state, env) : { state: done, actions: [markdown(TEXT.picked(input))] };
    case 'QuickReply':
      return QUICK_REPLIES.includes(input) ? { state: done, actions: [markdown(TEXT.rated(input))] } : undefined;
    case 'TimePicker': {
      const when = formatSlot(input);
      return when ? { state: done, actions: [text(TEXT.booked(when))] } : undefined;
    }
    case 'Carousel': {
      const choice = parseCarouselChoice(input);
      return choice ? { state: done, actions: [text(TEXT.carouselPicked(choice.card, choice.option))] } : undefined;
    }
    default:
      return undefined;
  }
}

/** `2030-05-14T09:00+00:00` (what the widget sends for a TimePicker slot) -> "Tue, 14 May 2030, 09:00". */
export function formatSlot(input: string): string | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$/.test(input)) return undefined;
  const time = Date.parse(input);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toLocaleString('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A Carousel selection `{"templateIdentifier","listTitle","selectionText"}` naming one of our cards. */
export function parseCarouselChoice(input: string): { card: string; option: string } | undefined {
  const value = parseObject(input);
  if (!value) return undefined;
  const card = CAROUSEL_CARDS.find((candidate) => candidate.templateIdentifier === value.templateIdentifier);
  if (!card || typeof value.selectionText !== 'string' || !card.options.includes(value.selectionText)) return undefined;
  return { card: card.title, option: value.selectionText };
}

function onInteractiveResponse(state: BotState, content: string, env: BotEnv): Reaction {
  const response = parseObject(content);
  const data = response && isObject(response.data) ? response.data : undefined;
  if (!response || !data) return { state, actions: [markdown(TEXT.fallback)] };
  const action = typeof data.actionName === 'string' ? data.actionName : response.action;
  if ((action === 'SHOW_MORE' || action === 'PREVIOUS_OPTIONS') && data.listId === SERVICE_LIST_ID) {
    const start = Number(action === 'SHOW_MORE' ? data.nextIndex : data.preIndex);
    if (!Number.isInteger(start) || start < 0) return { state, actions: [] };
    const referenceId = typeof data.referenceId === 'string' ? data.referenceId : (state.listReferenceId ?? env.newId());
    return {
      state: { ...state, prompt: { type: 'ListPicker' }, listReferenceId: referenceId },
      actions: [interactive(servicesListPage(start, referenceId))],
    };
  }
  if (response.templateType === 'ViewResource' && typeof response.action === 'string') {
    if (response.action.trim() === '' && typeof data.content === 'string') {
      return onText({ ...state, prompt: undefined }, data.content.trim(), env);
    }
    return onViewAction(state, response.action, data, env);
  }
  return { state, actions: [markdown(TEXT.fallback)] };
}

function onViewAction(state: BotState, action: string, data: { [key: string]: unknown }, env: BotEnv): Reaction {
  const view = state.prompt?.type === 'View' ? state.prompt.view : undefined;
  const summary = Object.keys(data).length ? JSON.stringify(data) : '';
  const said = markdown(TEXT.viewAction(action, summary));
  if (view === 'DeliveryOptions' && action === 'Agent') return prepend(said, handover(state, env));
  if (view === 'form' && action === 'Next') {
    // As a flow validates in a Lambda and loops back to Show View: a serial number of the wrong
    // length re-shows the form with its ErrorText.
    const form = isObject(data.FormData) ? data.FormData : {};
    if (typeof form.serial !== 'string' || form.serial.trim().length !== 10) return prepend(said, showView(state, 'form'));
    return prepend(said, showView(state, 'confirmation', { Heading: 'Repair booked', SubHeading: 'We sent the details by email.' }));
  }
  if (view === 'ReturnRequest' && action === 'Submit') {
    return prepend(said, showView(state, 'confirmation', { Heading: 'Return requested', SubHeading: 'A courier will collect it.' }));
  }
  return { state: { ...state, prompt: undefined }, actions: [said] };
}

function prepend(action: BotAction, reaction: Reaction): Reaction {
  return { state: reaction.state, actions: [action, ...reaction.actions] };
}

function parseObject(text: string): { [key: string]: unknown } | undefined {
  if (!text.trim().startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const text = (value: string): BotAction => ({ kind: 'text', text: value });
const markdown = (value: string): BotAction => ({ kind: 'markdown', text: value });
const interactive = (template: InteractiveTemplate): BotAction => ({ kind: 'interactive', template });
