import type { Broadcast, BroadcastRecipient } from '@tandem/protocol';

export type BroadcastStatus = Broadcast['status'];
export type RecipientStatus = BroadcastRecipient['status'];

// Each status once, in the order a message moves through them; a status the API adds fails to compile here.
const RECIPIENT_ORDER: Record<RecipientStatus, number> = { pending: 0, queued: 1, sent: 2, delivered: 3, read: 4, failed: 5, skipped: 6 };
export const RECIPIENT_STATUSES = (Object.keys(RECIPIENT_ORDER) as RecipientStatus[]).sort((a, b) => RECIPIENT_ORDER[a] - RECIPIENT_ORDER[b]);

export const isRecipientStatus = (value: string): value is RecipientStatus => value in RECIPIENT_ORDER;

/** Still to send: the detail refreshes itself, and the broadcast can be cancelled. */
export const isActive = (status: BroadcastStatus) => status === 'scheduled' || status === 'sending';

export const totalOf = (counts: Broadcast['counts']) => Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
