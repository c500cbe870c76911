// What the demo bot says: its words and its keyword table, as data. The logic that picks from it is
// in reply.ts.

/** A keyword rule: the first rule whose pattern matches the customer's text decides the reply. */
export interface KeywordRule {
  /** Matched against the trimmed text, case-insensitively. */
  pattern: RegExp;
  intent: Intent;
}

export type Intent =
  | 'greet'
  | 'help'
  | 'markdown'
  | 'list'
  | 'panel'
  | 'quickreply'
  | 'timepicker'
  | 'carousel'
  | 'view'
  | 'attachment'
  | 'stream'
  | 'agent'
  | 'bye'
  | 'thanks';

export const KEYWORDS: readonly KeywordRule[] = [
  { pattern: /\b(agent|human|person|representative)\b/i, intent: 'agent' },
  { pattern: /^view\b|\bviews?\b|\b(cards|form|delivery|detail|confirmation|return)\b/i, intent: 'view' },
  { pattern: /\b(help|menu|commands?)\b|^\?$/i, intent: 'help' },
  { pattern: /\b(markdown|format(ting)?|rich)\b/i, intent: 'markdown' },
  { pattern: /\b(list|listpicker|topics?)\b/i, intent: 'list' },
  { pattern: /\bpanel\b/i, intent: 'panel' },
  { pattern: /\b(quick ?reply|quickreply|rate|rating|feedback)\b/i, intent: 'quickreply' },
  { pattern: /\b(time ?picker|timepicker|appointment|schedule|call ?back)\b/i, intent: 'timepicker' },
  { pattern: /\bcarousel\b/i, intent: 'carousel' },
  { pattern: /\b(file|attachment|document|receipt)\b/i, intent: 'attachment' },
  { pattern: /\b(stream|streaming)\b/i, intent: 'stream' },
  { pattern: /\b(thanks|thank you|cheers)\b/i, intent: 'thanks' },
  { pattern: /\b(bye|goodbye|end chat)\b/i, intent: 'bye' },
  { pattern: /\b(hi|hello|hey|good (morning|afternoon|evening))\b/i, intent: 'greet' },
];

/** Which view a "view …" request shows: the first view name mentioned, else cards. */
export const VIEW_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/\bdelivery\b/i, 'DeliveryOptions'],
  [/\breturn\b/i, 'ReturnRequest'],
  [/\bform\b/i, 'form'],
  [/\bdetail\b/i, 'detail'],
  [/\blist\b/i, 'list'],
  [/\bconfirm(ation)?\b/i, 'confirmation'],
  [/\bcards?\b/i, 'cards'],
];

/**
 * The words the bot answers, grouped as its help lists them. README ("What `npm start` shows") and the
 * demo page name the same words; bot tests check all three against this table.
 */
export const COMMANDS: ReadonlyArray<{ words: readonly string[]; what: string }> = [
  { words: ['help'], what: 'this list' },
  { words: ['markdown'], what: 'rich text' },
  { words: ['list', 'panel', 'quick reply', 'appointment', 'carousel'], what: 'interactive messages' },
  { words: ['cards', 'form', 'delivery', 'detail', 'confirmation', 'return'], what: 'views (or **view** for cards)' },
  { words: ['file'], what: 'an attachment' },
  { words: ['stream'], what: 'a message that arrives in chunks' },
  { words: ['agent'], what: 'hand over to a person (the agent console)' },
  { words: ['bye'], what: 'end the chat' },
];

export const TEXT = {
  greeting: "Hi, I'm the demo bot of the local Amazon Connect emulator. Type **help** to see what I can show you.",
  help: ['Here is what I can do — type a word:', '', ...COMMANDS.map((c) => `- ${c.words.map((w) => `**${w}**`).join(', ')} – ${c.what}`)].join('\n'),
  markdown: [
    '### Markdown works',
    '',
    'Text can be **bold**, *italic*, ~~struck~~ or `code`, with [a link](https://example.com).',
    '',
    '1. numbered',
    '2. lists',
    '',
    '- and bullets',
    '',
    '> a quote',
    '',
    '```',
    'a code block',
    '```',
  ].join('\n'),
  fallback: "Sorry, I didn't catch that. Type **help** for the list of things I can do, or **agent** to talk to a person.",
  thanks: "You're welcome!",
  bye: 'Thanks for chatting. Goodbye!',
  handover: 'Please wait while I connect you to an agent. Someone will join shortly.',
  handoverHint: (consoleUrl: string) => `(Demo: open the agent console at ${consoleUrl} and join this chat.)`,
  alreadyWaiting: 'An agent will be with you shortly.',
  agentLeft: "The agent has left the chat. I'm back — type **help** to see what I can do.",
  attachmentIntro: "Here's a file for you.",
  streamChunks: ['Streaming ', 'messages ', 'arrive ', 'in ', 'chunks ', 'that ', 'share ', 'one ', 'Id.'],
  picked: (what: string) => `You picked **${what}**.`,
  rated: (what: string) => `Thanks for the feedback: **${what}**.`,
  booked: (when: string) => `Booked: we'll call you on ${when} (UTC).`,
  carouselPicked: (card: string, option: string) => `${card} – ${option}: good choice!`,
  viewAction: (action: string, data: string) => `The view sent **${action}**${data ? ` with \`${data}\`` : ''}.`,
} as const;

/** The file the bot sends for "file". */
export const SAMPLE_ATTACHMENT = {
  name: 'receipt.txt',
  contentType: 'text/plain',
  text: 'Receipt #10423\n\n1 x Running shoes   89.00\n1 x Socks            6.50\n\nTotal              95.50\n',
} as const;

/** Delays (ms) that make the bot feel like it types. */
export const TIMING = { reply: 400, between: 300, chunk: 150 } as const;
