// The emulator's own API under /emulator/ (tests, the agent console, scripts): faults, live contacts,
// everything stored for a contact, and acting as the contact flow (post as the SYSTEM "BOT", show a
// view, emit events, start authentication, transfer, end).
import { decodeSegment, defaultErrorType, ServiceError } from './http.js';
import { applyFaultRequest, describeFaults, FaultRequestError } from './faults.js';
import type { PluginHost } from './plugin-host.js';
import type { ContactHandle } from './plugins.js';
import type { Contact, EmulatorState } from './store.js';
import type { SocketHub } from './websocket.js';
import { CONTENT_TYPES, DISCONNECT_FLOWS, PARTICIPANT_EVENT_KINDS, type ChatItem, type DisconnectFlowName, type ParticipantEventKind } from './types.js';
import { listViews } from './views/index.js';

export interface ControlDeps {
  state: EmulatorState;
  hub: SocketHub;
  plugins: PluginHost;
}

export interface ControlResult {
  status: number;
  body: unknown;
}

const bad = (message: string): ServiceError => new ServiceError(400, 'ValidationException', message);

function contactOf(state: EmulatorState, id: string): Contact {
  const contact = state.findContact(id);
  if (!contact) throw new ServiceError(404, 'ResourceNotFoundException', `no contact ${id}; GET /emulator/contacts lists the live ones`);
  return contact;
}

function describeContact(deps: ControlDeps, contact: Contact): Record<string, unknown> {
  return { ...deps.state.contactInfo(contact, (id) => deps.hub.socketCount(id)), SegmentIds: [...contact.segmentIds] };
}

/** Wraps a plugin-handle call so a state error (ended contact, unknown view) becomes a 400. */
function act<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw bad(error instanceof Error ? error.message : String(error));
  }
}

