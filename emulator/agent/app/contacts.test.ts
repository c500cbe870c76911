import { describe, expect, it } from 'vitest';
import type { ContactInfo } from './api.js';
import { arrangeContacts, arrangeTasks, ENDED_SHOWN, surveySummary, wantsAgent } from './contacts.js';
import { loadSaved, SAVED_KEY, storeSaved } from './saved.js';

function contact(id: string, startedAt: string, extra: Partial<ContactInfo> = {}): ContactInfo {
  return {
    ContactId: id,
    InitialContactId: id,
    InstanceId: 'i',
    ContactFlowId: 'f',
    Attributes: {},
    SupportedMessagingContentTypes: ['text/plain'],
    State: 'active',
    StartedAt: startedAt,
    Participants: [{ ParticipantId: `${id}-c`, DisplayName: 'Ada', ParticipantRole: 'CUSTOMER', State: 'joined', Connected: true, Sockets: 1 }],
    ...extra,
  };
}

describe('the contact list', () => {
  it('live contacts newest first, then the newest ended ones, at most ENDED_SHOWN', () => {
    const ended = Array.from({ length: ENDED_SHOWN + 3 }, (_, i) =>
      contact(`e${i}`, `2026-03-12T10:${String(i).padStart(2, '0')}:00.000Z`, { State: 'ended' }),
    );
    const { live, ended: shown } = arrangeContacts([contact('a', '2026-03-12T09:00:00.000Z'), ...ended, contact('b', '2026-03-12T11:00:00.000Z')]);
    expect(live.map((c) => c.ContactId)).toEqual(['b', 'a']);
    expect(shown).toHaveLength(ENDED_SHOWN);
    expect(shown[0].ContactId).toBe(`e${ENDED_SHOWN + 2}`);
  });

  it('flags a queued contact until an agent joins', () => {
    const queued = contact('q', '2026-03-12T09:00:00.000Z', { Queue: { Name: 'BasicQueue', EnqueuedAt: '2026-03-12T09:01:00.000Z' } });
    expect(wantsAgent(queued)).toBe(true);
    expect(wantsAgent(contact('n', '2026-03-12T09:00:00.000Z'))).toBe(false);
    const served = { ...queued, Participants: [...queued.Participants, { ParticipantId: 'ag', DisplayName: 'Sam', ParticipantRole: 'AGENT' as const, State: 'joined' as const, Connected: true, Sockets: 1 }] };
    expect(wantsAgent(served)).toBe(false);
    expect(wantsAgent({ ...queued, State: 'ended' })).toBe(false);
  });

  it('summarises a survey in one line', () => {
    const at = '2026-03-12T09:00:00.000Z';
    expect(surveySummary(contact('s', at))).toBeUndefined();
    expect(surveySummary(contact('s', at, { Survey: { State: 'answered', Answers: { rating: '4', comment: 'Kind' } } }))).toBe('4 / 5 · “Kind”');
    expect(surveySummary(contact('s', at, { Survey: { State: 'answered', Answers: { recommend: 'yes' } } }))).toBe('recommend: yes');
    expect(surveySummary(contact('s', at, { Survey: { State: 'pending', Answers: {} } }))).toBe('waiting for the customer');
    expect(surveySummary(contact('s', at, { Survey: { State: 'unanswered', Answers: {} } }))).toBe('not answered');
  });

  it('tasks newest first', () => {
    const task = (id: string, at: string) => ({ ContactId: id, InstanceId: 'i', Name: id, Attributes: {}, References: {}, CreatedAt: at });
    expect(arrangeTasks([task('old', '2026-03-12T09:00:00.000Z'), task('new', '2026-03-12T10:00:00.000Z')]).map((t) => t.ContactId)).toEqual(['new', 'old']);
  });
});

describe('what a reload keeps', () => {
  it('round-trips the joined chats, the open contact and the name; ignores what it cannot read', () => {
    const memory = new Map<string, string>();
    const store = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
    const chats = [{ initialContactId: 'c1', credentials: { ParticipantId: 'p1', ParticipantToken: 't1' } }];
    storeSaved(store, { chats, openId: 'c1', agentName: 'Sam' });
    expect(loadSaved(store)).toEqual({ chats, openId: 'c1', agentName: 'Sam' });
    memory.set(SAVED_KEY, '{"chats":[{"initialContactId":"c2"}, 7]}');
    expect(loadSaved(store)).toEqual({ chats: [] });
    memory.set(SAVED_KEY, 'not json');
    expect(loadSaved(store)).toEqual({ chats: [] });
    expect(loadSaved(undefined)).toEqual({ chats: [] });
  });
});
