import type { OutboxItem } from './widget-state.ts';

export function enqueue(outbox: readonly OutboxItem[], item: OutboxItem): OutboxItem[] {
  if (outbox.some((queued) => queued.idempotencyKey === item.idempotencyKey)) return outbox.slice();
  return [...outbox, item];
}

export function removeByKey(outbox: readonly OutboxItem[], key: string | null): OutboxItem[] {
  if (key === null) return outbox.slice();
  return outbox.filter((item) => item.idempotencyKey !== key);
}

export function markFailed(outbox: readonly OutboxItem[], key: string, error: string): OutboxItem[] {
  return outbox.map((item) => (item.idempotencyKey === key ? { ...item, status: 'failed', error } : item));
}

/** Retrying keeps the idempotency key, so a send that did reach the server is not stored twice. */
export function markQueued(outbox: readonly OutboxItem[], key: string): OutboxItem[] {
  return outbox.map((item) => (item.idempotencyKey === key ? { ...item, status: 'queued', error: null } : item));
}

/** Queued items, oldest first: the order the customer wrote them in. */
export function sendableItems(outbox: readonly OutboxItem[]): OutboxItem[] {
  return outbox
    .filter((item) => item.status === 'queued')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
