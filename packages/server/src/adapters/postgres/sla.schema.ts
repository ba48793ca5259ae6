// SLA tables (re-exported by schema.ts, which drizzle-kit reads).
import { integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SlaEscalation, SlaMetric } from '@tandem/core';
import { createdAt, id, workspaceId } from './columns.ts';

/** Targets per priority/channel/segment, tried in `position` order. */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    workspaceId: workspaceId(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    priorities: text('priorities').array().notNull().default([]),
    channels: text('channels').array().notNull().default([]),
    segments: text('segments').array().notNull().default([]),
    targets: jsonb('targets').$type<Partial<Record<SlaMetric, number>>>().notNull(),
    warnAtFraction: real('warn_at_fraction').notNull(),
    escalation: jsonb('escalation').$type<SlaEscalation>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);

/**
 * Warnings and breaches, once each per conversation, metric and due time: the periodic pass can
 * run any number of times, in any process, after any restart, and escalates exactly once.
 */
export const slaEvents = pgTable(
  'sla_events',
  {
    workspaceId: workspaceId(),
    id: id(),
    conversationId: uuid('conversation_id').notNull(),
    metric: text('metric').notNull(),
    kind: text('kind').notNull(),
    policyKey: text('policy_key').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), uniqueIndex().on(t.workspaceId, t.conversationId, t.metric, t.kind, t.dueAt)],
);
