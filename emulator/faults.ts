// Fault injection for tests (POST /emulator/faults). The standing faults live in one FaultState;
// one-shot actions (drop sockets, expire tokens) are returned to the server to carry out.
import { PARTICIPANT_OPERATIONS } from './participant-model.js';
import type { ScanResult } from './options.js';

/** Operations a `fail` rule may name, besides the 11 Participant Service operations. */
export const OTHER_OPERATIONS = [
  'StartChatContact',
  'StartTaskContact',
  'CreateParticipant',
  'StopContact',
  'StartChat',
  'WebSocketConnect',
  'AttachmentUpload',
  'AttachmentDownload',
] as const;

/** setTimeout's longest delay: a longer one fires after 1 ms, so faults and options refuse it. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const FAULT_OPERATIONS: readonly string[] = [...PARTICIPANT_OPERATIONS, ...OTHER_OPERATIONS, '*'];

export interface FailRule {
  /** Operation name, or `*` for every Participant Service operation. */
  operation: string;
  /** How many more requests fail. */
  remaining: number;
  status: number;
  /** x-amzn-ErrorType; undefined = none (a gateway-style error). */
  error: string | undefined;
  message: string;
  /** Sent as Retry-After (seconds) when set. */
  retryAfterSeconds?: number;
}

export interface FaultState {
  failures: FailRule[];
  /** Added before answering each request (0 = none). */
  latencyMs: number;
  /** Operations the latency applies to; undefined = all. */
  latencyOperations: string[] | undefined;
  /** Stop answering `aws/heartbeat` frames. */
  ignoreHeartbeats: boolean;
  /** Stop answering `aws/ping` frames. */
  ignorePings: boolean;
  /** Answer `aws/subscribe` with status "failure". */
  refuseSubscribes: boolean;
  /** Close every socket this many seconds after it opened (existing ones count from now). null = never. */
  closeSocketsAfterSeconds: number | null;
  /** Overrides the scan result of attachments completed from now on. null = the option's. */
  scanResult: ScanResult | null;
  /** The next customer messages are held PROCESSING, then end with `status` after `delayMs`. null = none. */
  messageProcessing: MessageProcessingRule | null;
}

export interface MessageProcessingRule {
  status: 'APPROVED' | 'REJECTED' | 'FAILED';
  /** How many more customer messages it applies to. */
  remaining: number;
  delayMs: number;
}

export function initialFaults(): FaultState {
  return {
    failures: [],
    latencyMs: 0,
    latencyOperations: undefined,
    ignoreHeartbeats: false,
    ignorePings: false,
    refuseSubscribes: false,
    closeSocketsAfterSeconds: null,
    scanResult: null,
    messageProcessing: null,
  };
}

/** The JSON body of POST /emulator/faults. Every member is optional; members not given stay as they are. */
export interface FaultRequest {
  /** Clear every standing fault first. */
  reset?: boolean;
  /** Drop sockets now: `true` = every socket, abruptly (no close frame, like a network loss). */
  dropSockets?: boolean | { contactId?: string; code?: number; reason?: string };
  /** Fail the next `count` (default 1) requests of `operation` with `status` (default 500). */
  fail?: FailInput | FailInput[];
  latencyMs?: number;
  latencyOperations?: string[] | null;
  ignoreHeartbeats?: boolean;
  ignorePings?: boolean;
  refuseSubscribes?: boolean;
  /** Expire every ConnectionToken issued so far (or those of one contact): REST calls then get 403. */
  expireConnectionTokens?: boolean | { contactId?: string };
  closeSocketsAfterSeconds?: number | null;
  scanResult?: ScanResult | null;
  /** Hold the next `count` (default 1) customer messages PROCESSING, then give them `status` after `delayMs` (default 200). */
  messageProcessing?: { status: 'APPROVED' | 'REJECTED' | 'FAILED'; count?: number; delayMs?: number } | null;
}

export interface FailInput {
  operation: string;
  count?: number;
  status?: number;
  /** x-amzn-ErrorType; default the modeled error of the status (500 InternalServerException, 429 ThrottlingException, …). */
  error?: string | null;
  message?: string;
  retryAfterSeconds?: number;
}

/** One-shot actions of a request, for the server to carry out. */
export interface FaultActions {
  dropSockets?: { contactId?: string; code?: number; reason?: string };
  expireConnectionTokens?: { contactId?: string };
}

export class FaultRequestError extends Error {
  override name = 'FaultRequestError';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function expectBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new FaultRequestError(`${key} must be true or false`);
  return value;
}

