// Connection state over the top of the transcript (absolutely placed: nothing below moves).
// The visual banner is aria-hidden; the same words go to the polite live region once each.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StringKey } from '../i18n';
import type { Ui } from './state';

export function Banner({ ui }: { ui: Ui }) {
  const c = ui.session.connection.value;
  const active = ui.session.phase.value !== 'ended' && ui.session.phase.value !== 'idle';
  const prev = useRef(c);
  const [back, setBack] = useState(false);
  useEffect(() => {
    const was = prev.current;
    prev.current = c;
    if (c === 'connected' && (was === 'reconnecting' || was === 'offline')) {
      setBack(true);
      const id = setTimeout(() => setBack(false), 3000);
      return () => clearTimeout(id);
    }
    setBack(false);
  }, [c]);
  const key: StringKey | null = !active ? null : c === 'reconnecting' ? 'reconnecting' : c === 'offline' ? 'offline' : back ? 'online' : null;
  useEffect(() => {
    if (key) ui.announce('conn-' + key + Date.now(), ui.t(key));
  }, [key]);
  return (
    <div class={`cw-banner${key ? ' cw-show' : ''}${key === 'online' ? ' cw-ok' : ''}`} aria-hidden="true">
      {key && ui.t(key)}
    </div>
  );
}
