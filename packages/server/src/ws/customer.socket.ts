import type { FastifyInstance } from 'fastify';
import { WidgetParams, type Message } from '@tandem/protocol';
import { topics } from '../adapters/bus/event-bus.ts';
import { presentMessage } from '../domain/present.ts';
import { appError } from '../platform/app-error.ts';
import type { ServiceDeps } from '../platform/deps.ts';
import type { Services } from '../services.ts';
import type { CustomerBusMessage } from '../features/feed/feed.publisher.ts';
import { findConversation } from '../features/conversations/conversation.store.ts';
import { listMessages } from '../features/messages/message.store.ts';
import { onFrames, send, sendError, sendShared } from './connection.ts';
import { createFeedCursor } from './feed-cursor.ts';

const REPLAY_PAGE = 200;
type Cursor = ReturnType<typeof createFeedCursor<Message>>;

/**
 * A customer's realtime channel (the widget): the messages of their conversations, each
 * conversation resumed from the last sequence number the client saw. Private notes never come here.
 */
export function registerCustomerSocket(app: FastifyInstance, services: Services, deps: ServiceDeps): void {
  app.get('/api/v1/widget/:workspaceId/ws', { websocket: true, config: { access: 'public' }, schema: { hide: true, params: WidgetParams } }, (socket, request) => {
    const log = request.log;
    const { workspaceId } = request.params as { workspaceId: string };
    const cursors = new Map<string, Cursor>();
    let customerId: string | null = null;
    let unsubscribe: (() => Promise<void>) | null = null;
    socket.on('close', () => void unsubscribe?.());

    const cursorFor = (conversationId: string, position: number): Cursor => {
      let cursor = cursors.get(conversationId);
      if (!cursor) {
        cursor = createFeedCursor<Message>({
          position,
          seqOf: (m) => m.seq,
          load: async (after) =>
            (await listMessages(deps.db, workspaceId, conversationId, { afterSeq: after, limit: REPLAY_PAGE, includePrivate: false })).map(presentMessage),
          deliver: (message) => sendShared(socket, 'message', message),
          onError: (error) => {
            log.warn({ err: error }, 'message replay failed; closing so the client resumes');
            socket.close(1011, 'replay failed');
          },
        });
        cursors.set(conversationId, cursor);
      }
      return cursor;
    };

    onFrames(socket, log, async (frame) => {
      if (frame.type === 'hello') {
        const header = request.headers.authorization?.startsWith('Bearer ') ? request.headers.authorization.slice(7) : undefined;
        const token = frame.token ?? header;
        const principal = token ? await services.auth.authenticate(token) : null;
        if (principal?.kind !== 'customer' || principal.workspaceId !== workspaceId) {
          sendError(socket, appError('auth.unauthenticated', 'Say hello with a widget session token.'), log);
          socket.close(4401, 'unauthenticated');
          return;
        }
        customerId = principal.customerId;
        unsubscribe = await deps.bus.subscribe(topics.customer(workspaceId, customerId), (payload) => {
          const { message } = payload as CustomerBusMessage;
          void cursorFor(message.conversationId, 0).live(message);
        });
        if (socket.readyState !== socket.OPEN) return void unsubscribe();
        send(socket, { type: 'ready', seq: 0 });
        for (const [conversationId, seq] of Object.entries(frame.conversations ?? {})) {
          const conversation = await findConversation(deps.db, workspaceId, conversationId);
          if (conversation?.customerId !== customerId) continue;
          await cursorFor(conversationId, seq).replay();
        }
        return;
      }
      if (frame.type !== 'message.send' || !customerId) return;
      const received = await services.receive.deliver({
        workspaceId,
        customerId,
        channel: 'web',
        ...(frame.conversationId ? { conversationId: frame.conversationId } : {}),
        body: frame.body,
        content: { ...(frame.content.attachments ? { attachments: frame.content.attachments } : {}) },
        idempotencyKey: frame.idempotencyKey,
      });
      send(socket, { type: 'message.ack', idempotencyKey: frame.idempotencyKey, message: presentMessage(received.message), duplicate: received.duplicate });
    });
  });
}
