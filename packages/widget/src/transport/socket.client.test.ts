import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ServerFrame } from '@tandem/protocol';
import { createSocketClient, type SocketStatus } from './socket.client.ts';
import { FakeSocket } from './fake-socket.fixtures.ts';

function setup() {
  const sockets: FakeSocket[] = [];
  const statuses: SocketStatus[] = [];
  const frames: ServerFrame[] = [];
  const client = createSocketClient({
    url: 'wss://tandem.test/ws',
    hello: () => ({ type: 'hello', token: 'tok', conversations: { c1: 4 } }),
    onFrame: (frame) => frames.push(frame),
    onStatus: (status) => statuses.push(status),
    random: () => 0.5,
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    events: new EventTarget(),
    isOnline: () => true,
  });
  return { client, sockets, statuses, frames };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the widget socket', () => {
  test('says hello with the token and resume map as soon as it opens', () => {
    const { client, sockets } = setup();
    client.start();
    sockets[0]?.open();
    expect(sockets[0]?.sent).toEqual([{ type: 'hello', token: 'tok', conversations: { c1: 4 } }]);
  });

  test('sends nothing else until the server is ready', () => {
    const { client, sockets } = setup();
    client.start();
    sockets[0]?.open();
    expect(client.send({ type: 'ping' })).toBe(false);
    sockets[0]?.receive({ type: 'ready', seq: 0 });
    expect(client.send({ type: 'ping' })).toBe(true);
  });

  test('reconnects with growing, jittered delays and starts over after ready', () => {
    const { client, sockets, statuses } = setup();
    client.start();
    sockets[0]?.drop();
    expect(statuses).toEqual(['connecting', 'offline']);
    vi.advanceTimersByTime(249); // first retry: 0.5 × 500 ms
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]?.drop();
    vi.advanceTimersByTime(499); // second retry: 0.5 × 1000 ms
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    sockets[2]?.open();
    sockets[2]?.receive({ type: 'ready', seq: 0 });
    expect(statuses.at(-1)).toBe('online');
    sockets[2]?.drop();
    vi.advanceTimersByTime(250); // back to the first delay
    expect(sockets).toHaveLength(4);
  });

  test('a missing pong closes a half-open socket and reconnects', () => {
    const { client, sockets } = setup();
    client.start();
    sockets[0]?.open();
    sockets[0]?.receive({ type: 'ready', seq: 0 });
    vi.advanceTimersByTime(25_000);
    expect(sockets[0]?.sent.at(-1)).toEqual({ type: 'ping' });
    vi.advanceTimersByTime(10_000);
    expect(client.isReady()).toBe(false);
    vi.advanceTimersByTime(250);
    expect(sockets).toHaveLength(2);
  });

  test('a frame that is not JSON is reported, not thrown into the page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, sockets } = setup();
    client.start();
    sockets[0]?.open();
    expect(() => sockets[0]?.onmessage?.({ data: '{oops' })).not.toThrow();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
