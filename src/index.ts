// connect-chat-widget: the widget for apps. `ConnectChat` (Preact component), `mount()` for any
// framework, `defineConnectChat()` for the <connect-chat> element (or import
// 'connect-chat-widget/element', which registers it). Headless: 'connect-chat-widget/session' and
// 'connect-chat-widget/client'. Importing this module has no side effects.
export { ConnectChat, type ConnectChatProps } from './embed/component.js';
export { mount, type MountHandle, type MountSettings } from './embed/mount.js';
export { defineConnectChat, type ConnectChatElement } from './embed/element.js';
export type { ConnectChatApi, WidgetInstance } from './embed/api.js';
export { EVENT_NAMES, type WidgetEvents, type WidgetEventName, type WidgetListener, type WidgetErrorCode } from './embed/events.js';
export {
  DEFAULT_CONFIG,
  validateConfig,
  describeIssues,
  type WidgetConfig,
  type WidgetOptions,
  type ConfigIssue,
  type PreChatForm,
  type PreChatField,
  type ThemeConfig,
  type ThemeMode,
  type Palette,
  type PositionConfig,
  type AttachmentsConfig,
} from './config.js';
export type { StartChatProvider, StartChatRequest, StartChatDetails, TranscriptEntry, ConnectionState } from './chat/types.js';
