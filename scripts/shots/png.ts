// Sample pictures for the shots (an image attachment, carousel cards), drawn here so the run needs no
// files and no network: a small PNG encoder over node:zlib; and a decoder, to compare two runs.
import { crc32, deflateSync, inflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG of `width`×`height` whose pixel (x, y) is `pixel(x, y)` = [r, g, b] (0-255). */
export function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const at = y * (width * 3 + 1);
    rows[at] = 0; // filter: none
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), at + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** A landscape: sky gradient `sky` → `horizon`, a sun, hills in `hill`. */
export function landscape(width: number, height: number, sky: [number, number, number], horizon: [number, number, number], hill: [number, number, number]): Buffer {
  const sunX = width * 0.7;
  const sunY = height * 0.35;
  const sunR = height * 0.12;
  return png(width, height, (x, y) => {
    const ridge = height * (0.62 + 0.08 * Math.sin(x / (width / 6)) + 0.04 * Math.sin(x / (width / 17)));
    if (y > ridge) {
      const shade = 1 - 0.25 * ((y - ridge) / (height - ridge));
      return hill.map((c) => Math.round(c * shade)) as [number, number, number];
    }
    if ((x - sunX) ** 2 + (y - sunY) ** 2 < sunR ** 2) return [255, 236, 170];
    const t = y / ridge;
    return sky.map((c, i) => Math.round(c + (horizon[i] - c) * t)) as [number, number, number];
  });
}

export interface Pixels {
  width: number;
  height: number;
  /** Bytes per pixel (3 = RGB, 4 = RGBA). */
  channels: number;
  rows: Uint8Array[];
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are). */
export function decodePng(file: Buffer): Pixels {
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (at < file.length) {
    const length = file.readUInt32BE(at);
    const type = file.toString('ascii', at + 4, at + 8);
    const body = file.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error(`decodePng: only 8-bit RGB/RGBA without interlace (depth ${depth}, colour type ${colour})`);
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows: Uint8Array[] = [];
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Uint8Array.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      line[x] = (line[x] + add) & 255;
    }
    rows.push(line);
    prev = line;
  }
  return { width, height, channels, rows };
}

/** Pixels that differ between two pictures (every pixel when the sizes differ). */
export function pixelsChanged(a: Pixels, b: Pixels): number {
  if (a.width !== b.width || a.height !== b.height) return Math.max(a.width * a.height, b.width * b.height);
  let n = 0;
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++)
      for (let k = 0; k < 3; k++)
        if (a.rows[y][x * a.channels + k] !== b.rows[y][x * b.channels + k]) {
          n++;
          break;
        }
  return n;
}
