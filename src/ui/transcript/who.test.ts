import { describe, expect, it } from 'vitest';
import type { NoticeEvent, ParticipantRole, TranscriptEntry } from '../../chat/types';
import { currentAgent, initials, senderKind } from './who';

let n = 0;
const msg = (participantId: string, role: ParticipantRole, displayName = participantId): TranscriptEntry =>
  ({ kind: 'message', id: `m${++n}`, time: '', participantId, displayName, role, own: role === 'CUSTOMER' && participantId === 'me', contentType: 'text/plain', content: 'x' }) as TranscriptEntry;
const notice = (participantId: string, role: ParticipantRole, event: NoticeEvent, displayName = participantId): TranscriptEntry =>
  ({ kind: 'notice', id: `n${++n}`, time: '', participantId, displayName, role, own: false, event, contentType: '' }) as TranscriptEntry;

describe('initials', () => {
  it('takes the first letters of the first and last words, upper-cased', () => {
    expect(initials('Ana Lima')).toBe('AL');
    expect(initials('ana maria da silva')).toBe('AS');
    expect(initials('  ana ')).toBe('A');
    expect(initials('Łukasz Żak')).toBe('ŁŻ');
    expect(initials('李雷')).toBe('李');
    expect(initials('ليلى أحمد')).toBe('لأ');
    expect(initials('(Ana)')).toBe('A');
    expect(initials('')).toBe('');
    expect(initials('🙂 —')).toBe('');
  });
});

describe('senderKind', () => {
  it('agents and supervisors are people; the flow, Lex and system messages are the bot', () => {
    expect(senderKind(msg('a', 'AGENT'))).toBe('agent');
    expect(senderKind(msg('s', 'SUPERVISOR'))).toBe('agent');
    expect(senderKind(msg('b', 'SYSTEM'))).toBe('bot');
    expect(senderKind(msg('b', 'CUSTOM_BOT'))).toBe('bot');
    expect(senderKind(msg('me', 'CUSTOMER'))).toBe('own');
  });
});

describe('currentAgent', () => {
  it('none before an agent joins; the agent after they join or write; none after they leave or the chat ends', () => {
    const bot = msg('bot', 'SYSTEM', 'BOT');
    expect(currentAgent([bot, msg('me', 'CUSTOMER')])).toBeNull();
    const joined = [bot, notice('ana', 'AGENT', 'joined', 'Ana')];
    expect(currentAgent(joined)).toEqual({ participantId: 'ana', displayName: 'Ana' });
    expect(currentAgent([bot, msg('ana', 'AGENT', 'Ana')])).toEqual({ participantId: 'ana', displayName: 'Ana' }); // no join event seen
    expect(currentAgent([...joined, msg('me', 'CUSTOMER'), notice('ana', 'AGENT', 'idle', 'Ana')])?.displayName).toBe('Ana');
    expect(currentAgent([...joined, notice('ana', 'AGENT', 'left', 'Ana')])).toBeNull();
    expect(currentAgent([...joined, notice('sys', 'SYSTEM', 'ended')])).toBeNull();
  });

  it('a transfer: the first agent leaves, the second is the one shown; a supervisor who barges in is not', () => {
    const t = [notice('ana', 'AGENT', 'joined', 'Ana'), msg('ana', 'AGENT', 'Ana'), notice('ana', 'AGENT', 'left', 'Ana'), notice('bo', 'AGENT', 'joined', 'Bo')];
    expect(currentAgent(t)?.displayName).toBe('Bo');
    expect(currentAgent([...t, notice('sup', 'SUPERVISOR', 'joined', 'Sam')])?.displayName).toBe('Bo');
    expect(currentAgent([...t, notice('bo', 'AGENT', 'left', 'Bo')])).toBeNull();
  });

  it('returns the same object while the answer does not change', () => {
    const t = [notice('ana', 'AGENT', 'joined', 'Ana')];
    const first = currentAgent(t);
    expect(currentAgent([...t, msg('me', 'CUSTOMER')])).toBe(first);
    expect(currentAgent([...t, notice('ana', 'AGENT', 'displayname-updated', 'Ana L.')])).not.toBe(first);
  });
});
