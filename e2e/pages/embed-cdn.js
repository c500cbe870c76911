// The snippet with loader.js from a CDN on another origin (embed-cdn.spec.ts): ?cdn=<base URL of the
// script-tag files>, ?emu=<emulator port>. Events are recorded as on the snippet page.
window.ConnectChat = window.ConnectChat || function () { (ConnectChat.q = ConnectChat.q || []).push(arguments); };

(function () {
  var query = new URLSearchParams(location.search);
  var emulator = 'http://127.0.0.1:' + (query.get('emu') || '18787');
  window.EVENT_NAMES.forEach(function (name) {
    ConnectChat('on', name, function (detail) { window.recordEvent(name, detail); });
  });
  ConnectChat('init', { startChat: emulator + '/start-chat', endpoint: emulator, storageKey: 'e2e-cdn-' + Math.random().toString(36).slice(2) });
  var s = document.createElement('script');
  s.async = true;
  s.src = query.get('cdn') + 'loader.js';
  document.head.appendChild(s);
})();
