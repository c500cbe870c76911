// The README's copy-paste snippet, as an external file (the bench pages run no inline scripts): the
// command queue, `init`, and loader.js loaded async. The emulator's URL comes from the query string;
// `config` (JSON) adds options, e.g. ?config={"persistence":"tab"}; `cdn` names the folder of another
// build (/base-cdn/: the baseline of the throttled bench).
(function () {
  var params = new URLSearchParams(location.search);
  var emulator = params.get('emulator');
  var extra = params.get('config') ? JSON.parse(params.get('config')) : {};
  window.ConnectChat = window.ConnectChat || function () { (ConnectChat.q = ConnectChat.q || []).push(arguments); };
  ConnectChat('init', Object.assign({ startChat: emulator + '/start-chat', endpoint: emulator }, extra));
  var s = document.createElement('script');
  s.async = true;
  s.src = (params.get('cdn') || '/cdn/') + 'loader.js';
  document.head.appendChild(s);
})();
