import { describe, expect, it } from 'vitest';
import { checkViewData } from '../views/index.js';
import { INITIAL_STATE, INTERACTIVE_RESPONSE, formatSlot, intentOf, parseCarouselChoice, react } from './reply.js';
import type { BotAction, BotEnv, BotState, Reaction } from './reply.js';
import { TEXT } from './script.js';
import { CAROUSEL_CARDS, LIST_PAGE_SIZE, SERVICES, TEMPLATE_TYPES, sampleTemplate, servicesListPage, timePicker } from './templates.js';
import type { TemplateElement } from './templates.js';

let ids = 0;
const env: BotEnv = { now: Date.UTC(2030, 4, 13, 12), newId: () => `id-${++ids}`, consoleUrl: 'http://127.0.0.1:1/agent' };
const greeted: BotState = { ...INITIAL_STATE, greeted: true };

const say = (state: BotState, content: string, contentType = 'text/plain'): Reaction =>
  react(state, { kind: 'message', contentType, content }, env);

/** Runs a conversation of customer texts, returning the final reaction. */
function conversation(...texts: string[]): Reaction {
  let reaction: Reaction = { state: greeted, actions: [] };
  for (const content of texts) reaction = say(reaction.state, content);
  return reaction;
}

const kinds = (actions: BotAction[]) => actions.map((action) => action.kind);
const texts = (actions: BotAction[]) => actions.flatMap((action) => ('text' in action ? [action.text] : []));
const templateOf = (action: BotAction | undefined) => (action?.kind === 'interactive' ? action.template : undefined);
const elementsOf = (action: BotAction | undefined) => (templateOf(action)?.data.content.elements ?? []) as TemplateElement[];

describe('greeting', () => {
  it('greets once on start and not again', () => {
    const first = react(INITIAL_STATE, { kind: 'started' }, env);
    expect(texts(first.actions)).toEqual([TEXT.greeting]);
    expect(react(first.state, { kind: 'started' }, env).actions).toEqual([]);
  });

  it('greets before answering when the first message arrives before the start', () => {
    const reaction = say(INITIAL_STATE, 'markdown');
    expect(texts(reaction.actions)).toEqual([TEXT.greeting, TEXT.markdown]);
  });

  it('answers a first "hello" with the greeting alone, and a later one with help', () => {
    expect(texts(say(INITIAL_STATE, 'Hello!').actions)).toEqual([TEXT.greeting]);
    expect(texts(say(greeted, 'hello').actions)).toEqual([TEXT.help]);
  });
});

describe('keywords', () => {
  it.each([
    ['help', 'help'],
    ['Can I talk to a human please', 'agent'],
    ['show me markdown', 'markdown'],
    ['list', 'list'],
    ['panel', 'panel'],
    ['quick reply', 'quickreply'],
    ['time picker', 'timepicker'],
    ['carousel', 'carousel'],
    ['view form', 'view'],
    ['send me a file', 'attachment'],
    ['stream', 'stream'],
    ['bye', 'bye'],
    ['asdf qwerty', undefined],
  ])('%s -> %s', (input, intent) => {
    expect(intentOf(input)).toBe(intent);
  });

  it('falls back with a hint for anything unknown', () => {
    expect(texts(say(greeted, 'asdf').actions)).toEqual([TEXT.fallback]);
  });

  it('shows off markdown, an attachment and a stream', () => {
    expect(say(greeted, 'markdown').actions).toEqual([{ kind: 'markdown', text: TEXT.markdown }]);
    const file = say(greeted, 'file').actions;
    expect(kinds(file)).toEqual(['text', 'attachment']);
    expect(file[1]).toMatchObject({ name: 'receipt.txt', contentType: 'text/plain' });
    const stream = say(greeted, 'stream').actions[0];
    expect(stream?.kind === 'stream' && stream.chunks.join('')).toBe(TEXT.streamChunks.join(''));
  });

  it('ends the chat on bye', () => {
    expect(kinds(say(greeted, 'bye').actions)).toEqual(['text', 'end']);
  });
});

