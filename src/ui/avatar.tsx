// Who is writing, at a glance: an agent is a round avatar (their picture from the `avatars.agent`
// option, else their initials), the bot a rounded square (`avatars.bot`, else a bot symbol), so the
// two never look alike. Decorative: the sender's name is always in the text beside it.
import { useState } from 'preact/hooks';
import { safeImageSrc } from './content/url';
import { Icon } from './icons';
import type { Ui } from './state';
import { initials } from './transcript/who';

function pictureOf(ui: Ui, kind: 'agent' | 'bot'): string | null {
  const url = ui.config.avatars[kind];
  return url ? safeImageSrc(new URL(url, location.href).href) : null;
}

export function Avatar({ ui, kind, name, size }: { ui: Ui; kind: 'agent' | 'bot'; name: string; size?: 'lg' }) {
  const src = pictureOf(ui, kind);
  const [broken, setBroken] = useState(false);
  const cls = `cw-av cw-av-${kind}${size ? ' cw-av-lg' : ''}`;
  if (src && !broken) return <img class={cls} src={src} alt="" aria-hidden="true" onError={() => setBroken(true)} />;
  return (
    <span class={cls} aria-hidden="true">
      {kind === 'bot' ? <Icon name="bot" /> : initials(name) || <Icon name="chat" />}
    </span>
  );
}
