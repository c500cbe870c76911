// The npm demo: what an app that ran `npm install connect-chat-widget` writes. Bundled into
// /dist/demo/npm-app.js by vite.demo.config.ts (part of `npm run build`), the way your bundler would.
import { EVENT_NAMES, mount } from 'connect-chat-widget';

const emulator = window.DEMO_EMULATOR; // set by site-config.js from ?emulator=

const chat = mount(document.body, {
  startChat: `${emulator}/start-chat`,
  endpoint: emulator,
  storageKey: 'harbor-pine-npm', // not the snippet page's: two separate conversations
  theme: { mode: 'light', light: { primary: '#7a3e12' } },
  strings: { title: 'Harbor & Pine (npm)', subtitle: 'Mounted with mount()' },
});

// Every event, newest first. textContent only: details come from outside.
const log = document.getElementById('event-log');
const summary = (detail) => {
  if (detail === undefined) return '';
  if (typeof detail === 'string') return detail;
  if (detail.kind === 'message') return `${detail.displayName || detail.role}: ${detail.content.slice(0, 60)}`;
  return JSON.stringify(detail).slice(0, 100);
};
for (const name of EVENT_NAMES) {
  chat.on(name, (detail) => {
    const item = document.createElement('li');
    const when = document.createElement('time');
    when.textContent = new Date().toLocaleTimeString();
    const what = document.createElement('strong');
    what.textContent = name;
    item.append(when, ' ', what, ' ', summary(detail));
    log.prepend(item);
  });
}

// The buttons call the API: data-api="method" and an optional JSON argument in data-arg.
for (const button of document.querySelectorAll('[data-api]')) {
  button.addEventListener('click', () => {
    const arg = button.dataset.arg ? JSON.parse(button.dataset.arg) : undefined;
    const result = chat[button.dataset.api](arg);
    if (result instanceof Promise) result.catch(() => {}); // failures arrive as `error` events
  });
}
