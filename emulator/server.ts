// The emulator's HTTP server: routing, CORS, faults, and the wiring of store, fan-out and plugins.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AttachmentService, ATTACHMENT_PATH } from './attachments.js';
import { AUTH_PATH, handleAuthPage } from './auth.js';
import { ChatActions } from './chat-actions.js';
import { createParticipant, startChat, startChatContact, stopContact, type ConnectDeps } from './connect-api.js';
import { controlRequest } from './control-api.js';
import { controlCorsHeaders, preflightHeaders, refusedHeaders, responseCorsHeaders } from './cors.js';
import { latencyFor, takeFailure, type FailRule } from './faults.js';
import { createGuard, isControlPath, originAllowed, originRefusal, refusal, type Guard } from './guard.js';
import { decodeSegment, hasBody, header, newRequestId, parseJsonObject, readBody, sendError, sendJson, ServiceError } from './http.js';
import { resolveOptions, type EmulatorOptions, type ResolvedOptions } from './options.js';
import { participantOperation, type ParticipantDeps } from './participant-api.js';
import { OPERATIONS, type ParticipantOperation } from './participant-model.js';
import { loadBotFactory, PluginHost } from './plugin-host.js';
import { MessageProcessing } from './processing.js';
import { EmulatorState } from './store.js';
import { startTaskContact } from './tasks.js';
import { SocketHub, WEBSOCKET_PATH } from './websocket.js';

export interface Emulator {
  /** `http://host:port` */
  url: string;
  port: number;
  host: string;
  /** Everything the emulator holds (contacts, tokens, faults); for tests that look inside. */
  state: EmulatorState;
  /** Resolves when every plugin hook queued so far has run. */
  pluginsIdle(): Promise<void>;
  close(): Promise<void>;
}

const JSON_LIMIT = 1024 * 1024;

type ConnectOperation = 'StartChatContact' | 'StartTaskContact' | 'CreateParticipant' | 'StopContact' | 'StartChat';

type Route = { kind: 'participant'; op: ParticipantOperation; viewToken?: string } | { kind: 'connect'; op: ConnectOperation };

const CONNECT_ROUTES: Record<string, { method: string; op: ConnectOperation }> = {
  '/contact/chat': { method: 'PUT', op: 'StartChatContact' },
  '/contact/task': { method: 'PUT', op: 'StartTaskContact' },
  '/contact/create-participant': { method: 'POST', op: 'CreateParticipant' },
  '/contact/stop': { method: 'POST', op: 'StopContact' },
  '/start-chat': { method: 'POST', op: 'StartChat' },
};

/** Which route a path is, whatever the method; `methods` = what the resource answers. */
function resolveRoute(path: string): { route: Route; methods: string[] } | undefined {
  const view = /^\/participant\/views\/([^/]+)$/.exec(path);
  if (view) {
    const viewToken = decodeSegment(view[1]);
    if (viewToken === undefined) throw malformedPath(path);
    return { route: { kind: 'participant', op: 'DescribeView', viewToken }, methods: ['GET'] };
  }
  for (const [op, spec] of Object.entries(OPERATIONS) as [ParticipantOperation, (typeof OPERATIONS)[ParticipantOperation]][]) {
    if (spec.path === path) return { route: { kind: 'participant', op }, methods: [spec.method] };
  }
  const connect = CONNECT_ROUTES[path];
  if (connect) return { route: { kind: 'connect', op: connect.op }, methods: [connect.method] };
  return undefined;
}

const malformedPath = (path: string): ServiceError =>
  new ServiceError(400, 'ValidationException', `the path ${path} has a malformed percent-encoding (a % must be followed by two hex digits)`);

