// Demo only: which emulator this page talks to (`?emulator=` overrides the default of `npm start`).
window.DEMO_EMULATOR = new URLSearchParams(location.search).get('emulator') || 'http://127.0.0.1:8787';
