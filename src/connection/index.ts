// The connection layer: one subscribed aws/chat WebSocket kept alive, plus its pure policies.
export {
  WebSocketManager,
  DEFAULTS,
  isChatOver,
  type ConnectionDetails,
  type ConnectionState,
  type WebSocketManagerEvents,
  type WebSocketManagerOptions,
} from './websocket-manager';
export { ConnectionError, redactUrl, type ConnectionErrorCode } from './errors';
export { backoffDelay, type BackoffOptions } from './backoff';
export { heartbeatTick, heartbeatReply, heartbeatOverdue, IDLE_HEARTBEAT, type HeartbeatState, type HeartbeatTick } from './heartbeat';
export { subscribeStep, FRESH_SUBSCRIBE, type SubscribeLimits, type SubscribeState, type SubscribeDecision } from './subscribe';
export { isUrlReusable, rotationDelay, tokenRefreshDelay, MAX_TIMER_MS, type FetchedUrl, type RotationInput } from './expiry';
export { parseFrame, encodeFrame, type Frame } from './frames';
export {
  browserNetwork,
  browserVisibility,
  systemClock,
  type Clock,
  type Condition,
  type WebSocketConstructor,
  type WebSocketLike,
} from './environment';
