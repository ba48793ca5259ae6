import type { CustomerConversation, Message, WidgetConfig } from '@tandem/protocol';
import { applyHistoryPage, applyMessage, type HistoryPage } from './message-timeline.ts';
import { enqueue, markFailed, markQueued, removeByKey } from './outbox.ts';
import { pickActiveConversation } from './active-conversation.ts';
import {
  createEntry,
  type ConnectionStatus,
  type ConversationEntry,
  type Notice,
  type OutboxItem,
  type PrechatChoice,
  type ProactivePrompt,
  type WidgetLocale,
  type WidgetState,
} from './widget-state.ts';

/** How long an agent's "typing" lasts without a refresh: the server never sends a final false on disconnect. */
export const TYPING_TTL_MS = 6_000;

export type WidgetAction =
  | { type: 'session.started'; token: string; customerId: string }
  | { type: 'session.lost' }
  | { type: 'config.loaded'; config: WidgetConfig }
  | { type: 'conversations.loaded'; conversations: readonly CustomerConversation[] }
  | { type: 'conversation.updated'; conversation: CustomerConversation }
  | { type: 'message.received'; message: Message }
  | { type: 'message.acked'; idempotencyKey: string; message: Message }
  | { type: 'history.loaded'; conversationId: string; page: HistoryPage }
  | { type: 'message.queued'; item: OutboxItem }
  | { type: 'message.failed'; idempotencyKey: string; error: string }
  | { type: 'message.retried'; idempotencyKey: string }
  | { type: 'message.discarded'; idempotencyKey: string }
  | { type: 'agent.read'; conversationId: string; readSeq: number }
  | { type: 'queue.updated'; conversationId: string; position: number | null; expectedWaitSeconds: number | null }
  | { type: 'agent.typing'; conversationId: string; isTyping: boolean; name: string | null; now: number }
  | { type: 'typing.expired'; now: number }
  | { type: 'customer.read'; conversationId: string; seq: number }
  | { type: 'panel.toggled'; isOpen: boolean }
  | { type: 'draft.changed'; draft: string }
  | { type: 'connection.changed'; status: ConnectionStatus }
  | { type: 'locale.changed'; locale: WidgetLocale }
  | { type: 'handoff.requested'; isRequested: boolean }
  | { type: 'prechat.chosen'; choice: Partial<PrechatChoice> }
  | { type: 'notice.shown'; slot: 'error' | 'info'; notice: Notice | null }
  | { type: 'proactive.shown'; prompt: ProactivePrompt }
  | { type: 'proactive.cleared' }
  | { type: 'guide.requested'; key: string | null };

