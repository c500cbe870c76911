// Inline attachment images that work under a strict CSP. An <img> pointing at the attachment's
// presigned URL needs the site's img-src to allow the attachment host; fetching the same URL needs
// only connect-src, which the site must allow for uploads anyway. So the session fetches the bytes
// (session.attachmentBlob: the UI itself never touches the network) and they are decoded off the
// main thread (createImageBitmap) onto a canvas: no img-src, no blob: URL. Where that cannot work
// (no createImageBitmap, the host refuses CORS, an undecodable format), the fallback is a plain
// <img>, and when that fails too, the caller's file card.
import { useEffect, useRef, useState } from 'preact/hooks';

const MAX = 480;

async function draw(load: () => Promise<Blob>, canvas: HTMLCanvasElement): Promise<void> {
  const bitmap = await createImageBitmap(await load());
  const scale = Math.min(1, MAX / bitmap.width, MAX / bitmap.height);
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
}

export function AttachmentImage({ url, load, label, onFail }: { url: string; load: () => Promise<Blob>; label: string; onFail: () => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [mode, setMode] = useState<'canvas' | 'img'>(() => (typeof createImageBitmap === 'function' ? 'canvas' : 'img'));
  useEffect(() => {
    if (mode !== 'canvas' || !ref.current) return;
    let live = true;
    draw(load, ref.current).catch(() => live && setMode('img'));
    return () => {
      live = false;
    };
  }, [url, mode]);
  return mode === 'canvas' ? (
    <canvas ref={ref} class="cw-img" role="img" aria-label={label} width={160} height={120} />
  ) : (
    <img class="cw-img" src={url} alt={label} onError={onFail} />
  );
}
