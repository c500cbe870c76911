import { existsSync } from 'node:fs';

/** Where Chromium is: CHROMIUM_PATH, else Debian's /usr/bin/chromium. Returns undefined when absent. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => p && existsSync(p));
}
