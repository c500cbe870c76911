// Types of the Amazon Connect Participant Service model (API 2018-09-07), with the model's
// PascalCase member names exactly, as the AWS SDK v3 types them: the header-bound tokens
// (ParticipantToken / ConnectionToken -> X-Amz-Bearer) and the path label ViewToken are members of
// the request types. Every timestamp is an ISO-8601 string on the wire (the model has no timestamp
// shapes). The emulator and the chat session import these names: keep them stable.

// ---------------------------------------------------------------------------------------------
// Enums (string unions)

export type ArtifactStatus = 'APPROVED' | 'REJECTED' | 'IN_PROGRESS';

export type ChatItemType =
  | 'TYPING'
  | 'PARTICIPANT_JOINED'
  | 'PARTICIPANT_LEFT'
  | 'CHAT_ENDED'
  | 'TRANSFER_SUCCEEDED'
  | 'TRANSFER_FAILED'
  | 'MESSAGE'
  | 'EVENT'
  | 'ATTACHMENT'
  | 'CONNECTION_ACK'
  | 'MESSAGE_DELIVERED'
  | 'MESSAGE_READ';

export type ConnectionType = 'WEBSOCKET' | 'CONNECTION_CREDENTIALS' | 'WEBRTC_CONNECTION';

export type MeetingFeatureStatus = 'AVAILABLE' | 'UNAVAILABLE';

export type MessageProcessingStatus = 'PROCESSING' | 'FAILED' | 'REJECTED';

export type ParticipantRole = 'AGENT' | 'CUSTOMER' | 'SYSTEM' | 'CUSTOM_BOT' | 'SUPERVISOR';

export type ResourceType =
  | 'CONTACT'
  | 'CONTACT_FLOW'
  | 'INSTANCE'
  | 'PARTICIPANT'
  | 'HIERARCHY_LEVEL'
  | 'HIERARCHY_GROUP'
  | 'USER'
  | 'PHONE_NUMBER';

export type ScanDirection = 'FORWARD' | 'BACKWARD';

export type SortKey = 'DESCENDING' | 'ASCENDING';

/** Documented SendMessage ContentType values (the model allows any string 1..100). */
export type KnownMessageContentType =
  | 'text/plain'
  | 'text/markdown'
  | 'application/json'
  | 'application/vnd.amazonaws.connect.message.interactive.response';

/** Documented SendEvent ContentType values (the model allows any string 1..100). */
export type KnownEventContentType =
  | 'application/vnd.amazonaws.connect.event.typing'
  | 'application/vnd.amazonaws.connect.event.connection.acknowledged'
  | 'application/vnd.amazonaws.connect.event.message.delivered'
  | 'application/vnd.amazonaws.connect.event.message.read';

// ---------------------------------------------------------------------------------------------
// Structures

export interface AttachmentItem {
  ContentType?: string;
  AttachmentId?: string;
  AttachmentName?: string;
  Status?: ArtifactStatus;
}

export interface Receipt {
  DeliveredTimestamp?: string;
  ReadTimestamp?: string;
  RecipientParticipantId?: string;
}

export interface MessageMetadata {
  MessageId?: string;
  Receipts?: Receipt[];
  MessageProcessingStatus?: MessageProcessingStatus;
}

export interface MessageProcessingMetadata {
  MessageProcessingStatus?: MessageProcessingStatus;
}

/** One transcript item (message, event or attachment). */
export interface Item {
  AbsoluteTime?: string;
  Content?: string;
  ContentType?: string;
  Id?: string;
  Type?: ChatItemType;
  ParticipantId?: string;
  DisplayName?: string;
  ParticipantRole?: ParticipantRole;
  Attachments?: AttachmentItem[];
  MessageMetadata?: MessageMetadata;
  RelatedContactId?: string;
  ContactId?: string;
}

export interface StartPosition {
  Id?: string;
  AbsoluteTime?: string;
  /** 0..100 */
  MostRecent?: number;
}

export interface Websocket {
  Url?: string;
  ConnectionExpiry?: string;
}

export interface ConnectionCredentials {
  ConnectionToken?: string;
  Expiry?: string;
}

export interface Attendee {
  AttendeeId?: string;
  JoinToken?: string;
}

export interface WebRTCMediaPlacement {
  AudioHostUrl?: string;
  AudioFallbackUrl?: string;
  SignalingUrl?: string;
  EventIngestionUrl?: string;
}

export interface AudioFeatures {
  EchoReduction?: MeetingFeatureStatus;
}

export interface MeetingFeaturesConfiguration {
  Audio?: AudioFeatures;
}

export interface WebRTCMeeting {
  MediaPlacement?: WebRTCMediaPlacement;
  MeetingFeatures?: MeetingFeaturesConfiguration;
  MeetingId?: string;
}

export interface WebRTCConnection {
  Attendee?: Attendee;
  Meeting?: WebRTCMeeting;
}

export interface UploadMetadata {
  Url?: string;
  UrlExpiry?: string;
  HeadersToInclude?: Record<string, string>;
}

export interface ViewContent {
  InputSchema?: string;
  Template?: string;
  Actions?: string[];
}

export interface View {
  Id?: string;
  Arn?: string;
  Name?: string;
  Version?: number;
  Content?: ViewContent;
}

// ---------------------------------------------------------------------------------------------
// Operations: XxxRequest / XxxResponse

