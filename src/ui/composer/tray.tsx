// Above the text box: files waiting for Send (preview, error, Remove) and uploads in flight
// (progress, Cancel; failed ones with their reason).
import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../icons';
import { plainFileName } from '../content/file-name';
import type { Ui } from '../state';
import type { Pending } from './files';

/** An image preview drawn on a canvas from the file's bytes: no blob: URL, so no img-src needed. */
function Thumb({ file }: { file: File }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const image = /^image\/(png|jpeg|gif|webp)$/.test(file.type) && typeof createImageBitmap === 'function';
  useEffect(() => {
    if (!image) return;
    let live = true;
    createImageBitmap(file, { resizeHeight: 80, resizeQuality: 'medium' }).then(
      (bmp) => {
        const c = ref.current;
        if (live && c) {
          c.width = bmp.width;
          c.height = bmp.height;
          c.getContext('2d')?.drawImage(bmp, 0, 0);
        }
        bmp.close();
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [file]);
  return image ? <canvas ref={ref} class="cw-thumb" aria-hidden="true" /> : <Icon name="file" />;
}

export function Tray({ ui }: { ui: Ui }) {
  const { t, session } = ui;
  const pending = ui.pending.value;
  const uploads = session.uploads.value.filter((u) => u.state !== 'done' && u.state !== 'cancelled');
  if (!pending.length && !uploads.length) return null;
  const remove = (p: Pending) => (ui.pending.value = ui.pending.peek().filter((x) => x !== p));
  return (
    <ul class="cw-tray">
      {pending.map((p) => (
        <li key={'p' + p.id} class={p.error ? 'cw-bad' : undefined}>
          <Thumb file={p.file} />
          <span class="cw-fname">
            {plainFileName(p.file.name)}
            {p.error && <span class="cw-err">{p.error}</span>}
          </span>
          <button type="button" class="cw-icon cw-sm" aria-label={t('remove', { name: plainFileName(p.file.name) })} onClick={() => remove(p)}>
            <Icon name="close" />
          </button>
        </li>
      ))}
      {uploads.map((u) => (
        <li key={'u' + u.id} class={u.state === 'failed' ? 'cw-bad' : undefined}>
          <Icon name="file" />
          <span class="cw-fname">
            {plainFileName(u.name)}
            {u.state === 'failed' && <span class="cw-err">{t('uploadFailed', { name: plainFileName(u.name) })}</span>}
          </span>
          {u.state !== 'failed' && <progress max={1} value={u.progress} aria-label={t('uploading', { name: u.name })} />}
          <button
            type="button"
            class="cw-icon cw-sm"
            aria-label={u.state === 'failed' ? t('dismiss') : t('cancelUpload', { name: u.name })}
            onClick={() => session.cancelUpload(u.id)}
          >
            <Icon name="close" />
          </button>
        </li>
      ))}
    </ul>
  );
}
