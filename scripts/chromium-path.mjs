import { existsSync } from 'node:fs';

/**
 * Flags for Debian's Chromium as root on a machine with no outside network: no sandbox (root), no
 * GPU, and none of the background connections the closed network would refuse by the dozen.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Chromium is: CHROMIUM_PATH, else Debian's /usr/bin/chromium. Returns undefined when absent. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => p && existsSync(p));
}
