// Customer data-rights requests (re-exported by schema.ts, which drizzle-kit reads).
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, workspaceId } from './columns.ts';

/**
 * An erasure of one customer, run as a durable job: queued when asked for, picked up by the
 * periodic pass (SKIP LOCKED, so one process runs it), retried after a crash, and finished
 * with a report of what was removed. The customer id is kept so the request can be traced;
 * nothing else about them is.
 */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    workspaceId: workspaceId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    requestedByType: text('requested_by_type').notNull(),
    requestedById: uuid('requested_by_id'),
    attempts: integer('attempts').notNull().default(0),
    report: jsonb('report').$type<Record<string, number>>(),
    error: text('error'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index().on(t.status, t.createdAt)],
);

/**
 * Stored files whose rows an erasure or retention batch deleted, written in the same transaction.
 * The bytes are removed just after the commit and the entry with them; an entry left behind (the
 * process died in between, or the disk refused) is taken again by a periodic pass until it goes.
 */
export const fileRemovals = pgTable(
  'file_removals',
  {
    workspaceId: workspaceId(),
    storageKey: text('storage_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.storageKey] }), index().on(t.createdAt)],
);
