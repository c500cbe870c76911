// The throttled bench's third column: what amazon-connect-chatjs alone (no UI) costs from a click,
// loaded the way the widget is: nothing before the click, then the library's browser bundle, then the
// chat started and connected as its README shows (chatjs-driver.js, with the README's transcript
// re-fetch on connection, so the contact flow's greeting shows). Times land in window.__click.
(() => {
  const times = { click: null, loaded: null, connected: null, error: null };
  window.__click = times;
  const load = (src) =>
    new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error('could not load ' + src));
      document.head.append(s);
    });
  addEventListener('DOMContentLoaded', () => {
    document.getElementById('chat').addEventListener('click', () => {
      times.click = performance.now();
      load('/vendor/chatjs/amazon-connect-chat.js')
        .then(() => {
          times.loaded = performance.now();
          return window.__chatjs.start('refetch');
        })
        .then(() => (times.connected = performance.now()))
        .catch((error) => (times.error = String(error && error.message ? error.message : error)));
    });
  });
})();
