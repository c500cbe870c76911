// Signed contact ids for persistent chat. A visitor must not continue someone else's chat by sending
// its ContactId (ids leak: screenshots, emails, support tickets), so the handler hands each browser
// its own contact id signed with a server secret, and continues a chat only from such a value:
//   <ContactId>.<issued at, base 36 ms>.<HMAC-SHA256, base64url>
// The signature covers the instance, the contact id and the time, so a value cannot be moved to
// another instance, changed or used after `maxAgeMs`. Web Crypto: runs in Node, Lambda, Deno, workers.

const PURPOSE = 'connect-chat-widget persistent-chat v1';
const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function key(secret: string): Promise<CryptoKey> {
  let found = keys.get(secret);
  if (!found) {
    found = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, found);
  }
  return found;
}

function base64url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function mac(secret: string, instanceId: string, contactId: string, issuedAt: string): Promise<string> {
  const text = `${PURPOSE}\n${instanceId}\n${contactId}\n${issuedAt}`;
  return base64url(await crypto.subtle.sign('HMAC', await key(secret), encoder.encode(text)));
}

/** Compares without stopping at the first difference, so timing says nothing about the signature. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

export async function signContactId(contactId: string, context: { secret: string; instanceId: string; now: number }): Promise<string> {
  const issuedAt = context.now.toString(36);
  return `${contactId}.${issuedAt}.${await mac(context.secret, context.instanceId, contactId, issuedAt)}`;
}

export type Verified = { ok: true; contactId: string } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export async function verifySignedContactId(
  value: string,
  context: { secrets: readonly string[]; instanceId: string; now: number; maxAgeMs: number },
): Promise<Verified> {
  const match = /^(.+)\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return { ok: false, reason: 'malformed' };
  const [, contactId, issuedAt, signature] = match;
  let valid = false;
  for (const secret of context.secrets) {
    if (sameText(await mac(secret, context.instanceId, contactId, issuedAt), signature)) valid = true;
  }
  if (!valid) return { ok: false, reason: 'signature' };
  const age = context.now - parseInt(issuedAt, 36);
  if (age > context.maxAgeMs || age < -60_000) return { ok: false, reason: 'expired' };
  return { ok: true, contactId };
}
