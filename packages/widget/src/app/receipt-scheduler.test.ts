import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { OutgoingFrame } from '../transport/wire-types.ts';
import { createReceiptScheduler } from './receipt-scheduler.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('receipts are coalesced to at most one per second, carrying only the highest seqs', () => {
  const sent: OutgoingFrame[] = [];
  const receipts = createReceiptScheduler({ send: (frame) => (sent.push(frame), true), now: () => Date.now() });
  receipts.note('c1', 'delivered', 1);
  vi.advanceTimersByTime(0);
  expect(sent).toEqual([{ type: 'receipt', conversationId: 'c1', delivered: 1 }]);
  receipts.note('c1', 'delivered', 2);
  receipts.note('c1', 'delivered', 3);
  receipts.note('c1', 'read', 3);
  vi.advanceTimersByTime(999);
  expect(sent).toHaveLength(1);
  vi.advanceTimersByTime(1);
  expect(sent).toEqual([
    { type: 'receipt', conversationId: 'c1', delivered: 1 },
    { type: 'receipt', conversationId: 'c1', delivered: 3, read: 3 },
  ]);
});

test('a receipt that could not be sent waits for the next flush; one already sent is not repeated', () => {
  let isConnected = false;
  const sent: OutgoingFrame[] = [];
  const receipts = createReceiptScheduler({ send: (frame) => isConnected && (sent.push(frame), true) });
  receipts.note('c1', 'read', 5);
  vi.advanceTimersByTime(1_000);
  expect(sent).toEqual([]);
  isConnected = true;
  receipts.flush();
  vi.advanceTimersByTime(1_000);
  expect(sent).toEqual([{ type: 'receipt', conversationId: 'c1', read: 5 }]);
  receipts.note('c1', 'read', 5);
  vi.advanceTimersByTime(2_000);
  expect(sent).toHaveLength(1);
});
