// Demo only: the page's own "Chat with us" button opens the widget through the public API.
document.getElementById('open-chat').addEventListener('click', function () { ConnectChat('open'); });
document.getElementById('agent-link').href = window.DEMO_EMULATOR + '/agent';
