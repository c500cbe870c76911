// Which emoji this device can draw, so the picker never offers an empty box: one emoji of each newer
// Unicode version is drawn on a small canvas (a strict CSP allows that) and counts when it comes out
// in colour and as one glyph. Tested once per page, when the picker first opens.

/** Emoji version → an emoji new in it (single code points where the version has one). */
const PROBES: [number, string][] = [
  [13, '\u{1F972}'], // smiling face with tear
  [13.1, '\u{1F62E}\u200D\u{1F4A8}'], // face exhaling
  [14, '\u{1FAE0}'], // melting face
  [15, '\u{1FAE8}'], // shaking face
  [15.1, '\u{1F642}\u200D\u2194\uFE0F'], // head shaking horizontally
  [16, '\u{1FAE9}'], // face with bags under eyes
  [17, '\u{1FAEA}'], // distorted face
];

const SIZE = 24;

function drawn(ctx: CanvasRenderingContext2D, emoji: string, single: number): boolean {
  ctx.clearRect(0, 0, SIZE * 2, SIZE);
  ctx.fillText(emoji, 0, 0);
  // Two glyphs side by side: a sequence this device does not join.
  if (ctx.measureText(emoji).width > single * 1.5) return false;
  const { data } = ctx.getImageData(0, 0, SIZE * 2, SIZE);
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 50 && (Math.abs(data[i] - data[i + 1]) > 30 || Math.abs(data[i + 1] - data[i + 2]) > 30)) return true;
  }
  return false; // a grey box or an outline: no colour emoji for it
}

let known: number | undefined;

/**
 * The newest emoji version every probe up to which is drawn. Infinity when it cannot be told (no
 * canvas, or not even a basic emoji comes out in colour: no colour emoji font to judge by), so
 * nothing is hidden then.
 */
export function supportedVersion(): number {
  if (known !== undefined) return known;
  known = Infinity;
  try {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!ctx) return known;
    ctx.canvas.width = SIZE * 2;
    ctx.canvas.height = SIZE;
    ctx.font = `${SIZE - 4}px sans-serif`;
    ctx.textBaseline = 'top';
    const single = ctx.measureText('\u{1F600}').width;
    if (!drawn(ctx, '\u{1F600}', single)) return known;
    known = 12.1;
    for (const [version, emoji] of PROBES) {
      if (!drawn(ctx, emoji, single)) break;
      known = version;
    }
  } catch {
    known = Infinity;
  }
  return known;
}