/** The rest of a path after `prefix`, percent-decoded; a 400 when the encoding is malformed. */
function pathRest(path: string, prefix: string): string {
  const rest = decodeSegment(path.slice(prefix.length));
  if (rest === undefined) throw malformedPath(path);
  return rest;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function injected(rule: FailRule): { error: ServiceError; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  if (rule.retryAfterSeconds !== undefined) headers['retry-after'] = String(rule.retryAfterSeconds);
  return { error: new ServiceError(rule.status, rule.error, rule.message), headers };
}

export async function startEmulator(input: EmulatorOptions = {}): Promise<Emulator> {
  const options: ResolvedOptions = resolveOptions(input);
  const log = options.log;
  const state = new EmulatorState(options.now);
  const actions = new ChatActions(state, options);
  const attachments = new AttachmentService(state, options, actions);
  const hub = new SocketHub(state, log);
  const plugins = new PluginHost(state, actions, log, (id) => hub.socketCount(id));
  state.onItem((contact, item) => hub.deliver(contact, item));
  const processing = new MessageProcessing(state, { active: () => plugins.processesMessages(), decide: (contact, item) => plugins.decide(contact, item) });
  const participantDeps: ParticipantDeps = { state, options, actions, attachments, processing };
  const connectDeps: ConnectDeps = { state, options, actions, disconnectFlow: () => options.disconnectFlow ?? plugins.defaultDisconnectFlow() };
  let agentConsole: Promise<((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) | undefined> | undefined;
  // Both known once the server listens. The base of every URL handed out is fixed: never the Host header.
  let guard: Guard = createGuard({ host: options.host, port: 0, allowOrigins: options.allowOrigins });
  let publicBase = '';

  async function faultGate(operation: string, participant: boolean): Promise<{ error: ServiceError; headers: Record<string, string> } | undefined> {
    const wait = latencyFor(state.faults, operation);
    if (wait > 0) await delay(wait);
    const rule = takeFailure(state.faults, operation, participant);
    return rule ? injected(rule) : undefined;
  }

  async function loadAgentConsole(): Promise<((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) | undefined> {
    try {
      const module = await import('./agent/index.js');
      return module.agentConsoleRoutes({ log });
    } catch (error) {
      log(`agent console unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    // SDK clients configured with a trailing-slash endpoint send `//participant/...` (wire-spec §5).
    const path = url.pathname.replace(/\/{2,}/g, '/');
    const method = req.method ?? 'GET';
    const origin = header(req, 'origin');
    const control = isControlPath(path);
    const cors = control ? controlCorsHeaders(origin, guard) : responseCorsHeaders();
    // A body this request does not read is not drained either: the connection closes after the answer.
    if (hasBody(req)) res.setHeader('connection', 'close');

    const refused = refusal({ host: header(req, 'host'), origin, contentType: header(req, 'content-type'), method, path }, guard);
    if (refused) return sendError(res, new ServiceError(refused.status, refused.type, refused.message), cors);

    if ((path === '/agent' || path.startsWith('/agent/')) && options.agentConsole) {
      agentConsole ??= loadAgentConsole();
      const handler = await agentConsole;
      if (handler && (await handler(req, res))) return;
      return sendError(res, new ServiceError(404, undefined, 'the agent console is not available in this checkout (emulator/agent)'), cors);
    }

    const resolved = resolveRoute(path);
    if (method === 'OPTIONS') {
      if (control) return controlPreflight(res, origin, path, header(req, 'access-control-request-headers'));
      const strict = options.strictCors && resolved?.route.kind === 'participant';
      const methods = resolved?.methods ?? (path.startsWith(ATTACHMENT_PATH) ? ['PUT', 'GET', 'HEAD'] : ['GET', 'POST', 'PUT', 'DELETE']);
      const requested = header(req, 'access-control-request-headers');
      if (strict) {
        const refused = refusedHeaders(requested);
        if (refused.length > 0) log(`strict CORS: the real service would refuse the request headers ${refused.join(', ')} on ${path}`);
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': '0',
        'x-amzn-RequestId': newRequestId(),
        ...preflightHeaders({ requestHeaders: requested, methods, strict }),
      });
      res.end();
      return;
    }

    if (path === '/health' && (method === 'GET' || method === 'HEAD')) return sendJson(res, 200, { status: 'ok' }, cors);

    if (resolved) {
      const { route: r, methods } = resolved;
      if (!methods.includes(method)) {
        return sendError(res, new ServiceError(405, undefined, `${method} is not allowed on ${path}; use ${methods.join(', ')}`), { ...cors, allow: methods.join(', ') });
      }
      const fault = await faultGate(r.op, r.kind === 'participant');
      const startChatError = (error: ServiceError, headers: Record<string, string>): void =>
        sendJson(res, error.status, { data: { Error: { code: error.type ?? 'Error', message: error.message } } }, {
          ...headers,
          ...(error.type ? { 'x-amzn-ErrorType': error.type } : {}),
        });
      if (fault) {
        if (r.kind === 'connect' && r.op === 'StartChat') return startChatError(fault.error, { ...cors, ...fault.headers });
        return sendError(res, fault.error, { ...cors, ...fault.headers });
      }
      try {
        const body = method === 'GET' ? {} : await readJson(req, res);
        let result: unknown;
        if (r.kind === 'participant') {
          result = participantOperation(r.op, { token: header(req, 'x-amz-bearer'), body, viewToken: r.viewToken, base: publicBase }, participantDeps);
        } else if (r.op === 'StartChatContact') result = startChatContact(body, connectDeps);
        else if (r.op === 'StartTaskContact') result = startTaskContact(body, state);
        else if (r.op === 'CreateParticipant') result = createParticipant(body, connectDeps);
        else if (r.op === 'StopContact') result = stopContact(body, connectDeps);
        else result = startChat(body, connectDeps);
        return sendJson(res, 200, result, cors);
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        if (r.kind === 'connect' && r.op === 'StartChat') return startChatError(error, cors);
        return sendError(res, error, cors);
      }
    }

    if (path.startsWith(ATTACHMENT_PATH)) {
      const id = pathRest(path, ATTACHMENT_PATH);
      const upload = method === 'PUT';
      if (!upload && method !== 'GET' && method !== 'HEAD') {
        return sendError(res, new ServiceError(405, undefined, `${method} is not allowed on attachment URLs; use PUT (upload) or GET (download)`), cors);
      }
      const fault = await faultGate(upload ? 'AttachmentUpload' : 'AttachmentDownload', false);
      if (fault) return sendError(res, fault.error, { ...cors, ...fault.headers });
      return upload ? attachments.handleUpload(req, res, id, url) : attachments.handleDownload(req, res, id, url);
    }

    if (path.startsWith(AUTH_PATH)) return handleAuthPage(req, res, pathRest(path, AUTH_PATH), state, actions);

    if (path.startsWith('/emulator/')) {
      const body = method === 'POST' ? await readJson(req, res) : {};
      const result = controlRequest(method, path, url.searchParams, body, { state, hub, plugins });
      if (result) return sendJson(res, result.status, result.body, cors);
    }

    return sendError(res, new ServiceError(404, undefined, `no route for ${method} ${path}; the emulator answers /participant/*, /contact/*, /start-chat, /emulator/*, /agent and /health`), cors);
  }

  /** The JSON body (up to JSON_LIMIT); once it is read whole, the connection may be kept alive. */
  async function readJson(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown>> {
    const body = parseJsonObject(await readBody(req, JSON_LIMIT));
    res.removeHeader('connection');
    return body;
  }

  /** A preflight on a control route: granted to allowed origins only (no CORS headers otherwise, so the browser refuses). */
  function controlPreflight(res: ServerResponse, origin: string | undefined, path: string, requested: string | undefined): void {
    if (!originAllowed(origin, guard)) {
      const refused = originRefusal(origin ?? '', path);
      return sendError(res, new ServiceError(refused.status, refused.type, refused.message));
    }
    res.writeHead(204, {
      'x-amzn-RequestId': newRequestId(),
      ...controlCorsHeaders(origin, guard),
      'access-control-allow-methods': 'GET,POST,PUT,DELETE',
      'access-control-allow-headers': requested ?? 'content-type',
      'access-control-max-age': '600',
    });
    res.end();
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    res.on('finish', () => log(`${req.method ?? ''} ${req.url ?? ''} ${res.statusCode} ${Date.now() - started}ms`));
    route(req, res).catch((error: unknown) => {
      if (error instanceof ServiceError) return sendError(res, error, responseCorsHeaders());
      log(`internal error on ${req.method ?? ''} ${req.url ?? ''}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendError(res, new ServiceError(500, 'InternalServerException', 'the emulator failed to handle this request (see its log)'), responseCorsHeaders());
    });
  });
  server.on('upgrade', (req, socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const refused = refusal({ host: header(req, 'host'), origin: undefined, contentType: undefined, method: 'GET', path: url.pathname }, guard);
    if (refused) {
      socket.end(`HTTP/1.1 ${refused.status} Misdirected Request\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${JSON.stringify({ message: refused.message })}`);
      return;
    }
    if (url.pathname.replace(/\/{2,}/g, '/') !== WEBSOCKET_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    hub.handleUpgrade(req, socket, head, url);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const serverUrl = `http://${urlHost(options.host)}:${port}`;
  guard = createGuard({ host: options.host, port, allowOrigins: options.allowOrigins, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) });
  publicBase = options.publicUrl ?? serverUrl;

  try {
    const context = plugins.context(publicBase);
    if (options.bot) plugins.add((await loadBotFactory())(context));
    for (const plugin of options.plugins) plugins.add(plugin);
  } catch (error) {
    server.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    url: serverUrl,
    port,
    host: options.host,
    state,
    pluginsIdle: () => plugins.idle(),
    close: () =>
      (closing ??= (async () => {
        hub.close();
        await plugins.close();
        state.dispose();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })()),
  };
}

/** The address to put in URLs for an interface: loopback for "every interface", IPv6 in brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
