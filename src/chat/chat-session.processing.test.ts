// Message processing seen by the visitor's own session: the emulator holds a message (its
// messageProcessing fault) and then rejects it, fails it, or delivers it. (issue 15)
import { describe, expect, it } from 'vitest';
import { customerSession, until } from './testing/harness.js';
import { emulatorPerTest } from './testing/per-test.js';
import type { MessageEntry, TranscriptEntry } from './types.js';

const t = emulatorPerTest();
const mine = (entries: readonly TranscriptEntry[], content: string): MessageEntry | undefined =>
  entries.find((e): e is MessageEntry => e.kind === 'message' && e.own && e.content === content && !e.id.startsWith('local:'));

describe('own messages the service holds for processing', () => {
  for (const [status, shown] of [['REJECTED', 'rejected'], ['FAILED', 'failed'], ['APPROVED', undefined]] as const) {
    it(`${status}: processing, then ${shown ?? 'delivered'}`, async () => {
      const session = customerSession({ emu: t.emu, options: { persistence: 'none' } });
      t.later(() => session.close());
      await session.start();
      await t.emu.faults({ messageProcessing: { status, delayMs: 300 } });
      await session.send('my card is 4111 1111 1111 1111');
      const held = await until(session.transcript, (e) => mine(e, 'my card is 4111 1111 1111 1111')?.processing === 'processing', 8000, 'processing');
      expect(mine(held, 'my card is 4111 1111 1111 1111')).toMatchObject({ status: 'sent' });
      const decided = await until(session.transcript, (e) => mine(e, 'my card is 4111 1111 1111 1111')?.processing !== 'processing', 8000, 'decided');
      expect(mine(decided, 'my card is 4111 1111 1111 1111')?.processing).toBe(shown);
    });
  }
});
