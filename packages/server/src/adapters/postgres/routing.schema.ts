// Routing's tables (re-exported by schema.ts, which drizzle-kit reads).
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { BusinessHours, Capacity, OverflowStep, SegmentRule } from '@tandem/core';
import { createdAt, id, workspaceId } from './columns.ts';

/** Whether an agent takes work now, and how much they can hold (null = the team's or the default). */
export const agentPresence = pgTable(
  'agent_presence',
  {
    workspaceId: workspaceId(),
    agentId: uuid('agent_id').notNull(),
    status: text('status').notNull().default('offline'),
    capacity: jsonb('capacity').$type<Capacity>(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
    lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.agentId] })],
);

/** A team's queue policy: who may take its conversations, how they are chosen, and how the search widens. */
export const queuePolicies = pgTable(
  'queue_policies',
  {
    workspaceId: workspaceId(),
    teamId: uuid('team_id').notNull(),
    method: text('method').notNull(),
    requiredSkills: text('required_skills').array().notNull().default([]),
    optionalSkills: text('optional_skills').array().notNull().default([]),
    stickyWindowSeconds: integer('sticky_window_seconds').notNull(),
    overflow: jsonb('overflow').$type<OverflowStep[]>().notNull().default([]),
    capacity: jsonb('capacity').$type<Capacity>(),
    /** An assigned conversation nobody answered within this many seconds goes back to the queue (0: never). */
    reassignAfterSeconds: integer('reassign_after_seconds').notNull().default(0),
    /** When the team works (null: whenever its agents are online) and the days it is closed. */
    hours: jsonb('hours').$type<BusinessHours>(),
    holidays: text('holidays').array().notNull().default([]),
    roundRobinCursor: uuid('round_robin_cursor'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.teamId] })],
);

/** Every routing decision with its reason ("assigned to Lan: skills vi+billing, load 3/8 async, sticky"). */
export const routingEvents = pgTable(
  'routing_events',
  {
    workspaceId: workspaceId(),
    id: id(),
    conversationId: uuid('conversation_id').notNull(),
    kind: text('kind').notNull(),
    agentId: uuid('agent_id'),
    teamId: uuid('team_id'),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index().on(t.workspaceId, t.conversationId, t.createdAt)],
);

/** Customer segments: a rule over attributes and behaviour, and the service strategy it implies. */
export const segments = pgTable(
  'segments',
  {
    workspaceId: workspaceId(),
    key: text('key').notNull(),
    name: jsonb('name').$type<Record<string, string>>().notNull(),
    rule: jsonb('rule').$type<SegmentRule>().notNull(),
    strategy: text('strategy'),
    priority: integer('priority').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);
