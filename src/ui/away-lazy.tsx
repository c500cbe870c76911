// The away view (and its leave-message form) is its own chunk: only sites with business hours
// (config.availability) download it, when chat is closed.
import { chunk, LazyPart } from './lazy-part';
import type { Ui } from './state';

const away = chunk(() => import('./away'));

export const loadAway = away.load;

export function LazyAway({ ui }: { ui: Ui }) {
  return <LazyPart ui={ui} part={away} render={(m) => <m.Away ui={ui} />} />;
}
