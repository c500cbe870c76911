// The lazily loaded chunk of interactive messages (lazy.tsx imports it): the templates, ViewMessage
// (its renderer is one more chunk), their stylesheets, which lazy.tsx registers before rendering, and
// the helpers that work out which message is live and what was answered (transcript.ts).
import { viewStyles } from './views/styles';
import { interactiveStyles } from './styles';

export { InteractiveMessage } from './interactive-message';
export { interactiveStates, latestIsView } from './transcript';
export const styles = interactiveStyles + viewStyles;
