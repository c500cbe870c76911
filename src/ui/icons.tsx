// Stroke icons drawn as SVG elements (never markup strings). All decorative: the buttons carry labels.
const P = {
  chat: 'M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z',
  close: 'M6 6l12 12M18 6 6 18',
  down: 'm6 9 6 6 6-6',
  more: 'M12 5h.01M12 12h.01M12 19h.01',
  send: 'M21 3 10 14M21 3l-7 18-4-7-7-4z',
  clip: 'm20 11-8 8a5 5 0 0 1-7-7l8.5-8.5a3.5 3.5 0 0 1 5 5L10 17a2 2 0 0 1-3-3l7.5-7.5',
  file: 'M14 3H6v18h12V7zm0 0v4h4',
  download: 'M12 4v11m-5-5 5 5 5-5M5 20h14',
  smile: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8.5 14.5a4.5 4.5 0 0 0 7 0M9 9.5h.01M15 9.5h.01',
  bot: 'M12 3v3m-6 3h12a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-6a2 2 0 0 1 2-2zm3 4v1m6-1v1M2 13v2m20-2v2',
};

export function Icon({ name, flip }: { name: keyof typeof P; flip?: boolean }) {
  return (
    <svg class={flip ? 'cw-i cw-flip' : 'cw-i'} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={P[name]} />
    </svg>
  );
}