describe('every interactive template and its reply (chat-protocol §3.2)', () => {
  it('ListPicker: an element title is answered', () => {
    const shown = conversation('list');
    expect(templateOf(shown.actions[0])?.templateType).toBe('ListPicker');
    expect(texts(say(shown.state, 'Orders').actions)).toEqual([TEXT.picked('Orders')]);
  });

  it('ListPicker: SHOW_MORE and PREVIOUS_OPTIONS page with the same referenceId', () => {
    const shown = conversation('list');
    const first = templateOf(shown.actions[0])?.data.content;
    expect(first).toMatchObject({ preIndex: -1, nextIndex: LIST_PAGE_SIZE, listId: 'serviceList' });
    const referenceId = first?.referenceId;
    expect(referenceId).toEqual(expect.any(String));
    const more = say(
      shown.state,
      JSON.stringify({
        version: '1.0',
        data: { actionName: 'SHOW_MORE', preIndex: -1, nextIndex: LIST_PAGE_SIZE, listId: 'serviceList', templateType: 'ListPicker', referenceId },
        action: 'SHOW_MORE',
      }),
      INTERACTIVE_RESPONSE,
    );
    const second = templateOf(more.actions[0])?.data.content;
    expect(second).toMatchObject({ referenceId, preIndex: 0, nextIndex: LIST_PAGE_SIZE * 2 });
    const titles = elementsOf(more.actions[0]).map((element) => element.title);
    expect(titles[0]).toBe('Previous options');
    expect(titles.slice(1, -1)).toEqual(SERVICES.slice(LIST_PAGE_SIZE, LIST_PAGE_SIZE * 2));
    expect(titles.at(-1)).toBe('Show more');
    const back = say(
      more.state,
      JSON.stringify({ version: '1.0', data: { actionName: 'PREVIOUS_OPTIONS', preIndex: 0, nextIndex: 8, listId: 'serviceList', templateType: 'ListPicker', referenceId }, action: 'PREVIOUS_OPTIONS' }),
      INTERACTIVE_RESPONSE,
    );
    expect(templateOf(back.actions[0])?.data.content).toMatchObject({ referenceId, preIndex: -1 });
  });

  it('ListPicker pages cover every service once, never exceed 6 elements, and the last has no Show more', () => {
    const seen: string[] = [];
    let start = 0;
    for (let guard = 0; guard < 10 && start >= 0; guard++) {
      const page = servicesListPage(start, 'r');
      const elements = page.data.content.elements as TemplateElement[];
      expect(elements.length).toBeLessThanOrEqual(6);
      seen.push(...elements.filter((element) => !element.actionDetail).map((element) => element.title));
      start = page.data.content.nextIndex as number;
      if (start < 0) expect(elements.at(-1)?.actionDetail).toBeUndefined();
    }
    expect(seen).toEqual([...SERVICES]);
  });

  it('Panel: an option is answered; "Talk to an agent" hands over', () => {
    const shown = conversation('panel');
    expect(templateOf(shown.actions[0])?.templateType).toBe('Panel');
    expect(texts(say(shown.state, 'Track my order').actions)).toEqual([TEXT.picked('Track my order')]);
    const handover = say(shown.state, 'Talk to an agent');
    expect(texts(handover.actions)[0]).toBe(TEXT.handover);
    expect(handover.state.handover).toBe('waiting');
  });

  it('QuickReply: the option title is answered', () => {
    const shown = conversation('quick reply');
    expect(elementsOf(shown.actions[0]).length).toBeGreaterThanOrEqual(2);
    expect(texts(say(shown.state, 'Great').actions)).toEqual([TEXT.rated('Great')]);
  });

  it('TimePicker: future slots; the slot date string is answered', () => {
    const template = timePicker(env.now);
    const slots = template.data.content.timeslots as Array<{ date: string; duration: number }>;
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      expect(slot.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d\+00:00$/);
      expect(Date.parse(slot.date)).toBeGreaterThan(env.now);
    }
    const shown = conversation('time picker');
    expect(texts(say(shown.state, slots[0].date).actions)).toEqual([TEXT.booked('Tue, 14 May 2030, 09:00')]);
    expect(formatSlot('2030-05-14T09:00+00:00')).toBe('Tue, 14 May 2030, 09:00');
    expect(formatSlot('tomorrow')).toBeUndefined();
  });

  it('Carousel: the JSON selection is answered; unknown identifiers are not', () => {
    const shown = conversation('carousel');
    expect(templateOf(shown.actions[0])?.templateType).toBe('Carousel');
    const card = CAROUSEL_CARDS[1];
    const choice = JSON.stringify({ templateIdentifier: card.templateIdentifier, listTitle: card.title, selectionText: card.options[0] });
    expect(texts(say(shown.state, choice).actions)).toEqual([TEXT.carouselPicked(card.title, card.options[0])]);
    expect(parseCarouselChoice(JSON.stringify({ templateIdentifier: 'nope', selectionText: 'Book a trip' }))).toBeUndefined();
  });

  it('a late answer to an earlier prompt still counts', () => {
    const reaction = conversation('quick reply', 'markdown', 'Okay');
    expect(texts(reaction.actions)).toEqual([TEXT.rated('Okay')]);
  });

  it('the agent console samples are the same templates', () => {
    for (const type of TEMPLATE_TYPES) {
      expect(sampleTemplate(type, { now: env.now, referenceId: 'r' }).templateType).toBe(type);
    }
  });
});

