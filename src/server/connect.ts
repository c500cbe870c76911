// StartChatContact through the official @aws-sdk/client-connect (an optional peer dependency: loaded
// on the first start, with a clear error when it is not installed), and what its failures mean for
// the page: the visitor's request (400), this back end's configuration or AWS (502), or a moment of
// overload (503 with Retry-After).
import type { AwsCredentials } from './options.js';
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
  ClientToken?: string;
}

export interface StartChatContactOutput {
  ContactId: string;
  ParticipantId: string;
  ParticipantToken: string;
  ContinuedFromContactId?: string;
}

export type StartChatContact = (input: StartChatContactInput) => Promise<StartChatContactOutput>;

interface SdkModule {
  ConnectClient: new (config: Record<string, unknown>) => { send(command: unknown): Promise<Record<string, unknown>> };
  StartChatContactCommand: new (input: StartChatContactInput) => unknown;
}

/** One SDK client per handler, made on the first start. */
export function connectCaller(config: { region: string; endpoint: string | undefined; credentials: AwsCredentials | undefined }): StartChatContact {
  let client: Promise<{ send: (input: StartChatContactInput) => Promise<Record<string, unknown>> }> | undefined;
  const load = async () => {
    let sdk: SdkModule;
    try {
      // A specifier in a variable: the SDK's types are not pulled into this package's build, only SdkModule's.
      const name = '@aws-sdk/client-connect';
      sdk = (await import(name)) as SdkModule;
    } catch (cause) {
      throw new StartChatRefusal(502, 'sdk-missing', 'the start-chat back end cannot reach Amazon Connect: install @aws-sdk/client-connect next to connect-chat-widget', {}, { cause });
    }
    const connect = new sdk.ConnectClient({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
    });
    return { send: (input: StartChatContactInput) => connect.send(new sdk.StartChatContactCommand(input)) };
  };
  return async (input) => {
    client ??= load().catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    const out = await (await client).send(input);
    const { ContactId, ParticipantId, ParticipantToken, ContinuedFromContactId } = out;
    if (typeof ContactId !== 'string' || typeof ParticipantId !== 'string' || typeof ParticipantToken !== 'string') {
      throw new StartChatRefusal(502, 'connect-failed', 'Amazon Connect answered StartChatContact without ContactId, ParticipantId and ParticipantToken');
    }
    return { ContactId, ParticipantId, ParticipantToken, ...(typeof ContinuedFromContactId === 'string' ? { ContinuedFromContactId } : {}) };
  };
}

const OVERLOAD = new Set(['ThrottlingException', 'TooManyRequestsException', 'LimitExceededException', 'ServiceQuotaExceededException', 'InternalServiceException', 'ServiceUnavailableException']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout']);

/** Why StartChatContact failed, as the page should hear it; `detail` (for the log) is the SDK's name and message. */
export function classifyConnectError(error: unknown, persistent: boolean): { refusal: StartChatRefusal; detail: string } {
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
  if (persistent && (name === 'InvalidRequestException' || name === 'ResourceNotFoundException')) {
    // The earlier chat cannot be continued (still running, too old, or unknown to the instance).
    return { refusal: new StartChatRefusal(400, 'persistent-chat-refused', 'the earlier chat cannot be continued (it may still be running, or be too old); start a new one'), detail };
  }
  return {
    refusal: new StartChatRefusal(502, 'connect-failed', "Amazon Connect refused to start the chat; the site's chat back end needs attention (its log says why)"),
    detail,
  };
}
