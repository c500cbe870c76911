// The site's own button opens the chat through the API (works before loader.js has loaded, too).
document.getElementById('own-button').addEventListener('click', function () { ConnectChat('open'); });
