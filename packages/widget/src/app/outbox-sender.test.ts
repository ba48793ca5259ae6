import { describe, expect, test } from 'vitest';
import type { SocketClient } from '../transport/socket.client.ts';
import type { WidgetApi } from '../transport/widget-api.ts';
import type { OutgoingFrame } from '../transport/wire-types.ts';
import { createWidgetStore } from '../state/widget.store.ts';
import { createInitialState } from '../state/widget-state.ts';
import { aConversation, aMessage, anOutboxItem, CONVERSATION_ID } from '../state/widget.fixtures.ts';
import { createOutboxSender } from './outbox-sender.ts';

function setup(isReady = true) {
  const store = createWidgetStore(createInitialState('en'));
  const sent: OutgoingFrame[] = [];
  const socket = { isReady: () => isReady, send: (frame: OutgoingFrame) => (sent.push(frame), isReady) } as unknown as SocketClient;
  const posted: unknown[] = [];
  const api = {
    postMessage: async (body: { idempotencyKey: string; body: string }) => {
      posted.push(body);
      return { conversation: aConversation(), message: aMessage(posted.length, { author: 'customer', idempotencyKey: body.idempotencyKey }), duplicate: false };
    },
  } as unknown as WidgetApi;
  return { store, sent, posted, sender: createOutboxSender({ store, socket, api }) };
}

const keysOf = (frames: OutgoingFrame[]) => frames.map((f) => (f.type === 'message.send' ? f.idempotencyKey : f.type));

describe('sending the outbox', () => {
  test('with a known conversation, every queued message goes at once, oldest first, with its key', () => {
    const { store, sent, sender } = setup();
    store.dispatch({ type: 'conversations.loaded', conversations: [aConversation()] });
    store.dispatch({ type: 'message.queued', item: anOutboxItem('key-b', { createdAt: '2025-01-01T12:00:02Z' }) });
    store.dispatch({ type: 'message.queued', item: anOutboxItem('key-a', { createdAt: '2025-01-01T12:00:01Z' }) });
    sender.flush();
    expect(keysOf(sent)).toEqual(['key-a', 'key-b']);
    expect(sent[0]).toMatchObject({ conversationId: CONVERSATION_ID });
  });

  test('without a conversation, the second message waits for the first ack so only one conversation opens', () => {
    const { store, sent, sender } = setup();
    store.dispatch({ type: 'message.queued', item: anOutboxItem('key-1', { createdAt: '2025-01-01T12:00:01Z' }) });
    store.dispatch({ type: 'message.queued', item: anOutboxItem('key-2', { createdAt: '2025-01-01T12:00:02Z' }) });
    sender.flush();
    expect(keysOf(sent)).toEqual(['key-1']);
    expect(sent[0]).not.toHaveProperty('conversationId');
    store.dispatch({ type: 'message.acked', idempotencyKey: 'key-1', message: aMessage(1, { author: 'customer', idempotencyKey: 'key-1' }) });
    sender.settle('key-1');
    sender.flush();
    expect(keysOf(sent)).toEqual(['key-1', 'key-2']);
    expect(sent[1]).toMatchObject({ conversationId: CONVERSATION_ID });
  });

  test('in-flight messages are not sent twice on one connection, but are resent with the same key after a reconnect', () => {
    const { store, sent, sender } = setup();
    store.dispatch({ type: 'conversations.loaded', conversations: [aConversation()] });
    store.dispatch({ type: 'message.queued', item: anOutboxItem('key-x') });
    sender.flush();
    sender.flush();
    expect(keysOf(sent)).toEqual(['key-x']);
    sender.reset();
    sender.flush();
    expect(keysOf(sent)).toEqual(['key-x', 'key-x']);
  });

  test('failed messages stay put until the customer retries', () => {
    const { store, sent, sender } = setup();
    store.dispatch({ type: 'message.queued', item: anOutboxItem('key-f') });
    store.dispatch({ type: 'message.failed', idempotencyKey: 'key-f', error: 'nope' });
    sender.flush();
    expect(sent).toEqual([]);
  });

  test('over HTTP, queued messages are posted one by one and their acks replace them', async () => {
    const { store, posted, sender } = setup(false);
    store.dispatch({ type: 'message.queued', item: anOutboxItem('key-h1', { createdAt: '2025-01-01T12:00:01Z' }) });
    store.dispatch({ type: 'message.queued', item: anOutboxItem('key-h2', { createdAt: '2025-01-01T12:00:02Z' }) });
    await sender.flushOverHttp();
    expect(posted).toEqual([
      expect.objectContaining({ idempotencyKey: 'key-h1' }),
      expect.objectContaining({ idempotencyKey: 'key-h2', conversationId: CONVERSATION_ID }),
    ]);
    expect(store.getState().outbox).toEqual([]);
  });
});
