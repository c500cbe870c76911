import { describe, expect, it } from 'vitest';
import { noticeEntry } from './entry.js';
import { afterEntries, noEndFlow, visitorEnded, visitorSent } from './end-flow.js';
import type { NoticeEvent, ParticipantRole } from './types.js';

const notice = (event: NoticeEvent, role: ParticipantRole) =>
  noticeEntry({ id: `${event}-${role}`, time: '', participantId: 'x', displayName: 'x', role, own: false, event, contentType: '' });

describe('the end flow (postChatSurvey)', () => {
  it('runs once the visitor ended or an agent left; a send then answers it', () => {
    expect(visitorSent(noEndFlow)).toEqual({ running: false, answered: false });
    const ended = visitorEnded(noEndFlow);
    expect(visitorSent(ended)).toEqual({ running: true, answered: true });
    const left = afterEntries(noEndFlow, [notice('left', 'AGENT')]);
    expect(left.running).toBe(true);
    expect(visitorSent(left).answered).toBe(true);
  });

  it('an agent joining again means the chat goes on; others leaving do not count', () => {
    const back = afterEntries(noEndFlow, [notice('left', 'AGENT'), notice('joined', 'AGENT')]);
    expect(back.running).toBe(false);
    expect(afterEntries(noEndFlow, [notice('left', 'SYSTEM'), notice('left', 'CUSTOMER')]).running).toBe(false);
    const answered = visitorSent(visitorEnded(noEndFlow));
    expect(afterEntries(answered, [notice('joined', 'AGENT')])).toEqual({ running: false, answered: true });
  });
});
