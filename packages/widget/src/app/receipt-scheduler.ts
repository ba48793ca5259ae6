import { guard } from '../report-error.ts';
import type { OutgoingFrame } from '../transport/wire-types.ts';

export type ReceiptKind = 'delivered' | 'read';

export type ReceiptScheduler = {
  note(conversationId: string, kind: ReceiptKind, seq: number): void;
  /** Sends what is pending now (after a reconnect), still within the rate. */
  flush(): void;
};

/** Receipts are high-water marks, so coalescing loses nothing: only the highest seq matters. */
export const RECEIPT_INTERVAL_MS = 1_000;

export function createReceiptScheduler(deps: {
  send: (frame: OutgoingFrame) => boolean;
  now?: () => number;
  intervalMs?: number;
}): ReceiptScheduler {
  const now = deps.now ?? Date.now;
  const interval = deps.intervalMs ?? RECEIPT_INTERVAL_MS;
  const pending = new Map<string, Partial<Record<ReceiptKind, number>>>();
  const sent = new Map<string, Record<ReceiptKind, number>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlushAt = -Infinity;

  const flushNow = () => {
    timer = undefined;
    lastFlushAt = now();
    for (const [conversationId, marks] of pending) {
      const isSent = deps.send({ type: 'receipt', conversationId, ...marks });
      if (!isSent) return;
      const previous = sent.get(conversationId) ?? { delivered: 0, read: 0 };
      sent.set(conversationId, {
        delivered: Math.max(previous.delivered, marks.delivered ?? 0),
        read: Math.max(previous.read, marks.read ?? 0),
      });
      pending.delete(conversationId);
    }
  };

  const schedule = () => {
    if (timer !== undefined || pending.size === 0) return;
    const wait = Math.max(0, lastFlushAt + interval - now());
    timer = setTimeout(guard('receipts', flushNow), wait);
  };

  return {
    note(conversationId, kind, seq) {
      if (seq <= (sent.get(conversationId)?.[kind] ?? 0)) return;
      const marks = pending.get(conversationId) ?? {};
      marks[kind] = Math.max(marks[kind] ?? 0, seq);
      pending.set(conversationId, marks);
      schedule();
    },
    flush: schedule,
  };
}
