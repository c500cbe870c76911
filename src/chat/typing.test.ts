import { describe, expect, it } from 'vitest';
import { nextTypingExpiry, noTyping, shouldSendTyping, typingCleared, typingExpired, typingList, typingReceived } from './typing.js';

const agent = { participantId: 'a', displayName: 'Ann', role: 'AGENT' as const };
const bot = { participantId: 'b', displayName: 'Bot', role: 'SYSTEM' as const };

describe('outgoing typing throttle', () => {
  it('sends on the first keystroke, then at most once per 10 s', () => {
    expect(shouldSendTyping(undefined, 0)).toBe(true);
    let last = 0;
    const sent: number[] = [0];
    for (let now = 100; now <= 25_000; now += 100) {
      if (shouldSendTyping(last, now)) {
        sent.push(now);
        last = now;
      }
    }
    expect(sent).toEqual([0, 10_000, 20_000]);
  });
});

describe('incoming typing indicator', () => {
  it('shows for 12 s after the last event, refreshed by each event', () => {
    let s = typingReceived(noTyping, agent, 0);
    expect(typingList(typingExpired(s, 11_999))).toEqual([agent]);
    s = typingReceived(s, agent, 10_000);
    expect(nextTypingExpiry(s)).toBe(22_000);
    expect(typingList(typingExpired(s, 21_999))).toEqual([agent]);
    expect(typingList(typingExpired(s, 22_000))).toEqual([]);
  });

  it("goes away with that participant's next message, others stay", () => {
    let s = typingReceived(typingReceived(noTyping, agent, 0), bot, 0);
    s = typingCleared(s, 'a');
    expect(typingList(s)).toEqual([bot]);
    expect(typingCleared(s, 'nobody')).toBe(s);
  });

  it('returns the same object when nothing expired', () => {
    const s = typingReceived(noTyping, agent, 0);
    expect(typingExpired(s, 5)).toBe(s);
    expect(nextTypingExpiry(noTyping)).toBeNull();
  });
});
