// Inline attachment images that work under a strict CSP. An <img> pointing at the attachment's
// presigned URL needs the site's img-src to allow the attachment host; fetching the same URL needs
// only connect-src, which the site must allow for uploads anyway. So the session fetches the bytes
// (session.attachmentBlob: the UI itself never touches the network) and they are decoded off the
// main thread (createImageBitmap) onto a canvas: no img-src, no blob: URL. The caller learns which
// way it failed: the bytes could not be had ('unavailable': worth trying again) or they are not an
// image this browser decodes ('not-an-image': show the file instead).
import { useEffect, useRef } from 'preact/hooks';

export type ImageFailure = 'unavailable' | 'not-an-image';

/** Draws `blob` onto `canvas`, at most `max` px on its longer side; rejects when it is no image. */
export async function drawImage(blob: Blob, canvas: HTMLCanvasElement, max: number): Promise<void> {
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, max / bitmap.width, max / bitmap.height);
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
}

export function AttachmentImage({ load, label, onFail }: { load: () => Promise<Blob>; label: string; onFail: (why: ImageFailure) => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (blob) => live && ref.current && drawImage(blob, ref.current, 480).catch(() => live && onFail('not-an-image')),
      () => live && onFail('unavailable'),
    );
    return () => {
      live = false;
    };
  }, []);
  return <canvas ref={ref} class="cw-img" role="img" aria-label={label} width={160} height={120} />;
}
