// The image preview: a modal dialog over the page with the picture as large as the screen allows,
// its name, Download and Close. Keyboard: the focus starts on Close, Tab stays inside, Escape closes;
// closing gives the focus back to the image that opened it. Drawn from the fetched bytes like the
// inline image (image.tsx), so a strict CSP needs nothing more. A chunk of its own, loaded on the
// first click on an image; what it needs of the widget's own code is handed to it (PreviewKit), so
// the chunk imports nothing the opening path would then have to share with it.
import type { JSX } from 'preact';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AttachmentEntry } from '../../chat/types';
import type { Ui } from '../state';

export interface PreviewKit {
  Icon: (props: { name: 'download' | 'close' }) => JSX.Element;
  download: (ui: Ui, e: AttachmentEntry) => Promise<void>;
  drawImage: (blob: Blob, canvas: HTMLCanvasElement, max: number) => Promise<void>;
}

export const styles = `
.cw-lb{position:fixed;inset:0;z-index:calc(var(--cw-z) + 1);display:flex;align-items:center;justify-content:center;padding:60px 16px 24px;background:rgb(10 12 16/.86);color:#fff}
.cw-lb-bar{position:absolute;top:0;inset-inline:0;display:flex;align-items:center;gap:4px;padding:8px 8px 8px 16px}
.cw-lb-name{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:600}
.cw-lb .cw-icon{color:#fff}
.cw-lb :focus-visible{outline:2px solid #fff;outline-offset:2px}
.cw-lb-img{display:block;max-width:100%;max-height:100%;border-radius:4px;box-shadow:0 8px 32px rgb(0 0 0/.5)}
.cw-lb-img.cw-wait{visibility:hidden}
.cw-lb-note{position:absolute;inset-inline:0;top:50%;text-align:center}
`;

function Lightbox({ ui, e, kit, close }: { ui: Ui; e: AttachmentEntry; kit: PreviewKit; close: () => void }) {
  const { t } = ui;
  const { Icon, download, drawImage } = kit;
  const canvas = useRef<HTMLCanvasElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading');
  useEffect(() => {
    closer.current?.focus();
    let live = true;
    ui.session
      .attachmentBlob(e.attachmentId)
      .then((blob) => drawImage(blob, canvas.current!, 2400))
      .then(
        () => live && setState('shown'),
        () => live && setState('failed'),
      );
    return () => {
      live = false;
    };
  }, []);

  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      ev.stopPropagation();
      close();
    } else if (ev.key === 'Tab') {
      const buttons = Array.from((ev.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('button'));
      const root = (ev.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
      const i = buttons.indexOf(root.activeElement as HTMLElement);
      const next = buttons[(i + (ev.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
      ev.preventDefault();
      next?.focus();
    }
  };
  const label = t('image', { name: e.name });
  return (
    <div class="cw-lb" role="dialog" aria-modal="true" aria-label={label} onKeyDown={onKey} onClick={(ev) => ev.target === ev.currentTarget && close()}>
      <div class="cw-lb-bar">
        <span class="cw-lb-name" dir="auto">
          {e.name}
        </span>
        <button type="button" class="cw-icon" aria-label={t('downloadFile', { name: e.name })} onClick={() => void download(ui, e).catch(() => {})}>
          <Icon name="download" />
        </button>
        <button ref={closer} type="button" class="cw-icon" aria-label={t('close')} onClick={close}>
          <Icon name="close" />
        </button>
      </div>
      <canvas ref={canvas} class={state === 'shown' ? 'cw-lb-img' : 'cw-lb-img cw-wait'} role="img" aria-label={label} width={1} height={1} />
      {state === 'failed' && (
        <p class="cw-lb-note" role="alert">
          {t('imageFailed')}
        </p>
      )}
    </div>
  );
}

/** Opens the preview of `e` over the page; `from` (the inline image) gets the focus back on close. */
export function showPreview(ui: Ui, e: AttachmentEntry, from: HTMLElement, kit: PreviewKit): void {
  const root = from.getRootNode() as ShadowRoot | Document;
  const app = from.closest<HTMLElement>('.cw');
  const layer = document.createElement('div');
  // The widget's root class, direction and language, so its styles and mirroring apply in the layer.
  layer.className = 'cw';
  layer.dir = app?.dir ?? '';
  layer.lang = app?.lang ?? '';
  (root instanceof Document ? root.body : root).append(layer);
  const close = () => {
    render(null, layer);
    layer.remove();
    from.focus();
  };
  render(<Lightbox ui={ui} e={e} kit={kit} close={close} />, layer);
}
