// What a new incoming message does beyond the transcript: the polite announcement while the window
// is open; while it is closed, the unread badge, and — only in the tab that holds the conversation —
// a flashing page title and (opt-in) a short tone made with WebAudio (no audio file to download).
import { effect } from '@preact/signals';
import { endSignIn } from './auth';
import type { Ui } from './state';
import { plainText } from './transcript/notices';

let flashTimer: ReturnType<typeof setInterval> | undefined;
let savedTitle = '';

export function flashTitle(text: string): void {
  if (flashTimer) return;
  savedTitle = document.title;
  let n = 0;
  flashTimer = setInterval(() => {
    document.title = ++n % 2 ? text : savedTitle;
    if (n >= 60) stopFlash();
  }, 1000);
}

export function stopFlash(): void {
  if (!flashTimer) return;
  clearInterval(flashTimer);
  flashTimer = undefined;
  document.title = savedTitle;
}

let audio: AudioContext | undefined;

/** Call from a click: browsers only let a page start audio after a user gesture. */
export function unlockSound(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = undefined; // no WebAudio: silence
  }
}

/** Two soft notes, 0.3 s. */
export function chime(): void {
  if (!audio || audio.state !== 'running') return;
  const t0 = audio.currentTime;
  [660, 880].forEach((hz, i) => {
    const osc = audio!.createOscillator();
    const gain = audio!.createGain();
    const t = t0 + i * 0.12;
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.12, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.18);
    osc.connect(gain).connect(audio!.destination);
    osc.start(t);
    osc.stop(t + 0.2);
  });
}

export function watchIncoming(ui: Ui): () => void {
  const off = ui.session.on('message', (e) => {
    if (e.own) return;
    if (e.kind === 'notice') {
      if (e.event.startsWith('authentication-') && e.event !== 'authentication-initiated') endSignIn(ui);
      if (ui.open.peek()) ui.announce(e.id, plainText(e, ui.t));
      return;
    }
    if (ui.open.peek()) {
      ui.announce(e.id, plainText(e, ui.t));
      if (document.visibilityState === 'visible') return;
    } else ui.unread.value++;
    if (ui.leader.peek()) {
      flashTitle(ui.t('newMessage'));
      if (ui.config.sound) chime();
    }
  });
  const stop = effect(() => {
    if (ui.open.value) {
      ui.unread.value = 0;
      stopFlash();
    }
  });
  const onVisible = () => ui.open.peek() && document.visibilityState === 'visible' && stopFlash();
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    off();
    stop();
    stopFlash();
    document.removeEventListener('visibilitychange', onVisible);
  };
}
