import type { ChannelKind } from '@tandem/core';
import type { MessageContent } from '@tandem/protocol';

/**
 * Replies written while the connection is down (or not yet acknowledged). Each carries its
 * idempotency key from the moment it is written, so sending it again after a reconnect can
 * never store it twice: the server answers a repeated key with the message it already has.
 */
export interface OutboxItem {
  idempotencyKey: string;
  conversationId: string;
  body: string;
  private: boolean;
  channel?: ChannelKind;
  content: MessageContent;
  createdAt: string;
  state: 'queued' | 'sending' | 'failed';
  error?: { code: string; detail: string };
}

export type Outbox = readonly OutboxItem[];

export const enqueue = (outbox: Outbox, item: Omit<OutboxItem, 'state'>): Outbox => [...outbox, { ...item, state: 'queued' }];

/** Items to put on the wire now, in the order they were written. */
export const dueForSending = (outbox: Outbox): OutboxItem[] => outbox.filter((item) => item.state === 'queued');

export const markSending = (outbox: Outbox, keys: ReadonlySet<string>): Outbox =>
  outbox.map((item) => (keys.has(item.idempotencyKey) ? { ...item, state: 'sending' } : item));

/** The server stored it (or already had it): it leaves the outbox. */
export const acknowledge = (outbox: Outbox, key: string): Outbox => outbox.filter((item) => item.idempotencyKey !== key);

// Refusals that sending again cannot fix; anything else (a restart, a lost socket) is retried.
const PERMANENT = /^(message\.|conversation\.|ws\.invalid_frame|auth\.forbidden)/;

export function refuse(outbox: Outbox, key: string, error: { code: string; detail: string }): Outbox {
  return outbox.map((item) => {
    if (item.idempotencyKey !== key) return item;
    return PERMANENT.test(error.code) ? { ...item, state: 'failed', error } : { ...item, state: 'queued' };
  });
}

/** The connection dropped: what was on the wire without an ack goes out again on reconnect. */
export const requeueInFlight = (outbox: Outbox): Outbox =>
  outbox.some((item) => item.state === 'sending') ? outbox.map((item) => (item.state === 'sending' ? { ...item, state: 'queued' } : item)) : outbox;

export const retry = (outbox: Outbox, key: string): Outbox =>
  outbox.map((item) => (item.idempotencyKey === key ? { ...item, state: 'queued', error: undefined } : item));

export const discard = acknowledge;

/** The outbox a previous page left in this browser; anything unreadable counts as empty. */
export function readOutbox(storage: Storage, key: string): Outbox {
  try {
    const parsed = JSON.parse(storage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as Outbox) : [];
  } catch {
    return [];
  }
}
