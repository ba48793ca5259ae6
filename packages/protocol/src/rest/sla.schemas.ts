import { z } from 'zod';
import { CHANNEL_KINDS, PRIORITIES, SLA_METRICS, SLA_STATES } from '@tandem/core';
import { Id, Timestamp } from '../common.ts';

const Seconds = z.number().int().min(1).max(90 * 24 * 3600);

export const SlaPolicyBody = z.strictObject({
  key: z.string().regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'lower-case words joined by - or _').max(60),
  name: z.string().trim().min(1).max(120),
  priorities: z.array(z.enum(PRIORITIES)).max(4).default([]).describe('Empty: every priority'),
  channels: z.array(z.enum(CHANNEL_KINDS)).max(6).default([]).describe('Empty: every channel'),
  segments: z.array(z.string().min(1).max(60)).max(20).default([]).describe('Empty: every customer'),
  targets: z.partialRecord(z.enum(SLA_METRICS), Seconds).refine((t) => Object.keys(t).length > 0, 'at least one target')
    .describe('Business seconds for first response, next response and resolution'),
  warnAtFraction: z.number().min(0.1).max(0.99).default(0.8),
  escalation: z.strictObject({
    boostPriority: z.boolean().default(true),
    notifyAgentIds: z.array(Id).max(20).default([]),
    reassign: z.boolean().default(false),
  }).default({ boostPriority: true, notifyAgentIds: [], reassign: false }),
}).meta({ id: 'SlaPolicy' });

export const SlaPoliciesBody = z.strictObject({
  items: z.array(SlaPolicyBody).max(50).refine((items) => new Set(items.map((p) => p.key)).size === items.length, 'keys are unique'),
}).describe('The whole ordered list: the first policy that matches a conversation applies');

export const SlaMeasure = z.object({
  metric: z.enum(SLA_METRICS),
  targetSeconds: z.number().int(),
  startedAt: Timestamp,
  stoppedAt: Timestamp.nullable(),
  state: z.enum([...SLA_STATES, 'met']),
  dueAt: Timestamp.nullable(),
  elapsedSeconds: z.number(),
}).meta({ id: 'SlaMeasure' });

export const ConversationSla = z.object({
  policy: z.string().nullable(),
  measures: z.array(SlaMeasure),
  events: z.array(z.object({ metric: z.enum(SLA_METRICS), kind: z.enum(['warning', 'breach']), dueAt: Timestamp, createdAt: Timestamp })),
}).meta({ id: 'ConversationSla' });