/** Handles /emulator/* (except attachments and sign-in). Returns undefined for paths it does not know. */
export function controlRequest(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>, deps: ControlDeps): ControlResult | undefined {
  const { state, hub, plugins } = deps;
  if (path === '/emulator/faults') {
    if (method === 'GET') return { status: 200, body: describeFaults(state.faults) };
    if (method === 'DELETE') {
      applyFaultRequest(state.faults, { reset: true }, defaultErrorType);
      hub.applyLifetimes();
      return { status: 200, body: describeFaults(state.faults) };
    }
    if (method === 'POST') {
      try {
        const actions = applyFaultRequest(state.faults, body, defaultErrorType);
        const done: Record<string, number> = {};
        if (actions.dropSockets) done.socketsDropped = hub.drop(actions.dropSockets);
        if (actions.expireConnectionTokens) done.connectionTokensExpired = state.expireConnectionTokens(actions.expireConnectionTokens.contactId);
        if (body.closeSocketsAfterSeconds !== undefined || body.reset) hub.applyLifetimes();
        return { status: 200, body: { ...describeFaults(state.faults), ...done } };
      } catch (error) {
        if (error instanceof FaultRequestError) throw bad(error.message);
        throw error;
      }
    }
    return undefined;
  }
  if (path === '/emulator/views' && method === 'GET') return { status: 200, body: { Views: listViews() } };
  if (path === '/emulator/contacts' && method === 'GET') {
    const all = query.get('all') === 'true' || query.get('all') === '1';
    for (const contact of state.chats) state.checkDeadline(contact);
    const contacts = state.chats.filter((c) => all || c.endedAt === undefined).map((c) => describeContact(deps, c));
    return { status: 200, body: { Contacts: contacts } };
  }

  if (path === '/emulator/tasks' && method === 'GET') return { status: 200, body: { Tasks: state.tasks.map((task) => structuredClone(task)) } };
  const taskMatch = /^\/emulator\/tasks\/([^/]+)$/.exec(path);
  if (taskMatch && method === 'GET') {
    const id = decodeSegment(taskMatch[1]);
    const task = state.tasks.find((t) => t.ContactId === id);
    if (!task) throw new ServiceError(404, 'ResourceNotFoundException', `no task ${id ?? taskMatch[1]}; GET /emulator/tasks lists them`);
    return { status: 200, body: structuredClone(task) };
  }

  const match = /^\/emulator\/contacts\/([^/]+)(?:\/([a-z-]+))?$/.exec(path);
  if (!match) return undefined;
  const id = decodeSegment(match[1]);
  if (id === undefined) throw bad(`the contact id in ${path} has a malformed percent-encoding`);
  const contact = contactOf(state, id);
  const handle: ContactHandle = plugins.handle(contact);
  const action = match[2];
  if (action === undefined && method === 'GET') return { status: 200, body: describeContact(deps, contact) };
  if (action === 'items' && method === 'GET') {
    return {
      status: 200,
      body: {
        ...describeContact(deps, contact),
        Items: handle.items(),
        Attachments: [...state.attachments.values()]
          .filter((a) => a.contact === contact)
          .map((a) => ({
            AttachmentId: a.id,
            AttachmentName: a.name,
            ContentType: a.contentType,
            AttachmentSizeInBytes: a.bytes?.byteLength ?? a.declaredSize,
            ParticipantId: a.participant.id,
            Upload: a.upload,
            Status: a.status ?? null,
          })),
      },
    };
  }
  if (method !== 'POST') return undefined;
  const displayName = typeof body.DisplayName === 'string' ? { displayName: body.DisplayName } : undefined;
  switch (action) {
    case 'views': {
      if (typeof body.view !== 'string') throw bad('body must be {"view": "<name or ARN>", "viewData": {...}}; views: ' + listViews().join(', '));
      const shown = act(() => handle.showView(body.view as string, body.viewData, displayName));
      return { status: 200, body: shown };
    }
    case 'messages': {
      const contentType = typeof body.ContentType === 'string' ? body.ContentType : CONTENT_TYPES.text;
      if (typeof body.Content !== 'string' || body.Content === '') throw bad('body must be {"Content": "...", "ContentType"?: "text/plain", "DisplayName"?: "BOT"}');
      const content = body.Content;
      const senders: Record<string, () => ChatItem> = {
        [CONTENT_TYPES.text]: () => handle.sendText(content, displayName),
        [CONTENT_TYPES.markdown]: () => handle.sendMarkdown(content, displayName),
        [CONTENT_TYPES.interactive]: () => handle.sendInteractive(content, displayName),
      };
      const post = senders[contentType];
      if (!post) throw bad(`ContentType must be one of ${Object.keys(senders).join(', ')}`);
      return { status: 200, body: { item: act(post) } };
    }
    case 'events': {
      const kind = body.Kind;
      const participantId = typeof body.ParticipantId === 'string' ? body.ParticipantId : undefined;
      if (typeof kind === 'string') {
        if (!PARTICIPANT_EVENT_KINDS.includes(kind as ParticipantEventKind)) {
          throw bad(`Kind must be one of ${PARTICIPANT_EVENT_KINDS.join(', ')}`);
        }
        return { status: 200, body: { item: act(() => handle.emitParticipantEvent(kind as ParticipantEventKind, participantId)) } };
      }
      if (typeof body.ContentType !== 'string') {
        throw bad('body must be {"Kind": "idle", "ParticipantId"?: "..."} or {"ContentType": "application/vnd.amazonaws.connect.event...", "Content"?: "..."}');
      }
      const content = typeof body.Content === 'string' ? body.Content : undefined;
      return { status: 200, body: { item: act(() => handle.emitEvent(body.ContentType as string, content)) } };
    }
    case 'authentication': {
      const started = act(() => handle.startAuthentication());
      return { status: 200, body: { SessionId: started.sessionId, item: started.item } };
    }
    case 'transfer':
      return { status: 200, body: { item: act(() => handle.transfer({ succeeded: body.Succeeded !== false })), ContactId: contact.id } };
    case 'end':
      handle.end();
      return { status: 200, body: describeContact(deps, contact) };
    case 'queue': {
      const name = body.Queue === undefined ? undefined : body.Queue;
      if (name !== undefined && (typeof name !== 'string' || name === '')) throw bad('body must be {"Queue"?: "BasicQueue"}');
      act(() => handle.transferToQueue(name));
      return { status: 200, body: describeContact(deps, contact) };
    }
    case 'disconnect-flow': {
      const flow = body.flow;
      if (flow !== null && !DISCONNECT_FLOWS.includes(flow as DisconnectFlowName)) {
        throw bad(`body must be {"flow": ${DISCONNECT_FLOWS.map((f) => `"${f}"`).join(' | ')} | null}`);
      }
      if (contact.endedAt !== undefined || contact.disconnectFlowState !== undefined) {
        throw bad(`contact ${contact.id} has ${contact.endedAt !== undefined ? 'ended' : 'already run its disconnect flow'}; set the flow before the chat ends`);
      }
      if (flow === null) delete contact.disconnectFlow;
      else contact.disconnectFlow = flow as DisconnectFlowName;
      return { status: 200, body: describeContact(deps, contact) };
    }
    default:
      return undefined;
  }
}
