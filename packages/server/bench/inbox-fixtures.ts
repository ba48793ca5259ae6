// Conversations for the inbox bench, inserted in bulk past the services: ten thousand
// conversations through the message path would take minutes on PGlite, and their creation is
// not what is measured. Each has a customer with an email, and three messages.
import type { Db } from '../src/adapters/postgres/database.ts';
import { conversations, customers, identities, messages } from '../src/adapters/postgres/schema.ts';
import { uuidV7 } from '../src/platform/clock.ts';

const BULK_ROWS = 1000;
const BODIES = [
  'Hello, my parcel was supposed to arrive on Monday and the tracking page has not changed for three days. Can you check where it is?',
  'سلام، سفارش من هنوز نرسیده است. لطفاً وضعیت ارسال را بررسی کنید و به من اطلاع دهید.',
  'Chào bạn, tôi bị trừ tiền hai lần cho cùng một đơn hàng. Nhờ bạn kiểm tra và hoàn lại giúp tôi.',
  'Thanks, that worked.\n\nOne more thing: can I change the delivery address for my next order?',
];
// Customer, agent, customer (waiting on us); or customer, customer, agent (answered); or a private note last.
const PATTERNS = [
  [['customer', false], ['agent', false], ['customer', false]],
  [['customer', false], ['customer', false], ['agent', false]],
  [['customer', false], ['agent', false], ['agent', true]],
] as const;

/** `count` conversations, one a minute up to now: 70% open, 20% pending, 10% snoozed. */
export async function insertInboxConversations(db: Db, options: { workspaceId: string; agentId: string; count: number }): Promise<void> {
  const { workspaceId, agentId, count } = options;
  const start = Date.now() - count * 60_000;
  for (let first = 0; first < count; first += BULK_ROWS) {
    const batch = Array.from({ length: Math.min(BULK_ROWS, count - first) }, (_, k) => conversationRows(first + k, { workspaceId, agentId, at: start + (first + k) * 60_000 }));
    await db.insert(customers).values(batch.map((b) => b.customer));
    await db.insert(identities).values(batch.map((b) => b.identity));
    await db.insert(conversations).values(batch.map((b) => b.conversation));
    await db.insert(messages).values(batch.flatMap((b) => b.messages));
  }
}

function conversationRows(n: number, options: { workspaceId: string; agentId: string; at: number }) {
  const { workspaceId, agentId, at } = options;
  const created = new Date(at);
  const customerId = uuidV7();
  const conversationId = uuidV7();
  const status = n % 10 < 7 ? 'open' : n % 10 < 9 ? 'pending' : 'snoozed';
  const pattern = PATTERNS[n % PATTERNS.length]!;
  const messageRows = pattern.map(([author, isPrivate], i) => ({
    workspaceId, id: uuidV7(), conversationId, seq: i + 1, author, authorId: author === 'agent' ? agentId : customerId,
    channel: 'email', private: isPrivate, body: BODIES[(n + i) % BODIES.length]!, deliveryStatus: 'stored', deliveryError: null, createdAt: new Date(at + (i + 1) * 10_000),
  }));
  const lastActivityAt = messageRows.at(-1)!.createdAt;
  return {
    customer: { workspaceId, id: customerId, name: `Customer ${n}`, consent: { automation: true, behaviour: false, marketing: false }, createdAt: created, updatedAt: created },
    identity: { workspaceId, id: uuidV7(), customerId, kind: 'email', value: `customer${n}@bench.example.com`, createdAt: created },
    conversation: {
      workspaceId, id: conversationId, customerId, status, handler: 'agent', assigneeId: agentId, priority: 'normal', channels: ['email'], lastChannel: 'email',
      lastSeq: messageRows.length, createdAt: created, lastActivityAt,
      snoozedUntil: status === 'snoozed' ? new Date(at + 86_400_000) : null,
      pendingPeriods: status === 'pending' ? [{ from: lastActivityAt.toISOString(), to: null }] : [],
    },
    messages: messageRows,
  };
}
