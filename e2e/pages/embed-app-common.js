// Shared by the npm-style test apps (bundled with them by e2e/embed-support.ts): the page's
// configuration from its URL, and event recording into window.__events (embed-record.js).
//   ?emu=18787   the emulator's port
//   &config={…}  options merged over startChat/endpoint
export function pageConfig(extra = {}) {
  const query = new URLSearchParams(location.search);
  const emulator = `http://127.0.0.1:${query.get('emu') || '18787'}`;
  return { startChat: `${emulator}/start-chat`, endpoint: emulator, ...extra, ...JSON.parse(query.get('config') || '{}') };
}

export const record = (name, detail) => window.recordEvent(name, detail);
