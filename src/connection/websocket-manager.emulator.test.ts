// The manager against the project's emulator of the Participant Service: the real wire, end to end.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { addParticipant, connect, emulator, json, startChat } from '../../emulator/testing/helpers';
import type { Emulator } from '../../emulator/index';
import { waitFor } from './testing/ws-server';
import { WebSocketManager } from './websocket-manager';

let running: Emulator | undefined;
let manager: WebSocketManager | undefined;
afterEach(async () => {
  manager?.close();
  await running?.close();
  running = manager = undefined;
});

describe('WebSocketManager against the emulator', () => {
  it('receives chat items, survives a socket drop, and ends on 403 after the contact stopped', async () => {
    running = await emulator();
    const url = running.url;
    const chat = await startChat(url);
    let calls = 0;
    manager = new WebSocketManager({
      WebSocket: NodeWebSocket,
      backoff: { firstRetryMs: 20 },
      getConnection: async () => {
        calls += 1;
        const { status, body } = await json<{ Websocket: { Url: string; ConnectionExpiry: string }; message?: string }>(`${url}/participant/connection`, {
          body: { Type: ['WEBSOCKET', 'CONNECTION_CREDENTIALS'] },
          headers: { 'X-Amz-Bearer': chat.participantToken },
        });
        if (status !== 200) throw Object.assign(new Error(body.message ?? `status ${status}`), { statusCode: status, name: status === 403 ? 'AccessDeniedException' : 'Error' });
        return { url: body.Websocket.Url, connectionExpiry: body.Websocket.ConnectionExpiry };
      },
    });
    const items: Array<{ Type?: string; Content?: string; ContentType?: string }> = [];
    manager.on('item', (item) => items.push(item as (typeof items)[number]));
    let connectedEvents = 0;
    manager.on('connected', () => (connectedEvents += 1));
    await manager.connect();

    const agent = await addParticipant(url, chat.contactId);
    const agentConnection = await connect(url, agent.participantToken);
    const send = (content: string) =>
      json(`${url}/participant/message`, {
        body: { ContentType: 'text/plain', Content: content, ClientToken: crypto.randomUUID() },
        headers: { 'X-Amz-Bearer': agentConnection.connectionToken },
      });
    await send('hello from the agent');
    await waitFor('agent message', () => items.some((i) => i.Content === 'hello from the agent'));

    // Whatever happened before (a busy machine may have reconnected already), the drop must be followed by a reconnect.
    const before = connectedEvents;
    await json(`${url}/emulator/faults`, { body: { dropSockets: true } });
    await waitFor('reconnected', () => connectedEvents > before && manager?.state.value === 'connected');
    await send('after the drop');
    await waitFor('message after the drop', () => items.some((i) => i.Content === 'after the drop'));
    expect(items.filter((i) => i.Content === 'hello from the agent')).toHaveLength(1);

    await json(`${url}/contact/stop`, { body: { InstanceId: 'instance-1', ContactId: chat.contactId } });
    await waitFor('chat.ended item', () => items.some((i) => i.ContentType === 'application/vnd.amazonaws.connect.event.chat.ended'));
    await json(`${url}/emulator/faults`, { body: { dropSockets: true } });
    await waitFor('ended', () => manager?.state.value === 'ended');
    // Nothing more is asked once ended: a negative check, so it can only pass wrongly on a slow machine, never fail wrongly.
    const callsAtEnd = calls;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).toBe(callsAtEnd);
  });
});
