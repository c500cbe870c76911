// The bot's commands are named the same in its own help, README and the demo page, and each one works.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, react } from './reply.js';
import type { BotAction, BotEnv } from './reply.js';
import { COMMANDS, TEXT } from './script.js';

const env: BotEnv = { now: Date.UTC(2030, 4, 13, 12), newId: () => 'id', consoleUrl: 'http://127.0.0.1:1/agent' };
const WORDS = COMMANDS.flatMap((c) => c.words);
const answer = (word: string): BotAction[] => react({ ...INITIAL_STATE, greeted: true }, { kind: 'message', contentType: 'text/plain', content: word }, env).actions;

describe('the demo bot\'s commands', () => {
  it('each one gets its answer, never the fallback', () => {
    const expected: Record<string, string> = {
      help: 'markdown', markdown: 'markdown', list: 'interactive', panel: 'interactive', 'quick reply': 'interactive', appointment: 'interactive',
      carousel: 'interactive', cards: 'view', form: 'view', delivery: 'view', detail: 'view', confirmation: 'view', return: 'view',
      file: 'text', stream: 'stream', agent: 'text', bye: 'text',
    };
    expect(Object.keys(expected).sort()).toEqual([...WORDS].sort());
    for (const word of WORDS) {
      const actions = answer(word);
      expect(actions[0]?.kind, word).toBe(expected[word]);
      expect(actions.some((a) => 'text' in a && a.text === TEXT.fallback), word).toBe(false);
    }
    const views = Object.fromEntries(['cards', 'form', 'delivery', 'detail', 'confirmation', 'return'].map((w) => [w, answer(w)[0]]));
    expect(Object.fromEntries(Object.entries(views).map(([w, a]) => [w, a?.kind === 'view' ? a.view : undefined]))).toEqual({
      cards: 'cards', form: 'form', delivery: 'DeliveryOptions', detail: 'detail', confirmation: 'confirmation', return: 'ReturnRequest',
    });
  });

  it('its help names every one', () => {
    for (const word of WORDS) expect(TEXT.help).toContain(`**${word}**`);
  });

  it('README names exactly these', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const paragraph = /The bot answers ([\s\S]*?)\n\n/.exec(readme)?.[1] ?? '';
    const named = [...paragraph.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((w) => !w.startsWith('npm ') && !w.startsWith('--'));
    expect([...new Set(named)].sort()).toEqual([...WORDS].sort());
  });

  it('the demo page suggests only words the bot knows', () => {
    const page = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    const suggested = [...page.matchAll(/<kbd>([^<]+)<\/kbd>/g)].map((m) => m[1]);
    expect(suggested.length).toBeGreaterThan(5);
    for (const word of suggested) expect(WORDS, word).toContain(word);
  });
});
