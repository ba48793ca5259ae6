import { isApiError } from '../transport/api-error.ts';
import type { SocketClient } from '../transport/socket.client.ts';
import type { WidgetApi } from '../transport/widget-api.ts';
import { sendableItems } from '../state/outbox.ts';
import type { OutboxItem } from '../state/widget-state.ts';
import type { WidgetStore } from '../state/widget.store.ts';

export type OutboxSender = {
  /** Sends every queued item not already on its way, over the socket. */
  flush(): void;
  /** The socket keeps failing but HTTP may work (a proxy that blocks WebSockets): post instead. */
  flushOverHttp(): Promise<void>;
  /** An ack or rejection arrived for this key. */
  settle(key: string): void;
  /** The connection dropped: whatever was in flight is sent again, with the same keys. */
  reset(): void;
};

export function createOutboxSender(deps: { store: WidgetStore; socket: SocketClient; api: WidgetApi }): OutboxSender {
  const { store, socket, api } = deps;
  const inFlight = new Set<string>();

  // Without a conversation id the server opens one, so such sends go one at a time: two in
  // parallel could each open a conversation.
  const nextBatch = (): Array<{ item: OutboxItem; conversationId: string | null }> => {
    const state = store.getState();
    const batch: Array<{ item: OutboxItem; conversationId: string | null }> = [];
    for (const item of sendableItems(state.outbox)) {
      if (inFlight.has(item.idempotencyKey)) continue;
      const conversationId = item.conversationId ?? state.activeConversationId;
      if (conversationId === null && (inFlight.size > 0 || batch.length > 0)) break;
      batch.push({ item, conversationId });
      if (conversationId === null) break;
    }
    return batch;
  };

  return {
    flush() {
      if (!socket.isReady()) return;
      for (const { item, conversationId } of nextBatch()) {
        const isSent = socket.send({
          type: 'message.send',
          ...(conversationId ? { conversationId } : item.start ? { start: item.start } : {}),
          body: item.body,
          content: item.attachments.length > 0 ? { attachments: item.attachments } : {},
          idempotencyKey: item.idempotencyKey,
        });
        if (!isSent) return;
        inFlight.add(item.idempotencyKey);
      }
    },
    async flushOverHttp() {
      for (let batch = nextBatch(); batch.length > 0; batch = nextBatch()) {
        for (const { item, conversationId } of batch) {
          inFlight.add(item.idempotencyKey);
          try {
            const result = await api.postMessage({
              ...(conversationId ? { conversationId } : item.start ? { start: item.start } : {}),
              body: item.body,
              content: item.attachments.length > 0 ? { attachments: item.attachments } : {},
              idempotencyKey: item.idempotencyKey,
            });
            store.dispatch({ type: 'message.acked', idempotencyKey: item.idempotencyKey, message: result.message });
            store.dispatch({ type: 'conversation.updated', conversation: result.conversation });
          } catch (error) {
            if (!isApiError(error)) throw error;
            if (error.isTemporary) return;
            store.dispatch({ type: 'message.failed', idempotencyKey: item.idempotencyKey, error: error.detail });
          } finally {
            inFlight.delete(item.idempotencyKey);
          }
        }
      }
    },
    settle: (key) => void inFlight.delete(key),
    reset: () => inFlight.clear(),
  };
}
