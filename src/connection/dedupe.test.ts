import { describe, expect, it } from 'vitest';
import { RecentKeys, itemKey } from './dedupe';

describe('itemKey', () => {
  it('is equal for the same item delivered twice', () => {
    const raw = '{"Id":"m1","Content":"hi"}';
    expect(itemKey(JSON.parse(raw), raw)).toBe(itemKey(JSON.parse(raw), raw));
  });
  it('differs for streaming chunks and updates that reuse an Id', () => {
    const a = '{"Id":"m1","Content":"Hel","MessageMetadata":{"ChunkNumber":1}}';
    const b = '{"Id":"m1","Content":"Hello","MessageMetadata":{"ChunkNumber":2}}';
    expect(itemKey(JSON.parse(a), a)).not.toBe(itemKey(JSON.parse(b), b));
  });
  it('is null without an Id (chatjs-style synthetic events carry Id "")', () => {
    expect(itemKey({ Id: '' }, '{"Id":""}')).toBeNull();
    expect(itemKey({ Type: 'EVENT' }, '{}')).toBeNull();
    expect(itemKey('text', '"text"')).toBeNull();
  });
});

describe('RecentKeys', () => {
  it('reports duplicates and forgets the oldest beyond capacity', () => {
    const keys = new RecentKeys(2);
    expect(keys.add('a')).toBe(true);
    expect(keys.add('a')).toBe(false);
    keys.add('b');
    keys.add('c');
    expect(keys.add('a')).toBe(true);
    expect(keys.add('c')).toBe(false);
  });
});
