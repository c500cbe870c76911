// Constraint descriptors of the model's input shapes (service-2.json), as data for validate.ts and
// for serialization order. Only input shapes live here: outputs are passed through as received.

export type Shape =
  | { type: 'string'; min?: number; max?: number; enum?: readonly string[] }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'list'; member: Shape; min?: number; max?: number }
  | { type: 'structure'; members: Members };

export interface Member {
  shape: Shape;
  required?: boolean;
  /** Where the member goes on the wire; body when absent. */
  location?: 'header' | 'uri';
  /** Filled with a fresh UUID once per call when the caller leaves it unset. */
  idempotencyToken?: boolean;
}

/** Members in model order: the JSON body is serialized in this order, as the AWS SDK does. */
export type Members = Readonly<Record<string, Member>>;

const str = (min?: number, max?: number): Shape => ({ type: 'string', min, max });
const int = (min?: number, max?: number): Shape => ({ type: 'integer', min, max });
const enumOf = (values: readonly string[]): Shape => ({ type: 'string', enum: values });

export const ParticipantToken = str(1, 1000);
export const ViewToken = str(1, 1000);
export const ClientToken = str(undefined, 500);
export const NonEmptyClientToken = str(1, 500);
export const ChatContentType = str(1, 100);
export const ChatContent = str(1, 16384);
export const ChatItemId = str(1, 256);
export const Instant = str(1, 100);
export const ContactId = str(1, 256);
export const NextToken = str(1, 1000);
export const ContentType = str(1, 255);
export const AttachmentName = str(1, 256);
export const ArtifactId = str(1, 256);
export const SessionId = str(36, 36);
export const RedirectURI = str(1, 1024);
export const MaxResults = int(0, 100);
export const MostRecent = int(0, 100);
export const URLExpiryInSeconds = int(5, 300);
/** A long in the model; JSON numbers are exact up to 2^53, far above any attachment size. */
export const AttachmentSizeInBytes = int(1);
export const Bool: Shape = { type: 'boolean' };

export const ConnectionType = enumOf(['WEBSOCKET', 'CONNECTION_CREDENTIALS', 'WEBRTC_CONNECTION']);
export const ConnectionTypeList: Shape = { type: 'list', member: ConnectionType, min: 1 };
export const AttachmentIdList: Shape = { type: 'list', member: ArtifactId, min: 1, max: 1 };
export const ScanDirection = enumOf(['FORWARD', 'BACKWARD']);
export const SortKey = enumOf(['DESCENDING', 'ASCENDING']);

export const StartPosition: Shape = {
  type: 'structure',
  members: {
    Id: { shape: ChatItemId },
    AbsoluteTime: { shape: Instant },
    MostRecent: { shape: MostRecent },
  },
};
