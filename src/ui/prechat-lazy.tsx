// The pre-chat form is its own chunk: only sites that set config.preChatForm download it. mount.ts
// starts loading it (loadPreChat) together with the language, so the form is normally there by the
// time the window can open; if the chunk could not load, the window says so and offers a retry.
import { chunk, LazyPart } from './lazy-part';
import type { Ui } from './state';

const preChat = chunk(() => import('./prechat'));

export const loadPreChat = preChat.load;

export function LazyPreChat({ ui }: { ui: Ui }) {
  return <LazyPart ui={ui} part={preChat} render={(m) => <m.PreChat ui={ui} />} />;
}
