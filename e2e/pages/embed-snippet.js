// The snippet from the README, as a site would paste it, followed by the calls the site makes before
// loader.js has arrived. What the page does comes from its URL (the specs vary it):
//   ?emu=18787                    the emulator's port
//   &config={...}                 options merged over startChat/endpoint
//   &calls=[["setAttributes",{…}],["init"],["open"]]   ["init"] stands for init with the config above
window.ConnectChat = window.ConnectChat || function () { (ConnectChat.q = ConnectChat.q || []).push(arguments); };

(function () {
  var query = new URLSearchParams(location.search);
  var emulator = 'http://127.0.0.1:' + (query.get('emu') || '18787');
  var config = Object.assign({ startChat: emulator + '/start-chat', endpoint: emulator }, JSON.parse(query.get('config') || '{}'));
  window.EVENT_NAMES.forEach(function (name) {
    ConnectChat('on', name, function (detail) { window.recordEvent(name, detail); });
  });
  var calls = JSON.parse(query.get('calls') || '[["init"]]');
  calls.forEach(function (call) {
    if (call[0] === 'init' && call.length === 1) ConnectChat('init', config);
    else ConnectChat.apply(null, call);
  });
  window.callChat = function (method) {
    return ConnectChat.apply(null, arguments);
  };
})();
