// Drives amazon-connect-chatjs (the global `connect` from /vendor/chatjs/amazon-connect-chat.js) for
// e2e/chatjs.spec.ts. Every chatjs callback is recorded in `events`; the spec reads them.
(function () {
  'use strict';
  var VND = 'application/vnd.amazonaws.connect.';
  var events = [];
  var session;

  function record(kind) {
    return function (event) {
      events.push({ kind: kind, data: event && event.data ? JSON.parse(JSON.stringify(event.data)) : null });
    };
  }

  window.chatjsTest = {
    events: events,

    start: async function (emulatorUrl, chatDetails) {
      connect.ChatSession.setGlobalConfig({
        endpoint: emulatorUrl,
        region: 'us-east-1',
        loggerConfig: { useDefaultLogger: false, level: connect.ChatSession.LogLevel.ERROR },
        features: { messageReceipts: { shouldSendMessageReceipts: true, throttleTime: 200 } },
      });
      session = connect.ChatSession.create({
        chatDetails: chatDetails,
        type: connect.ChatSession.SessionTypes.CUSTOMER,
        options: { region: 'us-east-1' },
        disableCSM: true,
      });
      session.onConnectionEstablished(record('established'));
      session.onMessage(record('message'));
      session.onTyping(record('typing'));
      session.onReadReceipt(record('read'));
      session.onDeliveredReceipt(record('delivered'));
      session.onEnded(record('ended'));
      var result = await session.connect();
      return { connectSuccess: result.connectSuccess };
    },

    send: async function (text) {
      var response = await session.sendMessage({ contentType: 'text/plain', message: text });
      return response.data;
    },

    typing: async function () {
      await session.sendEvent({ contentType: VND + 'event.typing' });
    },

    read: async function (messageId) {
      await session.sendEvent({ contentType: VND + 'event.message.read', content: JSON.stringify({ messageId: messageId }) });
    },

    attach: async function (name, type, text) {
      var file = new File([text], name, { type: type });
      var response = await session.sendAttachment({ attachment: file });
      return response.data || null;
    },

    download: async function (attachmentId) {
      var blob = await session.downloadAttachment({ attachmentId: attachmentId });
      return { type: blob.type, text: await blob.text() };
    },

    transcript: async function () {
      var response = await session.getTranscript({ maxResults: 100, sortOrder: 'ASCENDING', scanDirection: 'BACKWARD' });
      return response.data.Transcript;
    },

    end: async function () {
      await session.disconnectParticipant();
    },
  };
})();
