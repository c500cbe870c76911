// A site that configures the widget by data-* attributes only; this stub just listens to events.
window.ConnectChat = window.ConnectChat || function () { (ConnectChat.q = ConnectChat.q || []).push(arguments); };
window.EVENT_NAMES.forEach(function (name) {
  ConnectChat('on', name, function (detail) { window.recordEvent(name, detail); });
});
window.callChat = function () {
  return ConnectChat.apply(null, arguments);
};
