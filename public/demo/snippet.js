// The snippet from the README, as a site owner would paste it (here in a file, so the page can keep a
// strict Content-Security-Policy). Calls made before loader.js arrives are queued and replayed.
window.ConnectChat = window.ConnectChat || function () { (ConnectChat.q = ConnectChat.q || []).push(arguments); };
ConnectChat('init', {
  startChat: window.DEMO_EMULATOR + '/start-chat',
  endpoint: window.DEMO_EMULATOR,
  storageKey: 'harbor-pine',
  theme: { mode: 'auto', light: { primary: '#1f5f4a' }, dark: { primary: '#7fd1b0', onPrimary: '#0b1f18' } },
  strings: { title: 'Harbor & Pine Help', subtitle: 'We usually answer in a minute' },
  preChatForm: {
    fields: [
      { name: 'name', type: 'name', label: 'Your name', required: true },
      { name: 'email', type: 'email', label: 'E-mail (optional)' },
      { name: 'topic', type: 'select', label: 'Topic', options: [
        { value: 'order', label: 'An order' }, { value: 'return', label: 'A return' }, { value: 'other', label: 'Something else' },
      ] },
    ],
  },
});
ConnectChat('on', 'ready', function () { console.log('chat widget ready'); });