function nonNegative(value: unknown, key: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new FaultRequestError(`${key} must be a number >= 0, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A delay a timer can wait: 0..MAX_TIMER_MS ms, given in `unitMs` steps (1 = ms, 1000 = s). */
function delay(value: unknown, key: string, unitMs: number): number {
  const number = nonNegative(value, key);
  if (number * unitMs > MAX_TIMER_MS) {
    throw new FaultRequestError(`${key} must be at most ${Math.floor(MAX_TIMER_MS / unitMs)} (about 24.8 days; a timer cannot wait longer), got ${number}`);
  }
  return number;
}

function parseFail(input: unknown, defaultErrorType: (status: number) => string | undefined): FailRule {
  if (!isRecord(input)) throw new FaultRequestError('fail must be an object like {"operation":"SendMessage","status":500} or a list of them');
  const operation = input.operation;
  if (typeof operation !== 'string' || !FAULT_OPERATIONS.includes(operation)) {
    throw new FaultRequestError(`fail.operation must be one of ${FAULT_OPERATIONS.join(', ')}; got ${JSON.stringify(operation)}`);
  }
  const count = input.count === undefined ? 1 : nonNegative(input.count, 'fail.count');
  const status = input.status === undefined ? 500 : nonNegative(input.status, 'fail.status');
  if (!Number.isInteger(status) || status < 300 || status > 599) throw new FaultRequestError('fail.status must be an HTTP error status 300..599');
  if (input.error !== undefined && input.error !== null && typeof input.error !== 'string') {
    throw new FaultRequestError('fail.error must be an error type name like "ThrottlingException", or null for none');
  }
  if (input.message !== undefined && typeof input.message !== 'string') throw new FaultRequestError('fail.message must be a string');
  const error = input.error === null ? undefined : (input.error ?? defaultErrorType(status));
  const rule: FailRule = {
    operation,
    remaining: Math.floor(count),
    status,
    error,
    message: input.message ?? `injected fault: ${operation} answered ${status}`,
  };
  if (input.retryAfterSeconds !== undefined) rule.retryAfterSeconds = nonNegative(input.retryAfterSeconds, 'fail.retryAfterSeconds');
  return rule;
}

/**
 * Applies a POST /emulator/faults body to `state` and returns the one-shot actions. Throws
 * FaultRequestError naming the bad member (and changes nothing) when the body is invalid.
 */
export function applyFaultRequest(
  state: FaultState,
  body: unknown,
  defaultErrorType: (status: number) => string | undefined,
): FaultActions {
  if (!isRecord(body)) throw new FaultRequestError('the body must be a JSON object, e.g. {"fail":{"operation":"SendMessage","status":500}}');
  const known = new Set([
    'reset', 'dropSockets', 'fail', 'latencyMs', 'latencyOperations', 'ignoreHeartbeats', 'ignorePings', 'refuseSubscribes',
    'expireConnectionTokens', 'closeSocketsAfterSeconds', 'scanResult', 'messageProcessing',
  ]);
  const unknown = Object.keys(body).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new FaultRequestError(`unknown fault ${unknown.join(', ')}; known: ${[...known].join(', ')}`);

  // Parse everything before touching the state, so a bad body changes nothing.
  const next: FaultState = expectBoolean(body, 'reset') ? initialFaults() : { ...state, failures: [...state.failures] };
  const actions: FaultActions = {};
  if (body.fail !== undefined) {
    const inputs = Array.isArray(body.fail) ? body.fail : [body.fail];
    next.failures.push(...inputs.map((i) => parseFail(i, defaultErrorType)));
  }
  if (body.latencyMs !== undefined) next.latencyMs = delay(body.latencyMs, 'latencyMs', 1);
  if (body.latencyOperations !== undefined) {
    const ops = body.latencyOperations;
    if (ops !== null && (!Array.isArray(ops) || ops.some((o) => typeof o !== 'string' || !FAULT_OPERATIONS.includes(o)))) {
      throw new FaultRequestError(`latencyOperations must be null or a list of ${FAULT_OPERATIONS.join(', ')}`);
    }
    next.latencyOperations = ops === null ? undefined : (ops as string[]);
  }
  for (const key of ['ignoreHeartbeats', 'ignorePings', 'refuseSubscribes'] as const) {
    const value = expectBoolean(body, key);
    if (value !== undefined) next[key] = value;
  }
  if (body.closeSocketsAfterSeconds !== undefined) {
    next.closeSocketsAfterSeconds =
      body.closeSocketsAfterSeconds === null ? null : delay(body.closeSocketsAfterSeconds, 'closeSocketsAfterSeconds', 1000);
  }
  if (body.scanResult !== undefined) {
    if (body.scanResult !== null && body.scanResult !== 'APPROVED' && body.scanResult !== 'REJECTED') {
      throw new FaultRequestError('scanResult must be "APPROVED", "REJECTED" or null');
    }
    next.scanResult = body.scanResult;
  }
  if (body.messageProcessing !== undefined) next.messageProcessing = parseProcessing(body.messageProcessing);
  if (body.dropSockets !== undefined && body.dropSockets !== false) {
    const drop = body.dropSockets;
    if (drop === true) actions.dropSockets = {};
    else if (isRecord(drop)) {
      if (drop.contactId !== undefined && typeof drop.contactId !== 'string') throw new FaultRequestError('dropSockets.contactId must be a string');
      if (drop.code !== undefined && (typeof drop.code !== 'number' || !(drop.code === 1000 || (drop.code >= 3000 && drop.code <= 4999)))) {
        throw new FaultRequestError('dropSockets.code must be 1000 or 3000..4999 (omit it to drop without a close frame)');
      }
      if (drop.reason !== undefined && typeof drop.reason !== 'string') throw new FaultRequestError('dropSockets.reason must be a string');
      actions.dropSockets = {
        ...(drop.contactId !== undefined ? { contactId: drop.contactId as string } : {}),
        ...(drop.code !== undefined ? { code: drop.code as number } : {}),
        ...(drop.reason !== undefined ? { reason: drop.reason as string } : {}),
      };
    } else throw new FaultRequestError('dropSockets must be true or {"contactId"?, "code"?, "reason"?}');
  }
  if (body.expireConnectionTokens !== undefined && body.expireConnectionTokens !== false) {
    const expire = body.expireConnectionTokens;
    if (expire === true) actions.expireConnectionTokens = {};
    else if (isRecord(expire) && (expire.contactId === undefined || typeof expire.contactId === 'string')) {
      actions.expireConnectionTokens = expire.contactId === undefined ? {} : { contactId: expire.contactId as string };
    } else throw new FaultRequestError('expireConnectionTokens must be true or {"contactId": "..."}');
  }
  Object.assign(state, next);
  return actions;
}

function parseProcessing(input: unknown): MessageProcessingRule | null {
  if (input === null) return null;
  const statuses = ['APPROVED', 'REJECTED', 'FAILED'];
  if (!isRecord(input) || typeof input.status !== 'string' || !statuses.includes(input.status)) {
    throw new FaultRequestError(`messageProcessing must be null or {"status": ${statuses.map((s) => `"${s}"`).join(' | ')}, "count"?, "delayMs"?}`);
  }
  const count = input.count === undefined ? 1 : nonNegative(input.count, 'messageProcessing.count');
  return {
    status: input.status as MessageProcessingRule['status'],
    remaining: Math.floor(count),
    delayMs: input.delayMs === undefined ? 200 : delay(input.delayMs, 'messageProcessing.delayMs', 1),
  };
}

/** Takes the processing decision for the next customer message, if a rule stands (consuming one). */
export function takeProcessing(state: FaultState): MessageProcessingRule | undefined {
  const rule = state.messageProcessing;
  if (!rule || rule.remaining <= 0) return undefined;
  rule.remaining -= 1;
  if (rule.remaining === 0) state.messageProcessing = null;
  return rule;
}

/** Takes the next failure for `operation` (consuming one), if a rule matches. */
export function takeFailure(state: FaultState, operation: string, participantOperation: boolean): FailRule | undefined {
  const rule = state.failures.find(
    (r) => r.remaining > 0 && (r.operation === operation || (r.operation === '*' && participantOperation)),
  );
  if (!rule) return undefined;
  rule.remaining -= 1;
  state.failures = state.failures.filter((r) => r.remaining > 0);
  return rule;
}

export function latencyFor(state: FaultState, operation: string): number {
  if (state.latencyMs <= 0) return 0;
  if (state.latencyOperations && !state.latencyOperations.includes(operation)) return 0;
  return state.latencyMs;
}

/** The standing faults as JSON (GET /emulator/faults). */
export function describeFaults(state: FaultState): Record<string, unknown> {
  return {
    fail: state.failures.map((r) => ({
      operation: r.operation,
      count: r.remaining,
      status: r.status,
      error: r.error ?? null,
      message: r.message,
      ...(r.retryAfterSeconds !== undefined ? { retryAfterSeconds: r.retryAfterSeconds } : {}),
    })),
    latencyMs: state.latencyMs,
    latencyOperations: state.latencyOperations ?? null,
    ignoreHeartbeats: state.ignoreHeartbeats,
    ignorePings: state.ignorePings,
    refuseSubscribes: state.refuseSubscribes,
    closeSocketsAfterSeconds: state.closeSocketsAfterSeconds,
    scanResult: state.scanResult,
    messageProcessing: state.messageProcessing
      ? { status: state.messageProcessing.status, count: state.messageProcessing.remaining, delayMs: state.messageProcessing.delayMs }
      : null,
  };
}
