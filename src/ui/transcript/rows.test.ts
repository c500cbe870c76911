import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../chat/types';
import { buildRows } from './rows';

const at = (d: number, h: number, m = 0) => new Date(2024, 4, d, h, m).toISOString();
const msg = (id: string, participantId: string, time: string, extra: Partial<TranscriptEntry> = {}): TranscriptEntry =>
  ({ kind: 'message', id, time, participantId, displayName: participantId, role: 'AGENT', own: participantId === 'me', contentType: 'text/plain', content: id, ...extra }) as TranscriptEntry;

describe('buildRows', () => {
  it('puts a separator before each local day and groups consecutive messages of one participant', () => {
    const rows = buildRows([
      msg('a', 'ana', at(6, 9, 0)),
      msg('b', 'ana', at(6, 9, 2)),
      msg('c', 'me', at(6, 9, 3)),
      msg('d', 'ana', at(6, 9, 20)),
      msg('e', 'ana', at(6, 9, 40)), // 20 minutes later: a new group
      msg('f', 'ana', at(7, 8, 0)), // next day: a separator breaks the group
    ]);
    expect(rows.map((r) => (r.entry ? `${r.key}:${r.first ? 'F' : '-'}${r.last ? 'L' : '-'}` : 'day'))).toEqual([
      'day', 'a:F-', 'b:-L', 'c:FL', 'd:FL', 'e:FL', 'day', 'f:FL',
    ]);
  });

  it('never groups notices and marks only the last own message', () => {
    const rows = buildRows([
      msg('a', 'me', at(6, 9)),
      msg('n', 'ana', at(6, 9), { kind: 'notice', event: 'joined' } as never),
      msg('b', 'me', at(6, 9, 1)),
      msg('c', 'ana', at(6, 9, 2)),
    ]);
    const n = rows.find((r) => r.key === 'n');
    expect(n?.entry && n.first && n.last).toBe(true);
    expect(rows.filter((r) => r.entry && r.lastOwn).map((r) => r.key)).toEqual(['b']);
  });

  it('handles 10,000 entries in one pass', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => msg(`m${i}`, i % 2 ? 'ana' : 'me', new Date(2024, 0, 1, 0, 0, i * 30).toISOString()));
    const rows = buildRows(many);
    expect(rows.filter((r) => r.entry)).toHaveLength(10_000);
    expect(rows.filter((r) => !r.entry)).toHaveLength(4); // 10,000 × 30 s spans four days
  });

  it('gives the same rows when entries are reused across rebuilds, and re-reads a time that changed', () => {
    const a = msg('a', 'ana', at(6, 9, 0));
    const b = msg('b', 'ana', at(6, 9, 2));
    const shape = (rows: ReturnType<typeof buildRows>) => rows.map((r) => (r.entry ? `${r.key}:${r.first ? 'F' : '-'}${r.last ? 'L' : '-'}` : r.key));
    const once = shape(buildRows([a, b]));
    expect(shape(buildRows([a, b]))).toEqual(once);
    expect(once).toEqual([buildRows([a])[0].key, 'a:F-', 'b:-L']);
    // Same object, new time (on the next day): a new separator, no stale day remembered.
    (b as { time: string }).time = at(7, 9, 0);
    expect(shape(buildRows([a, b]))).toEqual([once[0], 'a:FL', 'd' + buildRows([b])[0].day, 'b:FL']);
  });
});
