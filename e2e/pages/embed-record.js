// Test pages only: keeps every widget event the page hears, in order, for the specs to read.
window.__events = [];
window.recordEvent = function (name, detail) {
  var copy = null;
  try {
    copy = detail === undefined ? null : JSON.parse(JSON.stringify(detail));
  } catch (e) {
    copy = String(detail);
  }
  window.__events.push({ name: name, detail: copy });
};
window.EVENT_NAMES = ['ready', 'open', 'close', 'chatStarted', 'message', 'unreadChange', 'connectionChange', 'chatEnded', 'error'];
