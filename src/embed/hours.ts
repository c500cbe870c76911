// hours.js — loaded by loader.js when the page set `availability`, so the loader's launcher shows the
// business hours before the widget is fetched: a grey dot and "we're away" while closed, or no
// launcher with whenClosed 'hide' (the loader draws it hidden until this says open). The check is the
// widget's own (chat/availability.ts, one shared chunk), so the widget reuses its answer.
import { checkAvailability, type AvailabilitySource } from '../chat/availability.js';

const AWAY_CSS =
  '.cw-launch.away::after{content:"";position:absolute;top:1px;right:1px;width:14px;height:14px;border-radius:50%;background:#8a8f98;border:2px solid #fff}';

/** Marks the loader's launcher with the hours; the widget's launcher takes over from it later. */
export async function mark(config: Record<string, unknown>, launcher: HTMLButtonElement | undefined): Promise<void> {
  const source = config.availability;
  if (!launcher || (typeof source !== 'string' && typeof source !== 'function')) {
    launcher?.classList.remove('off');
    return;
  }
  const { open } = await checkAvailability(source as AvailabilitySource, { maxAgeMs: 60_000 });
  launcher.classList.remove('off');
  if (open) return;
  if (config.whenClosed === 'hide') {
    launcher.classList.add('off');
    return;
  }
  const root = launcher.getRootNode() as ShadowRoot;
  // Where style sheets cannot be constructed (Safari before 16.4), a <style> with the page's nonce.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(AWAY_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = root.appendChild(document.createElement('style'));
    if (typeof config.nonce === 'string') style.nonce = config.nonce;
    style.textContent = AWAY_CSS;
  }
  launcher.classList.add('away');
  const strings = (typeof config.strings === 'object' && config.strings) || {};
  const away = (strings as Record<string, unknown>).away;
  launcher.setAttribute('aria-label', `${launcher.getAttribute('aria-label') ?? ''}. ${typeof away === 'string' && away ? away : "We're away"}`);
}
