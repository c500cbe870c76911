// @vitest-environment jsdom
// The draft a page leaves as it goes away (draft-on-exit.ts) through the session's persistence
// (store-persistence.ts): real IndexedDB (fake-indexeddb) and jsdom's real localStorage.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshIdb } from '../store/testing/stores.js';
import { draftOnExitKey } from './draft-on-exit.js';
import type { SessionDetails } from './persistence.js';
import { openStorePersistence } from './store-persistence.js';

const details = (contactId: string): SessionDetails => ({
  contactId,
  participantId: 'p',
  participantToken: 't',
  displayName: 'Visitor',
  supportedContentTypes: ['text/plain'],
  startedAt: '2026-01-01T00:00:00.000Z',
});

function page(idb: ReturnType<typeof freshIdb>) {
  return openStorePersistence({ mode: 'browser', namespace: 'shop', maxRows: 100, store: { idbStore: idb.reopen() }, onError: () => {} });
}

beforeEach(() => localStorage.clear());

describe('the draft kept as the page goes away', () => {
  it('comes back on the next load though the IndexedDB write never happened, and is written there', async () => {
    const idb = freshIdb();
    const first = page(idb);
    await first.saveSession(details('c1'));
    await first.saveDraft('typed before');
    first.keepDraftNow?.('typed before, then F5'); // the debounced IndexedDB write of this never ran
    expect(localStorage.getItem(draftOnExitKey('shop'))).toContain('then F5');

    const second = page(idb);
    expect((await second.load())?.draft).toBe('typed before, then F5');
    expect(localStorage.getItem(draftOnExitKey('shop'))).toBeNull();
    expect((await page(idb).load())?.draft).toBe('typed before, then F5'); // now in IndexedDB
  });

  it('a later save replaces it; a kept draft of another contact is not taken', async () => {
    const idb = freshIdb();
    const p = page(idb);
    await p.saveSession(details('c1'));
    p.keepDraftNow?.('old text'); // the page was hidden, then came back and the visitor went on
    await p.saveDraft('newer text');
    expect((await page(idb).load())?.draft).toBe('newer text');

    localStorage.setItem(draftOnExitKey('shop'), JSON.stringify({ contactId: 'another chat', text: 'not yours' }));
    expect((await page(idb).load())?.draft).toBe('newer text');
    expect(localStorage.getItem(draftOnExitKey('shop'))).toBeNull();
  });

  it('nothing is kept before a chat exists or after it was cleared', async () => {
    const idb = freshIdb();
    const p = page(idb);
    p.keepDraftNow?.('no chat yet');
    expect(localStorage.getItem(draftOnExitKey('shop'))).toBeNull();
    await p.saveSession(details('c1'));
    p.keepDraftNow?.('kept');
    await p.clear();
    expect(localStorage.getItem(draftOnExitKey('shop'))).toBeNull();
    expect(await page(idb).load()).toBeNull();
  });
});
