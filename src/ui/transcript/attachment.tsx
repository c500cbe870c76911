// An attachment in the transcript. An approved image shows inline and opens a preview (lightbox.tsx,
// loaded on the first click); any other file is a chip with its type and size that downloads it; a
// rejected one says so. Whether a file is shown as an image depends on the file (its type and the
// scan's verdict), never on whether loading it worked: an image that cannot be fetched yet (a reload
// before the chat has reconnected, an expired link, the network) keeps its place as an image and is
// fetched again on Retry or when the connection comes back. Only bytes that do not decode as an image
// make it a file chip.
import { useEffect, useState } from 'preact/hooks';
import { ATTACHMENT_TYPES } from '../../chat/attachments';
import type { AttachmentEntry } from '../../chat/types';
import { formatSize } from '../../i18n';
import { plainFileName } from '../content/file-name';
import { safeImageSrc } from '../content/url';
import { Icon } from '../icons';
import { addLateStyles } from '../late-styles';
import type { Ui } from '../state';
import { AttachmentImage, drawImage, type ImageFailure } from './image';
import { importAgain } from '../import-again';

const INLINE = /^image\/(png|jpeg|gif|webp)$/;

/** A short type for the chip: the file's extension when it has a known one, else from its MIME type. */
export function fileKind(name: string, contentType: string): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1].toLowerCase();
  if (ext && (ATTACHMENT_TYPES[ext] || !contentType)) return ext.toUpperCase();
  // The shortest of the extensions the type has: image/jpeg reads JPG, not JFIF.
  const known = Object.keys(ATTACHMENT_TYPES)
    .filter((k) => ATTACHMENT_TYPES[k] === contentType)
    .sort((a, b) => a.length - b.length)[0];
  return (known ?? contentType.split('/')[1]?.replace(/^(x-|vnd\.)/, '').split(/[.+;]/)[0] ?? '').toUpperCase().slice(0, 8);
}

export async function download(ui: Ui, e: AttachmentEntry): Promise<void> {
  const href = safeImageSrc((await ui.session.attachment(e.attachmentId)).url);
  if (!href) return;
  const a = document.createElement('a');
  a.href = href;
  a.download = plainFileName(e.name);
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.click();
}

type Lightbox = typeof import('./lightbox');
let lightbox: Promise<Lightbox> | undefined;
const importLightbox = importAgain(() => import('./lightbox'));

function openPreview(ui: Ui, e: AttachmentEntry, from: HTMLElement): void {
  lightbox ??= importLightbox().then(
    (m) => (addLateStyles(m.styles), m),
    (error: unknown) => {
      lightbox = undefined;
      throw error;
    },
  );
  lightbox.then(
    (m) => m.showPreview(ui, { ...e, name: plainFileName(e.name) }, from, { Icon, download, drawImage }),
    () => void download(ui, e).catch(() => {}), // no preview to be had: the file itself
  );
}

export function Attachment({ ui, e }: { ui: Ui; e: AttachmentEntry }) {
  const { t } = ui;
  const name = plainFileName(e.name);
  const [failure, setFailure] = useState<ImageFailure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const image = e.status === 'APPROVED' && INLINE.test(e.contentType) && failure !== 'not-an-image';
  // A fetch that failed is tried again once the chat is connected again.
  const connection = ui.session.connection.value;
  useEffect(() => {
    if (failure === 'unavailable' && connection === 'connected') (setFailure(null), setAttempt((n) => n + 1));
  }, [connection]);

  if (e.status === 'REJECTED')
    return (
      <div class="cw-file cw-rej">
        <Icon name="file" />
        <span class="cw-fname">{name}</span>
        <span>{t('rejected')}</span>
      </div>
    );
  if (image && failure === 'unavailable')
    return (
      <div class="cw-imgph cw-imgfail">
        <span>{t('image', { name })}</span>
        <span role="status">{t('imageFailed')}</span>
        <button type="button" class="cw-link" onClick={() => (setFailure(null), setAttempt((n) => n + 1))}>
          {t('retry')}
        </button>
      </div>
    );
  if (image)
    return (
      <button type="button" class="cw-imgbtn" aria-haspopup="dialog" onClick={(ev) => openPreview(ui, e, ev.currentTarget)}>
        <AttachmentImage key={attempt} load={() => ui.session.attachmentBlob(e.attachmentId)} label={t('image', { name })} onFail={setFailure} />
      </button>
    );
  return <FileChip ui={ui} e={e} />;
}

function FileChip({ ui, e }: { ui: Ui; e: AttachmentEntry }) {
  const { t } = ui;
  const name = plainFileName(e.name);
  const [size, setSize] = useState<number | undefined>();
  const ready = e.status === 'APPROVED';
  useEffect(() => {
    if (!ready) return;
    let live = true;
    ui.session.attachment(e.attachmentId).then(
      (l) => live && setSize(l.size),
      () => {}, // the size is a nicety: the chip works without it
    );
    return () => {
      live = false;
    };
  }, [e.attachmentId, ready]);
  const parts = [fileKind(name, e.contentType), size !== undefined ? formatSize(size, ui.locale.value) : ''].filter(Boolean);
  return (
    <button
      type="button"
      class="cw-file"
      onClick={() => void download(ui, e).catch(() => {})}
      disabled={!ready}
      aria-label={`${t('downloadFile', { name })} (${parts.join(', ')})`}
    >
      <Icon name="file" />
      <span class="cw-fmeta">
        <span class="cw-fname" title={name}>
          {name}
        </span>
        <span class="cw-fdetail">{parts.join(' · ')}</span>
      </span>
      <Icon name="download" />
    </button>
  );
}
