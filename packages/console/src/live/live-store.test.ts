import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createLiveStore } from './live-store.ts';
import { FakeSocket, conversation, fakeHttp, memoryStorage, message, row } from '../test-support/fakes.ts';

const c1 = conversation({ id: 'c-1' });
const c2 = conversation({ id: 'c-2' });

function setup(storage = memoryStorage(), calls: string[] = []) {
  const http = fakeHttp({
    '/inbox': () => ({ items: [row(c1)], nextCursor: null }),
    '/inbox/c-2': () => row(c2, { customer: { id: c2.customerId, name: 'Darius', email: null, segments: [] } }),
    '/mentions': () => ({ items: [] }),
  }, calls);
  const live = createLiveStore({ http, self: { id: 'me', name: 'Me' }, socketUrl: 'ws://test', storage, workspaceId: 'w', onUnauthenticated: () => undefined, createSocket: (url) => new FakeSocket(url) as unknown as WebSocket });
  const stop = live.start();
  return { live, stop, storage, calls };
}

const settle = () => vi.waitFor(() => undefined);
const sends = (socket: FakeSocket) => socket.sent.filter((f) => f.type === 'message.send');

describe('the live store', () => {
  beforeEach(() => {
    FakeSocket.instances = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
  });
  afterEach(() => vi.useRealTimers());

  test('replies written offline are queued, then sent once on reconnect, and leave the outbox on ack', async () => {
    const { live } = setup();
    live.send({ conversationId: 'c-1', body: 'Xin chào', private: false });
    expect(live.getSnapshot().outbox.map((i) => i.state)).toEqual(['queued']);
    const first = FakeSocket.latest();
    first.open(10);
    expect(sends(first)).toHaveLength(1);
    const key = sends(first)[0]!.idempotencyKey as string;
    expect(live.getSnapshot().outbox[0]!.state).toBe('sending');

    // The connection drops before the ack: the same reply goes out again with the same key.
    first.drop();
    expect(live.getSnapshot().connection).toBe('offline');
    vi.advanceTimersByTime(20_000);
    const second = FakeSocket.latest();
    expect(second).not.toBe(first);
    second.open(10);
    expect(second.sent[0]).toMatchObject({ type: 'hello', since: 10 });
    expect(sends(second).map((f) => f.idempotencyKey)).toEqual([key]);

    second.push({ type: 'message.ack', idempotencyKey: key, message: message(c1, { idempotencyKey: key }), duplicate: true });
    expect(live.getSnapshot().outbox).toEqual([]);
  });

  test('the outbox survives a reload: what was in flight is sent again by the next page', async () => {
    const storage = memoryStorage();
    const before = setup(storage);
    before.live.send({ conversationId: 'c-1', body: 'one', private: true });
    FakeSocket.latest().open(1);
    before.stop();
    const after = setup(storage);
    expect(after.live.getSnapshot().outbox.map((i) => [i.body, i.state])).toEqual([['one', 'queued']]);
    FakeSocket.latest().open(1);
    expect(sends(FakeSocket.latest())).toHaveLength(1);
  });

  test('a refusal that sending again cannot fix marks the reply failed instead of retrying', async () => {
    const { live } = setup();
    FakeSocket.latest().open(1);
    live.send({ conversationId: 'c-1', body: 'x', private: false });
    const key = live.getSnapshot().outbox[0]!.idempotencyKey;
    FakeSocket.latest().push({ type: 'error', code: 'conversation.not_found', detail: 'gone', idempotencyKey: key });
    expect(live.getSnapshot().outbox[0]).toMatchObject({ state: 'failed', error: { code: 'conversation.not_found' } });
    live.discard(key);
    expect(live.getSnapshot().outbox).toEqual([]);
  });

  test('events during the first load are applied after it; an unknown conversation is fetched', async () => {
    const { live, calls } = setup();
    const socket = FakeSocket.latest();
    socket.open(3);
    const updated = { ...c1, priority: 'urgent' as const };
    socket.push({ type: 'event', event: { seq: 4, type: 'conversation.updated', conversationId: 'c-1', conversation: updated, data: {}, createdAt: '' } });
    await settle();
    await vi.waitFor(() => expect(live.getSnapshot().loaded).toBe(true));
    expect(live.getSnapshot().inbox.rows.get('c-1')!.conversation.priority).toBe('urgent');

    socket.push({ type: 'event', event: { seq: 5, type: 'conversation.created', conversationId: 'c-2', conversation: c2, data: {}, createdAt: '' } });
    await vi.waitFor(() => expect(live.getSnapshot().inbox.rows.get('c-2')?.customer.name).toBe('Darius'));
    expect(calls).toContain('GET /inbox/c-2');
    expect(live.getSnapshot().inbox.seq).toBe(5);
  });

  test('other agents viewing and typing are shown, and expire when they stop saying so', async () => {
    const { live } = setup();
    const socket = FakeSocket.latest();
    socket.open(1);
    socket.push({ type: 'viewing', conversationId: 'c-1', agentId: 'emma', name: 'Emma', viewing: true });
    socket.push({ type: 'viewing', conversationId: 'c-1', agentId: 'me', name: 'Me', viewing: true });
    expect(live.getSnapshot().signals.viewers.get('c-1')!.map((p) => p.name)).toEqual(['Emma']);
    socket.push({ type: 'viewing', conversationId: 'c-1', agentId: 'emma', name: 'Emma', viewing: false });
    expect(live.getSnapshot().signals.viewers.has('c-1')).toBe(false);
  });
});
