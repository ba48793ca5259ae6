import type { Message, ServerFrame } from '@tandem/protocol';
import { guard, reportError } from '../report-error.ts';
import { hasGap } from '../state/message-timeline.ts';
import { isFromTeam } from '../state/widget.selectors.ts';
import type { WidgetStore } from '../state/widget.store.ts';
import { TYPING_TTL_MS } from '../state/widget.reducer.ts';
import type { HandoffRequest } from './handoff-request.ts';
import type { HistorySync } from './history-sync.ts';
import type { HostEvents } from './host-events.ts';
import type { OutboxSender } from './outbox-sender.ts';
import type { ReceiptScheduler } from './receipt-scheduler.ts';

export type FrameRouterDeps = {
  store: WidgetStore;
  outbox: OutboxSender;
  history: HistorySync;
  receipts: ReceiptScheduler;
  handoff: HandoffRequest;
  events: HostEvents;
  /** A new agent/bot message arrived (sound, title) — not called for ones already shown. */
  onTeamMessage: (message: Message) => void;
  /** The server refused our token (`auth.*`). */
  onSessionRefused: () => void;
  now?: () => number;
};

export function createFrameRouter(deps: FrameRouterDeps): (frame: ServerFrame) => void {
  const { store, outbox, history, receipts } = deps;
  const now = deps.now ?? Date.now;

  const receive = (message: Message) => {
    const entry = store.getState().conversations[message.conversationId];
    const isNew = !entry?.messages.some((m) => m.id === message.id);
    store.dispatch({ type: 'message.received', message });
    const updated = store.getState().conversations[message.conversationId];
    if (updated && hasGap(updated)) history.scheduleGapFetch(message.conversationId);
    if (isNew && isFromTeam(message) && !message.private) {
      deps.events.emit('message', message);
      deps.onTeamMessage(message);
    }
  };

  const typing = (frame: Extract<ServerFrame, { type: 'typing' }>) => {
    if (frame.author !== 'agent') return;
    store.dispatch({ type: 'agent.typing', conversationId: frame.conversationId, isTyping: frame.typing, name: frame.name ?? null, now: now() });
    if (frame.typing) setTimeout(guard('typing expiry', () => store.dispatch({ type: 'typing.expired', now: now() })), TYPING_TTL_MS + 50);
  };

  const error = (frame: Extract<ServerFrame, { type: 'error' }>) => {
    if (frame.code.startsWith('auth.')) return deps.onSessionRefused();
    if (frame.idempotencyKey) {
      outbox.settle(frame.idempotencyKey);
      store.dispatch({ type: 'message.failed', idempotencyKey: frame.idempotencyKey, error: frame.detail });
      return;
    }
    reportError(`server error ${frame.code}`, frame.detail);
  };

  const followUp = (label: string, work: Promise<unknown>) => void work.catch((e: unknown) => reportError(label, e));

  return (frame) => {
    switch (frame.type) {
      case 'ready':
        outbox.flush();
        receipts.flush();
        followUp('history sync', history.sync().then(() => deps.handoff.resume()));
        return;
      case 'message':
        return receive(frame.message);
      case 'message.ack':
        outbox.settle(frame.idempotencyKey);
        store.dispatch({ type: 'message.acked', idempotencyKey: frame.idempotencyKey, message: frame.message });
        // The first ack may have taught us the conversation id that held-back sends were waiting for.
        outbox.flush();
        followUp('handoff', deps.handoff.resume(frame.message.conversationId));
        return;
      case 'error':
        return error(frame);
      case 'typing':
        return typing(frame);
      case 'receipt':
        if (frame.by === 'agent') store.dispatch({ type: 'agent.read', conversationId: frame.conversationId, readSeq: frame.readSeq });
        return;
      case 'conversation':
        store.dispatch({ type: 'conversation.updated', conversation: frame.conversation });
        return;
      case 'queue':
        store.dispatch({ type: 'queue.updated', conversationId: frame.conversationId, position: frame.position, expectedWaitSeconds: frame.expectedWaitSeconds });
        return;
      case 'pong':
      case 'event':
        return;
    }
  };
}
