// The snippet from the README, as a site owner would paste it (here in a file, so the page can keep a
// strict Content-Security-Policy). Calls made before loader.js arrives are queued and replayed.
window.ConnectChat = window.ConnectChat || function () { (ConnectChat.q = ConnectChat.q || []).push(arguments); };
// Demo only: the page's "Open hours" switch (kept in this browser) stands in for your business hours,
// which a real site answers from its own URL, e.g. availability: '/api/chat-hours'.
var demoOpen = localStorage.getItem('harbor-pine-hours') !== 'closed';
function demoHours() {
  var next = new Date();
  next.setDate(next.getDate() + 1);
  next.setHours(9, 0, 0, 0);
  return demoOpen ? { open: true } : { open: false, message: 'Our team is off for the night.', nextOpen: next.getTime() };
}
ConnectChat('init', {
  startChat: window.DEMO_EMULATOR + '/start-chat',
  endpoint: window.DEMO_EMULATOR,
  storageKey: 'harbor-pine',
  theme: { mode: 'auto', light: { primary: '#1f5f4a' }, dark: { primary: '#7fd1b0', onPrimary: '#0b1f18' } },
  strings: { title: 'Harbor & Pine Help', subtitle: 'We usually answer in a minute' },
  // When the visitor ends the chat, the contact's disconnect flow (the emulator's survey) is shown.
  postChatSurvey: true,
  // Closed: the launcher says "we're away" and the window offers a form; each message becomes an
  // Amazon Connect task (the site's /leave-message, connect-chat-widget/server's createLeaveMessageHandler).
  availability: demoHours,
  whenClosed: 'leave-message',
  leaveMessage: { submit: '/leave-message' },
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
