// Participant calls with the ConnectionToken: the socket's connection details, the token and its
// refresh before expiry, and every other operation run with the current token. On a 403 the token
// is renewed once and the call repeated; a refused renewal means the chat is over (isChatOver).
import type { UncheckedClientCore } from '../client/base.js';
import type { OperationInput } from '../client/types.js';
import { isChatOver, tokenRefreshDelay, type ConnectionDetails } from '../connection/index.js';
import { ChatError, describeCause, isChatError } from './errors.js';
import type { SessionDetails } from './persistence.js';
import type { Life, Op, SetTimer } from './ports.js';
import type { ViewDescription } from './types.js';

export interface CallsPorts {
  client: Pick<UncheckedClientCore, 'send'>;
  life: Life;
  session: () => SessionDetails | null;
  /** Aborted when the chat ends or the page stops working on it. */
  signal: AbortSignal;
  setTimer: SetTimer;
  /** A token renewal was refused: end the chat (resolves once it has ended). */
  chatOver: () => Promise<void>;
}

export class ParticipantCalls {
  private token: string | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly p: CallsPorts) {}

  get hasToken(): boolean {
    return this.token !== null;
  }

  /** The chat this token belongs to was abandoned. */
  forget(): void {
    this.token = null;
  }

  /** For the WebSocketManager: a socket URL and a fresh ConnectionToken in one request. */
  getConnection = async (): Promise<ConnectionDetails> => {
    const session = this.p.session();
    if (!session) throw Object.assign(new Error('no session'), { ended: true });
    const response = await this.p.client.send(
      'CreateParticipantConnection',
      { ParticipantToken: session.participantToken, Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] },
      { signal: this.p.signal },
    );
    this.setToken(response.ConnectionCredentials?.ConnectionToken, response.ConnectionCredentials?.Expiry);
    const url = response.Websocket?.Url;
    if (!url) throw new Error('CreateParticipantConnection returned no Websocket.Url');
    return { url, ...(response.Websocket?.ConnectionExpiry ? { connectionExpiry: response.Websocket.ConnectionExpiry } : {}) };
  };

  private setToken(token: string | undefined, expiry: string | undefined): void {
    if (!token) return;
    this.token = token;
    const delay = tokenRefreshDelay(expiry, Date.now());
    if (delay !== null) this.p.setTimer('token', delay, () => void this.refreshToken().catch(() => {}));
  }

  /**
   * A fresh ConnectionToken (CONNECTION_CREDENTIALS only: no socket URL is wasted). Concurrent
   * callers share one request; a caller whose token was already replaced returns at once.
   * A 403 means the chat is over: the session ends and this rejects with 'chat-ended'.
   */
  private refreshToken(failedToken?: string): Promise<void> {
    if (failedToken && this.token && this.token !== failedToken) return Promise.resolve();
    if (this.refreshing) return this.refreshing;
    const session = this.p.session();
    if (!session || this.p.life.hasEnded) return Promise.reject(this.endedError());
    this.refreshing = (async () => {
      try {
        const response = await this.p.client.send(
          'CreateParticipantConnection',
          { ParticipantToken: session.participantToken, Type: ['CONNECTION_CREDENTIALS'] },
          { signal: this.p.signal },
        );
        this.setToken(response.ConnectionCredentials?.ConnectionToken, response.ConnectionCredentials?.Expiry);
      } catch (error) {
        if (isChatOver(error)) {
          await this.p.chatOver();
          throw this.endedError();
        }
        throw error;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /** Runs a service call with the current ConnectionToken; see the file's comment for a 403. */
  private async call<T>(operation: (token: string, signal: AbortSignal) => Promise<T>): Promise<T> {
    const life = this.p.life;
    if (life.hasEnded || life.isStopped) throw this.endedError();
    if (!this.token) await this.refreshToken();
    const token = this.token as string;
    try {
      return await operation(token, this.p.signal);
    } catch (error) {
      if (!isChatOver(error) || life.hasEnded || life.isStopped) throw error;
      await this.refreshToken(token);
      if (life.hasEnded || life.isStopped) throw this.endedError();
      return operation(this.token as string, this.p.signal);
    }
  }

  /** An operation with the current ConnectionToken (see call()); `signal` replaces the engine's own. */
  op: Op = (operation, input, signal) =>
    this.call((token, ownSignal) =>
      this.p.client.send(operation, { ...input, ConnectionToken: token } as OperationInput<typeof operation>, { signal: signal ?? ownSignal }),
    );

  endedError(): ChatError {
    return this.p.life.isStopped && !this.p.life.hasEnded
      ? new ChatError('chat-ended', 'This chat session was closed in this page. Resume it to continue.')
      : new ChatError('chat-ended', 'This chat has ended. Start a new chat to continue the conversation.');
  }

  /** A keepalive DisconnectParticipant for an active chat, or null when there is nothing to leave. */
  leaveRequest(): (() => void) | null {
    const token = this.token;
    if (this.p.life.hasEnded || !this.p.session() || !token) return null;
    return () => void this.p.client.send('DisconnectParticipant', { ConnectionToken: token }, { keepalive: true }).catch(() => {});
  }

  async describeView(viewToken: string): Promise<ViewDescription> {
    let answer;
    try {
      // The answer's reader loads alongside the request, the first time a chat shows a view.
      answer = await Promise.all([this.op('DescribeView', { ViewToken: viewToken }), import('./view-description.js')]);
    } catch (error) {
      if (isChatError(error)) throw error;
      throw new ChatError('view-failed', `The form could not be loaded (${describeCause(error)}).`, { cause: error });
    }
    const [{ View }, { describeView }] = answer;
    return describeView(View);
  }

  async getAuthenticationUrl(sessionId: string, redirectUri: string): Promise<string> {
    const response = await this.op('GetAuthenticationUrl', { SessionId: sessionId, RedirectUri: redirectUri });
    if (!response.AuthenticationUrl) throw new ChatError('connection-failed', 'The service returned no sign-in address. Try again.');
    return response.AuthenticationUrl;
  }

  async cancelAuthentication(sessionId: string): Promise<void> {
    await this.op('CancelParticipantAuthentication', { SessionId: sessionId });
  }
}
