// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Message } from '@tandem/protocol';
import { createSafeStorage } from '../state/safe-storage.ts';
import { aConfig, aConversation, aMessage, CONVERSATION_ID, CUSTOMER_ID } from '../state/widget.fixtures.ts';
import { createWidgetController } from './widget-controller.ts';
import { FakeSocket } from '../transport/fake-socket.fixtures.ts';

type Call = { method: string; path: string; body: unknown; auth: string | null };

type Routes = { conversations?: unknown[]; messages?: Message[]; saved?: string };

function setup(routes: Routes = {}) {
  const calls: Call[] = [];
  const sockets: FakeSocket[] = [];
  let sessions = 0;
  const fetchFn = (async (input: string, init: RequestInit) => {
    const url = new URL(input);
    const path = url.pathname.replace('/api/v1/widget/ws-1', '');
    const headers = init.headers as Record<string, string>;
    calls.push({ method: init.method ?? 'GET', path, body: init.body ? JSON.parse(String(init.body)) : null, auth: headers.authorization ?? null });
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (path === '/config') return json(200, aConfig());
    if (path === '/sessions') return json(201, { token: `tok-${(sessions += 1)}`, customerId: CUSTOMER_ID, visitorId: 'v1' });
    if (path === '/conversations') return json(200, { items: routes.conversations ?? [] });
    if (path.endsWith('/messages') && init.method === 'GET') {
      const afterSeq = Number(url.searchParams.get('afterSeq'));
      return json(200, { items: (routes.messages ?? []).filter((m) => m.seq > afterSeq), hasMore: false });
    }
    if (path.endsWith('/handoff')) return json(200, aConversation({ handler: 'queue' }));
    if (path === '/events') return json(202, { ok: true });
    if (path === '/proactive') return json(200, { rules: [], purchaseUrlPatterns: [], doNotDisturb: false, sessionCapReached: false });
    return json(404, { status: 404, code: 'test.unrouted', detail: path });
  }) as unknown as typeof fetch;
  const controller = createWidgetController({
    workspaceId: 'ws-1',
    apiOrigin: 'https://tandem.test',
    locale: 'en',
    storage: createSafeStorage(() => {
      const data = new Map<string, string>(routes.saved ? [['tandem:ws-1', routes.saved]] : []);
      return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
    }),
    fetchFn,
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  return { controller, calls, sockets };
}

async function connected(routes: Routes = {}) {
  const setupResult = setup(routes);
  expect(await setupResult.controller.loadConfig()).toBe(true);
  await setupResult.controller.run();
  const socket = setupResult.sockets[0];
  if (!socket) throw new Error('no socket');
  socket.open();
  return { ...setupResult, socket };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the widget controller against a fake server', () => {
  test('creates an anonymous session, then says hello on the socket with its token', async () => {
    const { calls, socket } = await connected();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toContain('POST /sessions');
    expect(socket.sent[0]).toEqual({ type: 'hello', token: 'tok-1', conversations: {} });
  });

  test('a message written offline is sent after ready, and "Talk to a person" follows the first ack', async () => {
    const { controller, calls, socket } = await connected();
    await controller.composer.send('My order never arrived');
    await controller.handoff();
    expect(controller.store.getState().info?.key).toBe('handoff.confirmed');
    socket.receive({ type: 'ready', seq: 0 });
    const send = socket.sent.find((frame) => frame.type === 'message.send');
    expect(send).toMatchObject({ body: 'My order never arrived' });
    const key = String(send?.idempotencyKey);
    const stored = aMessage(1, { author: 'customer', body: 'My order never arrived', idempotencyKey: key });
    socket.receive({ type: 'message.ack', idempotencyKey: key, message: stored, duplicate: false });
    await vi.waitFor(() => expect(calls.some((c) => c.path === `/conversations/${CONVERSATION_ID}/handoff`)).toBe(true));
    expect(controller.store.getState().outbox).toEqual([]);
  });

  test('a reply while the panel is closed raises unread, tells the host page and flashes the title', async () => {
    const { controller, socket } = await connected();
    document.title = 'Checkout';
    const seen: Message[] = [];
    const counts: number[] = [];
    controller.events.on('message', (message) => seen.push(message));
    controller.events.on('unread', (count) => counts.push(count));
    socket.receive({ type: 'ready', seq: 0 });
    const reply = aMessage(2, { author: 'agent', body: 'Let me check' });
    socket.receive({ type: 'message', message: reply });
    socket.receive({ type: 'message', message: reply }); // a replayed copy is not news
    expect(seen).toEqual([reply]);
    expect(counts).toEqual([1]);
    expect(document.title).toBe('(1) New message · Checkout');
  });

  test('an auth error on the socket starts a new session and reconnects with the new token', async () => {
    const { calls, sockets, socket } = await connected();
    socket.receive({ type: 'error', code: 'auth.token_invalid', detail: 'gone' });
    await vi.waitFor(() => expect(sockets).toHaveLength(2));
    sockets[1]?.open();
    expect(calls.filter((c) => c.path === '/sessions')).toHaveLength(2);
    expect(sockets[1]?.sent[0]).toMatchObject({ type: 'hello', token: 'tok-2' });
  });

  test('a message the server rejects is marked failed with its reason', async () => {
    const { controller, socket } = await connected();
    socket.receive({ type: 'ready', seq: 0 });
    await controller.composer.send('hello');
    const key = String(socket.sent.find((frame) => frame.type === 'message.send')?.idempotencyKey);
    socket.receive({ type: 'error', code: 'message.rejected', detail: 'Blocked word', idempotencyKey: key });
    expect(controller.store.getState().outbox).toEqual([expect.objectContaining({ status: 'failed', error: 'Blocked word' })]);
  });

  test('after a reload, history before the saved resume point is fetched, and resumed copies are not doubled', async () => {
    const saved = JSON.stringify({ v: 1, token: 'tok-saved', customerId: CUSTOMER_ID, lastSeq: { [CONVERSATION_ID]: 1 }, readSeq: { [CONVERSATION_ID]: 1 }, activeConversationId: CONVERSATION_ID, outbox: [], draft: '', isHandoffRequested: false, config: null });
    const first = aMessage(1, { author: 'customer', body: 'First question' });
    const answer = aMessage(2, { author: 'agent', body: 'Answer while you were away' });
    const { controller, calls, socket } = await connected({ saved, conversations: [aConversation({ lastSeq: 2 })], messages: [first, answer] });
    expect(socket.sent[0]).toEqual({ type: 'hello', token: 'tok-saved', conversations: { [CONVERSATION_ID]: 1 } });
    expect(calls.some((c) => c.path === '/sessions')).toBe(false);
    socket.receive({ type: 'ready', seq: 0 });
    socket.receive({ type: 'message', message: answer }); // the replay after seq 1
    await vi.waitFor(() => expect(controller.store.getState().conversations[CONVERSATION_ID]?.messages.map((m) => m.body)).toEqual(['First question', 'Answer while you were away']));
    expect(calls.some((c) => c.path.endsWith('/messages'))).toBe(true);
  });
});
