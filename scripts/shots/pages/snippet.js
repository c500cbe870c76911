// The README's snippet: the command queue and `init`; loader.js is a static <script async> in the
// page. The emulator's URL and the options (JSON) come from the query string.
(function () {
  var params = new URLSearchParams(location.search);
  var emulator = params.get('emulator');
  window.ConnectChat = window.ConnectChat || function () { (ConnectChat.q = ConnectChat.q || []).push(arguments); };
  ConnectChat('init', Object.assign({ startChat: emulator + '/start-chat', endpoint: emulator }, JSON.parse(params.get('config') || '{}')));
})();
