import type { ConversationStatus, MessageAuthor } from '../vocabulary.ts';

/**
 * The status a conversation takes after a message is added.
 * A customer writing means the ball is in the team's court again: pending (waiting on the
 * customer), snoozed and resolved conversations all reopen. Agent, bot and system messages,
 * and private notes, leave the status alone; agents set it explicitly.
 */
export function statusAfterMessage(
  current: ConversationStatus,
  author: MessageAuthor,
): ConversationStatus {
  return author === 'customer' ? 'open' : current;
}

export type StatusChange =
  | { kind: 'ok'; status: ConversationStatus; snoozedUntil: Date | null }
  | { kind: 'rejected'; reason: 'snooze_needs_time' | 'snooze_in_past' };

/** Validates an explicit status change made by an agent. */
export function changeStatus(
  next: ConversationStatus,
  snoozedUntil: Date | null,
  now: Date,
): StatusChange {
  if (next !== 'snoozed') return { kind: 'ok', status: next, snoozedUntil: null };
  if (snoozedUntil === null) return { kind: 'rejected', reason: 'snooze_needs_time' };
  if (snoozedUntil.getTime() <= now.getTime()) return { kind: 'rejected', reason: 'snooze_in_past' };
  return { kind: 'ok', status: 'snoozed', snoozedUntil };
}
