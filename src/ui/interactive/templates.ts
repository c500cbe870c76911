// The lazily loaded chunk of interactive messages (lazy.tsx imports it): the templates, ViewMessage
// (its renderer is one more chunk) and their stylesheets, which lazy.tsx registers before rendering.
import { viewStyles } from './views/styles';
import { interactiveStyles } from './styles';

export { InteractiveMessage } from './interactive-message';
export const styles = interactiveStyles + viewStyles;
