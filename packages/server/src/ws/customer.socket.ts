import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { WidgetParams, type Message } from '@tandem/protocol';
import { topics } from '../adapters/bus/event-bus.ts';
import { presentMessage } from '../domain/present.ts';
import { appError } from '../platform/app-error.ts';
import type { ServiceDeps } from '../platform/deps.ts';
import type { Services } from '../services.ts';
import type { CustomerBusMessage } from '../features/feed/feed.publisher.ts';
import { findConversation } from '../features/conversations/conversation.store.ts';
import { listMessages } from '../features/messages/message.store.ts';
import { receiveFromWidget } from '../features/widget/widget-inbound.ts';
import { onFrames, send, sendError, sendShared } from './connection.ts';
import { createFeedCursor } from './feed-cursor.ts';

const REPLAY_PAGE = 200;
type Cursor = ReturnType<typeof createFeedCursor<Message>>;

/**
 * A customer's realtime channel (the widget): the messages of their conversations, each
 * conversation resumed from the last sequence number the client saw, plus typing, receipts
 * and conversation changes. Private notes never come here.
 */
export function registerCustomerSocket(app: FastifyInstance, services: Services, deps: ServiceDeps): void {
  app.get('/api/v1/widget/:workspaceId/ws', { websocket: true, config: { access: 'public' }, schema: { hide: true, params: WidgetParams } }, (socket, request) => {
    const log = request.log;
    const { workspaceId } = request.params as { workspaceId: string };
    const cursors = new Map<string, Cursor>();
    let customerId: string | null = null;
    let unsubscribe: (() => Promise<void>) | null = null;
    // The bus lost events (Redis away): each conversation reads what it missed from its messages.
    const stopGapReads = deps.bus.onPossibleGap(() => {
      for (const cursor of cursors.values()) void cursor.replay();
    });
    socket.on('close', () => {
      stopGapReads();
      void unsubscribe?.();
    });

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

    const onBus = (payload: CustomerBusMessage) => {
      if (payload.type === 'message') return void cursorFor(payload.message.conversationId, 0).live(payload.message);
      if (payload.type === 'conversation' || payload.type === 'queue') return send(socket, payload);
      if (payload.type === 'typing') return send(socket, { ...payload, author: 'agent' });
      if (payload.type === 'receipt') return send(socket, { ...payload, by: 'agent' });
      // Merged into another customer: this session was revoked or now resolves elsewhere; reconnect to find out.
      socket.close(4409, 'customer merged');
    };

    onFrames(socket, log, async (frame) => {
      if (frame.type === 'hello') {
        const token = frame.token ?? bearerOf(request.headers.authorization);
        const principal = token ? await services.auth.authenticate(token) : null;
        if (principal?.kind !== 'customer' || principal.workspaceId !== workspaceId) return refuse(socket, log);
        customerId = principal.customerId;
        unsubscribe = await deps.bus.subscribe(topics.customer(workspaceId, customerId), (payload) => onBus(payload as CustomerBusMessage));
        if (socket.readyState !== socket.OPEN) return void unsubscribe();
        send(socket, { type: 'ready', seq: 0 });
        for (const [conversationId, seq] of Object.entries(frame.conversations ?? {})) {
          const conversation = await findConversation(deps.db, workspaceId, conversationId);
          if (conversation?.customerId !== customerId) continue;
          await cursorFor(conversationId, seq).replay();
        }
        return;
      }
      if (!customerId) return;
      const side = { by: 'customer' as const, customerId };
      if (frame.type === 'typing') return services.signals.typing(workspaceId, frame.conversationId, side, frame.typing);
      if (frame.type === 'receipt') return services.signals.receipt(workspaceId, frame.conversationId, side, frame);
      if (frame.type !== 'message.send') return;
      const received = await receiveFromWidget(services, {
        workspaceId,
        customerId,
        conversationId: frame.conversationId,
        body: frame.body,
        attachments: frame.content.attachments,
        idempotencyKey: frame.idempotencyKey,
        start: frame.start,
      });
      send(socket, { type: 'message.ack', idempotencyKey: frame.idempotencyKey, message: presentMessage(received.message), duplicate: received.duplicate });
    });
  });
}

function bearerOf(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

function refuse(socket: WebSocket, log: Parameters<typeof sendError>[2]): void {
  sendError(socket, appError('auth.unauthenticated', 'Say hello with a widget session token.'), log);
  socket.close(4401, 'unauthenticated');
}
