// Demo only: the page's own "Chat with us" button opens the widget through the public API.
document.getElementById('open-chat').addEventListener('click', function () { ConnectChat('open'); });
document.getElementById('agent-link').href = window.DEMO_EMULATOR + '/agent';
// Demo only: the "Open hours" switch. The widget checks the hours when it loads, so the page reloads.
var hours = document.getElementById('open-hours');
hours.checked = localStorage.getItem('harbor-pine-hours') !== 'closed';
hours.addEventListener('change', function () {
  localStorage.setItem('harbor-pine-hours', hours.checked ? 'open' : 'closed');
  location.reload();
});
