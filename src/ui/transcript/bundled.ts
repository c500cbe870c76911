// The transcript bundled with the caller (the npm entry points, the UI's tests): there at once.
import { present, type Chunk } from '../lazy-part';
import { latestIsView, Transcript, type TranscriptPart } from './part';

export const bundledTranscript: Chunk<TranscriptPart> = present({ Transcript, latestIsView });
