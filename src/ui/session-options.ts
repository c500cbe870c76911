// WidgetConfig -> ChatSessionOptions: the one place the widget's options meet the session's, for
// every entry point that creates a ChatSession for the widget (embed, mount, test pages).
import type { ChatSessionOptions } from '../chat/options';
import type { WidgetConfig } from '../config';

export function sessionOptions(config: WidgetConfig): ChatSessionOptions {
  return {
    ...(config.startChat ? { startChat: config.startChat } : {}),
    ...(config.startChatBody ? { startChatBody: config.startChatBody } : {}),
    ...(config.startChatHeaders ? { startChatHeaders: config.startChatHeaders } : {}),
    ...(config.startTimeoutMs ? { startTimeoutMs: config.startTimeoutMs } : {}),
    // A given endpoint is passed on even when it is invalid: the session then refuses to start, rather
    // than sending the visitor's token to the default region.
    ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : { region: config.region }),
    ...(config.displayName ? { displayName: config.displayName } : {}),
    attributes: config.attributes,
    ...(config.initialMessage ? { initialMessage: config.initialMessage } : {}),
    supportedMessagingContentTypes: config.supportedMessagingContentTypes,
    ...(config.chatDurationInMinutes ? { chatDurationInMinutes: config.chatDurationInMinutes } : {}),
    ...(config.persistentChat === 'auto'
      ? { persistentChat: 'auto' as const }
      : config.persistentChat
        ? { persistentChat: { SourceContactId: config.persistentChat.sourceContactId, RehydrationType: config.persistentChat.rehydrationType ?? 'ENTIRE_PAST_SESSION' } }
        : {}),
    ...(config.postChatSurvey ? { postChatSurvey: true } : {}),
    persistence: config.persistence,
    storageKey: config.storageKey,
    attachments: { maxBytes: config.attachments.maxSizeBytes, mimeTypes: config.attachments.acceptTypes },
  };
}
