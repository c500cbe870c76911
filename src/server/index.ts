// connect-chat-widget/server: the start-chat back end for your site (Node ≥ 20, AWS Lambda, any
// runtime with fetch and Web Crypto), built on @aws-sdk/client-connect. See README § Going to production.
//
//   const handler = createStartChatHandler({ instanceId, contactFlowId, region, allowedOrigins: ['https://www.example.com'] });
//   const leaveMessage = createLeaveMessageHandler({ instanceId, contactFlowId: taskFlowId, region, allowedOrigins });
//   app.use('/start-chat', toNodeListener(handler));          // node:http, Express, Fastify
//   export const lambda = toLambdaHandler(handler);           // API Gateway HTTP API / function URL
export { createStartChatHandler, type RequestInfo, type StartChatHandler } from './handler.js';
export {
  createLeaveMessageHandler,
  LEAVE_MESSAGE_DEFAULTS,
  type LeaveMessageField,
  type LeaveMessageHandlerOptions,
  type LeaveMessageLogEvent,
} from './leave-message.js';
export { toNodeListener, type NodeListener } from './node.js';
export { toLambdaHandler, type LambdaHttpEvent, type LambdaHttpResult } from './lambda.js';
export { DEFAULTS, StartChatConfigError, type AwsCredentials, type StartChatHandlerOptions, type StartChatLogEvent } from './options.js';
