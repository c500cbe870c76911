// A framework-free app using the npm package: mount(element, config) and the handle's API.
import { EVENT_NAMES, mount } from 'connect-chat-widget';
import { pageConfig, record } from './embed-app-common.js';

const chat = mount(document.body, pageConfig({ storageKey: 'e2e-mount' }));
for (const name of EVENT_NAMES) chat.on(name, (detail) => record(name, detail));

window.chat = chat;
window.callChat = (method, ...args) => window.chat[method](...args);
// What a single-page app does on a route change: remove the widget but keep the conversation.
window.remount = async () => {
  await window.chat.unmount();
  window.chat = mount(document.body, pageConfig({ storageKey: 'e2e-mount' }));
  for (const name of EVENT_NAMES) window.chat.on(name, (detail) => record(name, detail));
};