export interface CreateParticipantConnectionRequest {
  /** Sent as X-Amz-Bearer. From StartChatContact / CreateParticipant. 1..1000. */
  ParticipantToken: string;
  /** At least one item. */
  Type?: ConnectionType[];
  ConnectParticipant?: boolean;
}
export interface CreateParticipantConnectionResponse {
  Websocket?: Websocket;
  ConnectionCredentials?: ConnectionCredentials;
  WebRTCConnection?: WebRTCConnection;
}

export interface DescribeViewRequest {
  /** Path label of GET /participant/views/{ViewToken}. 1..1000. */
  ViewToken: string;
  /** Sent as X-Amz-Bearer. */
  ConnectionToken: string;
}
export interface DescribeViewResponse {
  View?: View;
}

export interface DisconnectParticipantRequest {
  /** Idempotency token (0..500); generated once per call when omitted. */
  ClientToken?: string;
  ConnectionToken: string;
}
export interface DisconnectParticipantResponse {}

export interface SendMessageRequest {
  /** text/plain, text/markdown, application/json, …message.interactive.response. 1..100. */
  ContentType: string;
  /** 1..16384 in the model; per ContentType limits are checked client-side (see validate.ts). */
  Content: string;
  ClientToken?: string;
  ConnectionToken: string;
}
export interface SendMessageResponse {
  Id?: string;
  AbsoluteTime?: string;
  MessageMetadata?: MessageProcessingMetadata;
}

export interface SendEventRequest {
  ContentType: string;
  Content?: string;
  ClientToken?: string;
  ConnectionToken: string;
}
export interface SendEventResponse {
  Id?: string;
  AbsoluteTime?: string;
}

export interface GetTranscriptRequest {
  ContactId?: string;
  /** 0..100 (service default 10). */
  MaxResults?: number;
  NextToken?: string;
  ScanDirection?: ScanDirection;
  SortOrder?: SortKey;
  StartPosition?: StartPosition;
  ConnectionToken: string;
}
export interface GetTranscriptResponse {
  InitialContactId?: string;
  Transcript?: Item[];
  NextToken?: string;
}

export interface StartAttachmentUploadRequest {
  /** MIME type, 1..255. */
  ContentType: string;
  /** >= 1 */
  AttachmentSizeInBytes: number;
  AttachmentName: string;
  /** Required by the model (1..500), generated once per call when omitted. */
  ClientToken?: string;
  ConnectionToken: string;
}
export interface StartAttachmentUploadResponse {
  AttachmentId?: string;
  UploadMetadata?: UploadMetadata;
}

export interface CompleteAttachmentUploadRequest {
  /** Exactly one id. */
  AttachmentIds: string[];
  /** Required by the model (1..500), generated once per call when omitted. */
  ClientToken?: string;
  ConnectionToken: string;
}
export interface CompleteAttachmentUploadResponse {}

export interface GetAttachmentRequest {
  AttachmentId: string;
  /** 5..300 */
  UrlExpiryInSeconds?: number;
  ConnectionToken: string;
}
export interface GetAttachmentResponse {
  Url?: string;
  UrlExpiry?: string;
  /** Required in the model's output. */
  AttachmentSizeInBytes: number;
}

export interface GetAuthenticationUrlRequest {
  /** Exactly 36 characters (from the authentication.initiated event). */
  SessionId: string;
  RedirectUri: string;
  ConnectionToken: string;
}
export interface GetAuthenticationUrlResponse {
  AuthenticationUrl?: string;
}

export interface CancelParticipantAuthenticationRequest {
  SessionId: string;
  ConnectionToken: string;
}
export interface CancelParticipantAuthenticationResponse {}

// ---------------------------------------------------------------------------------------------
// Errors (the body of a modeled error response)

export type ParticipantErrorName =
  | 'AccessDeniedException'
  | 'ValidationException'
  | 'ThrottlingException'
  | 'InternalServerException'
  | 'ConflictException'
  | 'ServiceQuotaExceededException'
  | 'ResourceNotFoundException';

export interface ResourceNotFoundExceptionDetails {
  ResourceId?: string;
  ResourceType?: ResourceType;
}

// ---------------------------------------------------------------------------------------------
// Operation index: model operation name -> request/response, for generic code (client, emulator).

export interface OperationShapes {
  CreateParticipantConnection: { input: CreateParticipantConnectionRequest; output: CreateParticipantConnectionResponse };
  DescribeView: { input: DescribeViewRequest; output: DescribeViewResponse };
  DisconnectParticipant: { input: DisconnectParticipantRequest; output: DisconnectParticipantResponse };
  SendMessage: { input: SendMessageRequest; output: SendMessageResponse };
  SendEvent: { input: SendEventRequest; output: SendEventResponse };
  GetTranscript: { input: GetTranscriptRequest; output: GetTranscriptResponse };
  StartAttachmentUpload: { input: StartAttachmentUploadRequest; output: StartAttachmentUploadResponse };
  CompleteAttachmentUpload: { input: CompleteAttachmentUploadRequest; output: CompleteAttachmentUploadResponse };
  GetAttachment: { input: GetAttachmentRequest; output: GetAttachmentResponse };
  GetAuthenticationUrl: { input: GetAuthenticationUrlRequest; output: GetAuthenticationUrlResponse };
  CancelParticipantAuthentication: {
    input: CancelParticipantAuthenticationRequest;
    output: CancelParticipantAuthenticationResponse;
  };
}

export type OperationName = keyof OperationShapes;
export type OperationInput<O extends OperationName> = OperationShapes[O]['input'];
export type OperationOutput<O extends OperationName> = OperationShapes[O]['output'];
