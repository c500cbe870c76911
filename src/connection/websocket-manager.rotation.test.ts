import { afterEach, describe, expect, it } from 'vitest';
import { harness, stopAll } from './testing/manager';
import { sleep, waitFor } from './testing/ws-server';

afterEach(stopAll);

// Subscribe answers may be slow on a busy machine; these specs are about rotation, not subscribe timeouts.
const patient = { subscribe: { timeoutMs: 2000, retryMs: 20 } };

describe('WebSocketManager: rotation without a gap (chat-protocol §1.8)', () => {
  it('replaces the socket periodically: new one subscribed before the old closes, every item once', async () => {
    const h = await harness({ lifetimeMs: 150, ...patient });
    await h.manager.connect();
    let sent = 0;
    const pump = setInterval(() => {
      sent += 1;
      h.server.broadcast({ Id: `m${sent}`, Type: 'MESSAGE', Content: `message ${sent}` });
    }, 3);
    await waitFor('two rotations', () => h.count('rotated') >= 2, 3000);
    clearInterval(pump);
    await waitFor('every item delivered', () => h.items.length >= sent);
    await sleep(30);
    const ids = h.items.map((item) => (item as { Id: string }).Id);
    expect(ids).toEqual(Array.from({ length: sent }, (_, i) => `m${i + 1}`));
    const [first, second] = h.server.connections;
    expect(second.subscribedAt).toBeLessThan(first.closedAt ?? Infinity);
    expect(first.closeCode).toBe(1000);
    expect(h.states).toEqual(['connecting', 'connected']);
    expect(h.count('connected')).toBe(1);
    expect(h.getConnectionCalls).toBe(1 + h.count('rotated'));
  });

  it('drops an item that arrives on both the old and the new socket while they overlap', async () => {
    const h = await harness({ lifetimeMs: 80, subscribe: { timeoutMs: 2000 } });
    await h.manager.connect();
    // Hold the overlap open: the new socket is up but its subscribe is not answered yet.
    h.server.behaviour.subscribe = 'ignore';
    await waitFor('rotation socket open', () => h.server.connections.length === 2 && h.server.connections[1].subscribeRequests === 1);
    const [old, fresh] = h.server.connections;
    const frame = (id: string) => JSON.stringify({ topic: 'aws/chat', contentType: 'application/json', content: JSON.stringify({ Id: id, Content: id }) });
    old.socket.send(frame('dup'));
    fresh.socket.send(frame('dup'));
    old.socket.send(frame('only-old'));
    fresh.socket.send(frame('only-new'));
    await waitFor('both unique items', () => h.items.length >= 3);
    await sleep(30);
    expect(h.items.map((i) => (i as { Id: string }).Id).sort()).toEqual(['dup', 'only-new', 'only-old']);
    expect(old.closedAt).toBeUndefined();
  });

  it('rotates before a ConnectionExpiry that is a real socket lifetime', async () => {
    const h = await harness({ lifetimeMs: 60_000, rotateBeforeExpiryMs: 100, minLifetimeMs: 50, ...patient });
    h.nextConnections.push({ url: h.server.issueUrl(), connectionExpiry: new Date(Date.now() + 400).toISOString() });
    await h.manager.connect();
    await waitFor('rotated before expiry', () => h.count('rotated') === 1, 2000);
    // The server hears the old socket's close a moment after the manager reports the rotation.
    await waitFor('server saw the old socket close', () => h.server.connections[0].closeCode !== undefined);
    expect(h.server.connections[0].closeCode).toBe(1000);
  });

  it('keeps the working socket when a rotation fails, and rotates later', async () => {
    const h = await harness({ lifetimeMs: 80, ...patient });
    await h.manager.connect();
    h.nextConnections.push(Object.assign(new Error('Service unavailable'), { statusCode: 503 }));
    await waitFor('rotation failed', () => h.errors.some((e) => e.code === 'rotation-failed'));
    const failure = h.errors.find((e) => e.code === 'rotation-failed');
    expect(failure?.message).toContain('The current socket stays in use');
    expect(h.manager.state.value).toBe('connected');
    expect(h.server.connections[0].closedAt).toBeUndefined();
    await waitFor('rotated later', () => h.count('rotated') === 1, 2000);
    expect(h.states).toEqual(['connecting', 'connected']);
  });

  it('a rotation socket already on its way takes over when the old one dies first', async () => {
    const h = await harness({ lifetimeMs: 80 });
    await h.manager.connect();
    h.server.behaviour.subscribe = 'ignore';
    await waitFor('rotation socket open', () => h.server.connections.length === 2);
    h.server.connections[0].socket.terminate();
    await waitFor('disconnected', () => h.count('disconnected') === 1);
    h.server.behaviour.subscribe = 'success';
    await waitFor('connected again', () => h.count('connected') === 2);
    expect(h.events.filter(([n]) => n === 'connected').at(-1)?.[1]).toEqual({ reconnect: true });
  });
});
