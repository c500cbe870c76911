// StartChatContact and StartTaskContact through the official @aws-sdk/client-connect (an optional peer
// dependency: loaded on the first call, with a clear error when it is not installed), and what its
// failures mean for the page: the visitor's request (400), this back end's configuration or AWS
// (502), or a moment of overload (503 with Retry-After).
import type { AwsCredentials } from './common.js';
import { StartChatRefusal } from './responses.js';

export interface StartChatContactInput {
  InstanceId: string;
  ContactFlowId: string;
  ParticipantDetails: { DisplayName: string };
  Attributes?: Record<string, string>;
  InitialMessage?: { ContentType: string; Content: string };
  SupportedMessagingContentTypes: string[];
  ChatDurationInMinutes: number;
  PersistentChat?: { SourceContactId: string; RehydrationType: 'ENTIRE_PAST_SESSION' | 'FROM_SEGMENT' };
  DisconnectOnCustomerExit?: ['AGENT'];
  ClientToken?: string;
}

export interface StartTaskContactInput {
  InstanceId: string;
  ContactFlowId: string;
  Name: string;
  Description?: string;
  References?: Record<string, { Type: 'STRING' | 'EMAIL' | 'URL' | 'NUMBER' | 'DATE'; Value: string }>;
  Attributes?: Record<string, string>;
  ClientToken?: string;
}

export interface StartChatContactOutput {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
  ContinuedFromContactId?: string;
}

export type StartChatContact = (input: StartChatContactInput) => Promise<StartChatContactOutput>;
export type StartTaskContact = (input: StartTaskContactInput) => Promise<{ ContactId: string }>;

type Command = 'StartChatContactCommand' | 'StartTaskContactCommand';
type SdkModule = { ConnectClient: new (config: Record<string, unknown>) => { send(command: unknown): Promise<Record<string, unknown>> } } & Record<
  Command,
  new (input: object) => unknown
>;
type Send = (command: Command, input: object) => Promise<Record<string, unknown>>;
type ConnectConfig = { region: string; endpoint: string | undefined; credentials: AwsCredentials | undefined };

/** One SDK client per handler, made on the first call; a failed load is tried again on the next. */
function connectSender(config: ConnectConfig, backEnd: string): Send {
  let client: Promise<Send> | undefined;
  const load = async (): Promise<Send> => {
    let sdk: SdkModule;
    try {
      // A specifier in a variable: the SDK's types are not pulled into this package's build, only SdkModule's.
      const name = '@aws-sdk/client-connect';
      sdk = (await import(name)) as SdkModule;
    } catch (cause) {
      throw new StartChatRefusal(502, 'sdk-missing', `the ${backEnd} back end cannot reach Amazon Connect: install @aws-sdk/client-connect next to connect-chat-widget`, {}, { cause });
    }
    const connect = new sdk.ConnectClient({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
    });
    return (command, input) => connect.send(new sdk[command](input));
  };
  return async (command, input) => {
    client ??= load().catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    return (await client)(command, input);
  };
}

export function connectCaller(config: ConnectConfig): StartChatContact {
  const send = connectSender(config, 'start-chat');
  return async (input) => {
    const out = await send('StartChatContactCommand', input);
    const { ContactId, ParticipantId, ParticipantToken, ContinuedFromContactId } = out;
    if (typeof ContactId !== 'string' || typeof ParticipantId !== 'string' || typeof ParticipantToken !== 'string') {
      throw new StartChatRefusal(502, 'connect-failed', 'Amazon Connect answered StartChatContact without ContactId, ParticipantId and ParticipantToken');
    }
    return { ContactId, ParticipantId, ParticipantToken, ...(typeof ContinuedFromContactId === 'string' ? { ContinuedFromContactId } : {}) };
  };
}

export function taskCaller(config: ConnectConfig): StartTaskContact {
  const send = connectSender(config, 'leave-message');
  return async (input) => {
    const { ContactId } = await send('StartTaskContactCommand', input);
    if (typeof ContactId !== 'string') throw new StartChatRefusal(502, 'connect-failed', 'Amazon Connect answered StartTaskContact without a ContactId');
    return { ContactId };
  };
}

const OVERLOAD = new Set(['ThrottlingException', 'TooManyRequestsException', 'LimitExceededException', 'ServiceQuotaExceededException', 'InternalServiceException', 'ServiceUnavailableException']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout']);

/** Why StartChatContact failed, as the page should hear it; `detail` (for the log) is the SDK's name and message. */
export function classifyConnectError(error: unknown, call: 'chat' | 'continued-chat' | 'task'): { refusal: StartChatRefusal; detail: string } {
  if (error instanceof StartChatRefusal) return { refusal: error, detail: error.cause instanceof Error ? error.cause.message : error.message };
  const e = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number }; cause?: { code?: unknown } };
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const detail = `${name}: ${typeof e.message === 'string' ? e.message : String(error)}`;
  const status = e.$metadata?.httpStatusCode;
  const code = typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : '';
  if (OVERLOAD.has(name) || (status !== undefined && status >= 500) || NETWORK.has(code) || NETWORK.has(name)) {
    return {
      refusal: new StartChatRefusal(503, 'connect-unavailable', 'Amazon Connect is busy or unreachable; try again in a moment', { 'retry-after': '5' }),
      detail,
    };
  }
  if (call === 'continued-chat' && (name === 'InvalidRequestException' || name === 'ResourceNotFoundException')) {
    // The earlier chat cannot be continued (still running, too old, or unknown to the instance).
    return { refusal: new StartChatRefusal(400, 'persistent-chat-refused', 'the earlier chat cannot be continued (it may still be running, or be too old); start a new one'), detail };
  }
  return {
    refusal: new StartChatRefusal(
      502,
      'connect-failed',
      call === 'task'
        ? "Amazon Connect refused to take the message; the site's back end needs attention (its log says why)"
        : "Amazon Connect refused to start the chat; the site's chat back end needs attention (its log says why)",
    ),
    detail,
  };
}
