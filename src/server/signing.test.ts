import { describe, expect, it } from 'vitest';
import { signContactId, verifySignedContactId } from './signing.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const OTHER = 'another-secret-of-thirty-two-characters!!';
const DAY = 86_400_000;
const context = (now: number, secrets = [SECRET], instanceId = 'instance-1') => ({ secrets, instanceId, now, maxAgeMs: 30 * DAY });

describe('signed contact ids', () => {
  it('round-trips: the signed value gives back the contact id', async () => {
    const signed = await signContactId('c-1', { secret: SECRET, instanceId: 'instance-1', now: 1_000 });
    expect(signed).toMatch(/^c-1\.[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(await verifySignedContactId(signed, context(2_000))).toEqual({ ok: true, contactId: 'c-1' });
  });

  it('refuses a bare ContactId, a changed id, a changed time, another secret and another instance', async () => {
    const signed = await signContactId('c-1', { secret: SECRET, instanceId: 'instance-1', now: 1_000 });
    const [id, time, mac] = signed.split('.');
    expect(await verifySignedContactId('c-1', context(2_000))).toEqual({ ok: false, reason: 'malformed' });
    expect(await verifySignedContactId(`c-2.${time}.${mac}`, context(2_000))).toEqual({ ok: false, reason: 'signature' });
    expect(await verifySignedContactId(`${id}.${(2_000).toString(36)}.${mac}`, context(2_000))).toEqual({ ok: false, reason: 'signature' });
    expect(await verifySignedContactId(signed, context(2_000, [OTHER]))).toEqual({ ok: false, reason: 'signature' });
    expect(await verifySignedContactId(signed, context(2_000, [SECRET], 'instance-2'))).toEqual({ ok: false, reason: 'signature' });
  });

  it('expires after maxAgeMs', async () => {
    const signed = await signContactId('c-1', { secret: SECRET, instanceId: 'instance-1', now: 0 });
    expect((await verifySignedContactId(signed, context(30 * DAY))).ok).toBe(true);
    expect(await verifySignedContactId(signed, context(30 * DAY + 1))).toEqual({ ok: false, reason: 'expired' });
  });

  it('rotates: any listed secret verifies', async () => {
    const old = await signContactId('c-1', { secret: OTHER, instanceId: 'instance-1', now: 0 });
    expect(await verifySignedContactId(old, context(1, [SECRET, OTHER]))).toEqual({ ok: true, contactId: 'c-1' });
  });
});
