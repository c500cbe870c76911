// amazon-connect-chatjs driven the way its README's "Customer Session" shows: fetch the chat details
// from the back end, ChatSession.create, connect(), onMessage. Variant "refetch" adds what the README
// recommends under onConnectionEstablished(): getTranscript({ scanDirection: "BACKWARD",
// sortOrder: "ASCENDING", maxResults: 15 }) on every (re)connection, merged by Id. Nothing more: the
// bench measures the library as documented, not a hardened integration of it.
(() => {
  const params = new URLSearchParams(location.search);
  const emulator = params.get('emulator');
  const state = { messages: [], ids: new Set(), established: [], lost: [], broken: [], errors: [] };
  window.__chatjs = state;

  const list = () => document.getElementById('transcript');
  const show = (item, via) => {
    if (!item || item.Type !== 'MESSAGE' || state.ids.has(item.Id)) return;
    state.ids.add(item.Id);
    state.messages.push({ id: item.Id, content: item.Content, role: item.ParticipantRole, via, at: performance.now() });
    const li = document.createElement('li');
    li.textContent = `${item.DisplayName ?? item.ParticipantRole}: ${item.Content}`;
    list().append(li);
  };

  state.start = async (variant) => {
    connect.ChatSession.setGlobalConfig({
      region: 'us-east-1',
      // Not in the README's examples, but the documented way to reach a non-AWS endpoint (the emulator).
      endpoint: emulator,
      loggerConfig: { useDefaultLogger: false },
    });
    // Step 1: chat details from the back end (the emulator's /start-chat speaks the sample back end's contract).
    const response = await fetch(emulator + '/start-chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ParticipantDetails: { DisplayName: 'Customer' } }),
    });
    const body = await response.json();
    const chatDetails = body.data.startChatResult;
    // Step 2: connect.
    const session = connect.ChatSession.create({
      chatDetails: {
        contactId: chatDetails.ContactId,
        participantId: chatDetails.ParticipantId,
        participantToken: chatDetails.ParticipantToken,
      },
      options: { region: 'us-east-1' },
      type: 'CUSTOMER',
      disableCSM: true,
    });
    state.session = session;
    // Step 4 of the README registers the handlers; registering them before connect() loses nothing.
    session.onMessage((event) => show(event.data, 'websocket'));
    session.onConnectionLost(() => state.lost.push(performance.now()));
    session.onConnectionBroken(() => state.broken.push(performance.now()));
    session.onConnectionEstablished(() => {
      state.established.push(performance.now());
      if (variant !== 'refetch') return;
      session
        .getTranscript({ scanDirection: 'BACKWARD', sortOrder: 'ASCENDING', maxResults: 15 })
        .then((r) => {
          for (const item of r.data.Transcript ?? []) show(item, 'getTranscript');
        })
        .catch((error) => state.errors.push(String(error && error.message ? error.message : error)));
    });
    await session.connect();
    return chatDetails.ContactId;
  };
})();
