import type { Conversation, FeedEvent, InboxRow, Message } from '@tandem/protocol';

/**
 * The console's copy of the open work: one row per conversation, kept current by the feed.
 * Pure: every change returns a new state, so React re-renders exactly what changed.
 */
export interface InboxState {
  rows: ReadonlyMap<string, InboxRow>;
  /** The last feed sequence number applied; the socket resumes after it. */
  seq: number | null;
  /** Conversations an event named that this state cannot complete alone (new, or SLA changed). */
  stale: ReadonlySet<string>;
}

export const emptyInbox: InboxState = { rows: new Map(), seq: null, stale: new Set() };

export function withRows(state: InboxState, rows: readonly InboxRow[]): InboxState {
  const next = new Map(state.rows);
  const stale = new Set(state.stale);
  for (const row of rows) {
    stale.delete(row.conversation.id);
    if (row.conversation.mergedIntoId) next.delete(row.conversation.id);
    else next.set(row.conversation.id, row);
  }
  return { ...state, rows: next, stale };
}

export function markStale(state: InboxState, ids: Iterable<string>): InboxState {
  const stale = new Set(state.stale);
  for (const id of ids) stale.add(id);
  return stale.size === state.stale.size ? state : { ...state, stale };
}

/** Applies one feed event. Replayed events (seq already applied) change nothing. */
export function applyFeedEvent(state: InboxState, event: FeedEvent): InboxState {
  if (state.seq !== null && event.seq <= state.seq) return state;
  const next = { ...state, seq: event.seq };
  const id = event.conversationId;
  if (event.type === 'customer.merged') return markStale(next, customerRows(state, event.data.absorbedId));
  if (!id) return next;
  if (event.type === 'sla.warned' || event.type === 'sla.breached') return markStale(next, [id]);
  const conversation = event.conversation;
  if (!conversation) return next;
  const row = state.rows.get(id);
  if (!row) return markStale(next, [id]);
  const updated = event.message ? withMessage(row, conversation, event.message) : { ...row, conversation };
  const rows = new Map(state.rows);
  if (conversation.mergedIntoId) rows.delete(id);
  else rows.set(id, updated);
  // Handed from the bot to people: the server knows since when the customer waits for a person.
  const handedOff = row.conversation.handler === 'bot' && conversation.handler !== 'bot';
  return handedOff ? markStale({ ...next, rows }, [id]) : { ...next, rows };
}

function withMessage(row: InboxRow, conversation: Conversation, message: Message): InboxRow {
  const preview = { body: message.body.replace(/\s+/g, ' ').slice(0, 160), author: message.author, private: message.private, createdAt: message.createdAt };
  let waitingSince = row.waitingSince;
  if (!message.private && message.author === 'customer') waitingSince ??= message.createdAt;
  // The bot answers while it has the conversation; once people have it, only a person does.
  else if (!message.private && (message.author === 'agent' || (message.author === 'bot' && conversation.handler === 'bot'))) waitingSince = null;
  return { ...row, conversation, preview, waitingSince };
}

function customerRows(state: InboxState, customerId: unknown): string[] {
  return [...state.rows.values()].filter((r) => r.customer.id === customerId).map((r) => r.conversation.id);
}