describe('views', () => {
  it('shows the named view with valid sample data', () => {
    for (const [input, view] of [
      ['view', 'cards'],
      ['view form', 'form'],
      ['view delivery', 'DeliveryOptions'],
      ['view detail', 'detail'],
      ['view list', 'list'],
      ['view return', 'ReturnRequest'],
    ] as const) {
      const action = say(greeted, input).actions[0];
      expect(action?.kind === 'view' && action.view).toBe(view);
      if (action?.kind === 'view') expect(checkViewData(view, action.viewData)).toEqual([]);
    }
  });

  it('answers a view action, and a form Next with a confirmation view', () => {
    const shown = say(greeted, 'view form');
    const next = say(
      shown.state,
      JSON.stringify({ action: 'Next', data: { FormData: { serial: 'AB12345678' } }, templateType: 'ViewResource', version: '1.0' }),
      INTERACTIVE_RESPONSE,
    );
    expect(kinds(next.actions)).toEqual(['markdown', 'view']);
    expect(texts(next.actions)[0]).toContain('**Next**');
    expect(next.actions[1]).toMatchObject({ kind: 'view', view: 'confirmation', viewData: { Heading: 'Repair booked' } });
  });

  it('shows a form first without ErrorText, and again with it when the serial number is wrong', () => {
    const shown = say(greeted, 'view form');
    expect(shown.actions[0]).toMatchObject({ kind: 'view', view: 'form' });
    expect(shown.actions[0]).not.toHaveProperty('viewData.ErrorText');
    const wrong = say(shown.state, JSON.stringify({ action: 'Next', data: { FormData: { serial: 'AB1' } }, templateType: 'ViewResource', version: '1.0' }), INTERACTIVE_RESPONSE);
    expect(wrong.actions[1]).toMatchObject({ kind: 'view', view: 'form', viewData: { ErrorText: { Heading: 'Check the form' } } });
  });

  it('hands over from the DeliveryOptions Agent action', () => {
    const shown = say(greeted, 'view delivery');
    const agent = say(shown.state, JSON.stringify({ action: 'Agent', data: {}, templateType: 'ViewResource', version: '1.0' }), INTERACTIVE_RESPONSE);
    expect(agent.state.handover).toBe('waiting');
  });

  it('reads free text typed while a view is shown (action " ") as text', () => {
    const shown = say(greeted, 'view');
    const typed = say(shown.state, JSON.stringify({ action: ' ', data: { content: 'markdown' }, templateType: 'ViewResource', version: '1.0' }), INTERACTIVE_RESPONSE);
    expect(texts(typed.actions)).toEqual([TEXT.markdown]);
  });

  it('falls back on a malformed interactive response instead of throwing', () => {
    expect(texts(say(greeted, '{not json', INTERACTIVE_RESPONSE).actions)).toEqual([TEXT.fallback]);
  });
});

describe('handover to an agent', () => {
  it('waits quietly, answers "agent" again, goes silent with an agent and returns when the agent leaves', () => {
    const waiting = say(greeted, 'agent');
    expect(texts(waiting.actions)).toEqual([TEXT.handover, TEXT.handoverHint(env.consoleUrl)]);
    expect(say(waiting.state, 'help').actions).toEqual([]);
    expect(texts(say(waiting.state, 'agent?').actions)).toEqual([TEXT.alreadyWaiting]);
    const joined = react(waiting.state, { kind: 'agent-joined' }, env);
    expect(joined.state.handover).toBe('agent');
    expect(say(joined.state, 'agent').actions).toEqual([]);
    const left = react(joined.state, { kind: 'agent-left' }, env);
    expect(texts(left.actions)).toEqual([TEXT.agentLeft]);
    expect(texts(say(left.state, 'markdown').actions)).toEqual([TEXT.markdown]);
  });
});