export function widgetReducer(state: WidgetState, action: WidgetAction): WidgetState {
  switch (action.type) {
    case 'session.started': return startSession(state, action.token, action.customerId);
    case 'session.lost': return { ...state, token: null };
    case 'config.loaded': return { ...state, config: action.config };
    case 'conversations.loaded': return withActive(action.conversations.reduce(upsertConversation, state));
    case 'conversation.updated': return withActive(upsertConversation(state, action.conversation));
    case 'message.received':
    case 'message.acked': return withActive(receiveMessage(state, action.message));
    case 'history.loaded': return withActive(updateEntry(state, action.conversationId, (e) => applyHistoryPage(e, action.page)));
    case 'message.queued': return { ...state, outbox: enqueue(state.outbox, action.item) };
    case 'message.failed': return { ...state, outbox: markFailed(state.outbox, action.idempotencyKey, action.error) };
    case 'message.retried': return { ...state, outbox: markQueued(state.outbox, action.idempotencyKey) };
    case 'message.discarded': return { ...state, outbox: removeByKey(state.outbox, action.idempotencyKey) };
    case 'queue.updated': {
      const known = action.position !== null || action.expectedWaitSeconds !== null;
      const queue = known ? { position: action.position, expectedWaitSeconds: action.expectedWaitSeconds } : null;
      return updateEntry(state, action.conversationId, (e) => ({ ...e, queue }));
    }
    case 'agent.read':
      return updateEntry(state, action.conversationId, (e) => ({ ...e, agentReadSeq: Math.max(e.agentReadSeq, action.readSeq) }));
    case 'agent.typing': {
      const typing = action.isTyping ? { name: action.name, expiresAt: action.now + TYPING_TTL_MS } : null;
      return updateEntry(state, action.conversationId, (e) => ({ ...e, typing }));
    }
    case 'typing.expired': return expireTyping(state, action.now);
    case 'customer.read':
      return updateEntry(state, action.conversationId, (e) => ({ ...e, readSeq: Math.max(e.readSeq, action.seq) }));
    // Opening the panel answers a proactive prompt's question; closing it ends a guide started from one.
    case 'panel.toggled':
      return action.isOpen ? { ...state, isOpen: true, proactive: null } : { ...state, isOpen: false, requestedGuide: null };
    case 'draft.changed': return { ...state, draft: action.draft };
    case 'connection.changed': return { ...state, connection: action.status };
    case 'locale.changed': return { ...state, locale: action.locale };
    case 'handoff.requested': return { ...state, isHandoffRequested: action.isRequested };
    case 'prechat.chosen': return { ...state, prechat: { ...state.prechat, ...action.choice } };
    case 'notice.shown': return { ...state, [action.slot]: action.notice };
    case 'proactive.shown': return { ...state, proactive: action.prompt };
    case 'proactive.cleared': return state.proactive ? { ...state, proactive: null } : state;
    case 'guide.requested': return { ...state, requestedGuide: action.key };
  }
}

function startSession(state: WidgetState, token: string, customerId: string): WidgetState {
  if (state.customerId === null || state.customerId === customerId) return { ...state, token, customerId };
  // Another customer now (identify linked a known one, or the old token died): their
  // conversations replace ours, but unsent messages follow the person at the keyboard.
  const outbox = state.outbox.map((item) => ({ ...item, conversationId: null }));
  return { ...state, token, customerId, conversations: {}, activeConversationId: null, outbox };
}

function updateEntry(
  state: WidgetState,
  conversationId: string,
  update: (entry: ConversationEntry) => ConversationEntry,
): WidgetState {
  const entry = state.conversations[conversationId] ?? createEntry();
  return { ...state, conversations: { ...state.conversations, [conversationId]: update(entry) } };
}

function upsertConversation(state: WidgetState, conversation: CustomerConversation): WidgetState {
  return updateEntry(state, conversation.id, (entry) => ({
    ...entry,
    conversation,
    agentReadSeq: Math.max(entry.agentReadSeq, conversation.agentReadSeq),
    readSeq: Math.max(entry.readSeq, conversation.customerReadSeq),
  }));
}

function receiveMessage(state: WidgetState, message: Message): WidgetState {
  // Private notes are for agents; a server bug must not be able to show one to a customer.
  if (message.private) return state;
  const next = updateEntry(state, message.conversationId, (entry) => {
    const applied = applyMessage(entry, message);
    return message.author === 'agent' ? { ...applied, typing: null } : applied;
  });
  // The stored copy replaces the local one: the same text must never show twice.
  const isOwn = message.author === 'customer';
  return isOwn ? { ...next, outbox: removeByKey(next.outbox, message.idempotencyKey) } : next;
}

function expireTyping(state: WidgetState, now: number): WidgetState {
  let next = state;
  for (const [id, entry] of Object.entries(state.conversations)) {
    if (entry.typing && entry.typing.expiresAt <= now) next = updateEntry(next, id, (e) => ({ ...e, typing: null }));
  }
  return next;
}

function withActive(state: WidgetState): WidgetState {
  const activeConversationId = pickActiveConversation(state.conversations, state.activeConversationId);
  return activeConversationId === state.activeConversationId ? state : { ...state, activeConversationId };
}
