// The broadcasts API in memory for the broadcast screens' tests: one broadcast still sending (it
// finishes on the next read), one done, their recipients by status and page, and the segments.
import type { Broadcast, BroadcastRecipient } from '@tandem/protocol';
import { fakeHttp } from '../../test-support/fakes.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const OUTAGE = uuid(1);
export const SPRING_SALE = uuid(2);
const AT = '2026-12-01T09:30:00.000Z';

export const outage: Broadcast = {
  id: OUTAGE, name: 'Payment outage', purpose: 'service', audience: { kind: 'segment', segment: 'vip' }, channels: ['email', 'sms'],
  message: { text: { en: 'Payments are down; we are on it.', vi: 'Thanh toán đang gián đoạn.' } }, scheduledAt: AT, ratePerMinute: 600,
  status: 'sending', createdAt: AT, finishedAt: null, counts: { pending: 2, sent: 1, delivered: 5, failed: 1, skipped: 1 },
};
const outageDone: Broadcast = { ...outage, status: 'done', finishedAt: '2026-12-01T09:40:00.000Z', counts: { delivered: 8, failed: 1, skipped: 1 } };
export const springSale: Broadcast = {
  ...outage, id: SPRING_SALE, name: 'Spring sale', purpose: 'marketing', audience: { kind: 'all' }, channels: ['whatsapp', 'email'], status: 'done', counts: { read: 40, skipped: 12 },
};

const recipient = (n: number, fields: Pick<BroadcastRecipient, 'status' | 'channel' | 'reason'> & Partial<BroadcastRecipient>): BroadcastRecipient => ({
  customerId: uuid(100 + n), name: `Customer ${n}`, conversationId: null, updatedAt: AT, ...fields,
});
const delivered = recipient(1, { status: 'delivered', channel: 'email', reason: null, name: 'Nguyễn Lan', conversationId: uuid(201) });
const failed = recipient(2, { status: 'failed', channel: 'sms', reason: 'carrier rejected the number' });
const skipped = recipient(3, { status: 'skipped', channel: null, reason: 'opted_out' });
const pages: Record<string, Record<string, { items: BroadcastRecipient[]; nextCursor: string | null }>> = {
  '': { '': { items: [delivered, failed], nextCursor: 'page-2' }, 'page-2': { items: [skipped], nextCursor: null } },
  failed: { '': { items: [failed], nextCursor: null } },
};

/** `outageReads` counts the reads of the sending broadcast: the second and later find it `later` (done, unless told). */
export function broadcastReads(later: Broadcast = outageDone) {
  let outageReads = 0;
  const http = fakeHttp({
    '/broadcasts': () => ({ items: [outage, springSale] }),
    [`/broadcasts/${OUTAGE}`]: () => (++outageReads > 1 ? later : outage),
    [`/broadcasts/${OUTAGE}/recipients`]: (query) => pages[String(query.status ?? '')]?.[String(query.cursor ?? '')] ?? { items: [], nextCursor: null },
    '/segments': () => ({ items: [{ key: 'vip', name: { en: 'VIP customers', fa: 'مشتریان ویژه' }, rule: {}, strategy: null, priority: 0 }, { key: 'late', name: { en: 'Late orders' }, rule: {}, strategy: null, priority: 0 }] }),
  });
  return { http, outageReads: () => outageReads };
}
