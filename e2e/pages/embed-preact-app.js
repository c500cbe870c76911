// A Preact app using the <ConnectChat> component from the npm package. Written with h() so the
// page needs no JSX step; the app's own state drives the component's props.
import { h, render } from 'preact';
import { useState } from 'preact/hooks';
import { ConnectChat, EVENT_NAMES } from 'connect-chat-widget';
import { pageConfig, record } from './embed-app-common.js';

const apiRef = { current: null };
const config = pageConfig({ storageKey: 'e2e-preact' });
const handlers = Object.fromEntries(EVENT_NAMES.map((name) => [`on${name[0].toUpperCase()}${name.slice(1)}`, (detail) => record(name, detail)]));

function App() {
  const [showChat, setShowChat] = useState(true);
  const [locale, setLocale] = useState('en');
  const [zIndex, setZIndex] = useState(10000);
  Object.assign(window, { setShowChat, setAppLocale: setLocale, setAppZIndex: setZIndex });
  return h(
    'main',
    null,
    h('h1', null, 'Preact storefront'),
    h('p', null, `Language: ${locale}`),
    showChat && h(ConnectChat, { ...config, locale, zIndex, apiRef, ...handlers }),
  );
}

render(h(App), document.getElementById('app'));
window.apiRef = apiRef;
window.callChat = (method, ...args) => apiRef.current[method](...args);
