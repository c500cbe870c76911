// The local Amazon Connect chat emulator: the Participant Service (REST + WebSocket), the Connect-side
// chat routes, attachments, views, sign-in, faults and plugins. See README § emulator.
//
//   const emulator = await startEmulator({ port: 0 });   // options and defaults: ./options.ts
//   ... new ConnectParticipantClient({ endpoint: emulator.url, region: 'us-east-1', credentials }) ...
//   await emulator.close();
export { startEmulator, type Emulator } from './server.js';
export { DEFAULTS, type EmulatorOptions, type ScanResult } from './options.js';
export type {
  AttachmentToPost,
  ContactHandle,
  EmulatorPlugin,
  EmulatorPluginFactory,
  MessageDecision,
  MessageStream,
  PluginContext,
  PostOptions,
} from './plugins.js';
export type { ChatItem, ContactInfo, DisconnectFlowName, ParticipantEventKind, ParticipantInfo, TaskContact } from './types.js';
export type { FaultRequest, FailInput } from './faults.js';
