import { z } from 'zod';
import { AGENT_STATUSES, ASSIGNMENT_METHODS, CAPACITY_KINDS } from '@tandem/core';
import { Id, Timestamp } from '../common.ts';
import { BusinessHours } from './widget.schemas.ts';

const Skill = z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N}_-]+$/u, 'letters, digits, - and _');
const Count = z.number().int().min(0).max(100);

export const Capacity = z.strictObject({ voice: Count, live: Count, async: Count })
  .describe('How many open conversations of each kind an agent holds at once (defaults 1 voice, 3 live, 8 asynchronous)')
  .meta({ id: 'Capacity' });

export const PresenceBody = z.strictObject({
  status: z.enum(AGENT_STATUSES).optional(),
  capacity: Capacity.nullable().optional().describe('null: the team’s or the default capacity'),
}).refine((b) => b.status !== undefined || b.capacity !== undefined, 'give `status`, `capacity` or both');

export const RoutingAgent = z.object({
  id: Id,
  name: z.string(),
  status: z.enum(AGENT_STATUSES),
  teamIds: z.array(Id),
  skills: z.array(z.string()),
  capacity: Capacity,
  load: z.record(z.enum(CAPACITY_KINDS), z.number().int()),
  lastAssignedAt: Timestamp.nullable(),
}).meta({ id: 'RoutingAgent' });

export const OverflowStep = z.strictObject({
  afterSeconds: z.number().int().min(0).max(7 * 24 * 3600),
  widen: z.enum(['optional-skills', 'teams']).describe('Drop the optional skills, or add other teams’ agents'),
  teamIds: z.array(Id).max(20).optional(),
}).refine((s) => s.widen !== 'teams' || (s.teamIds?.length ?? 0) > 0, { message: 'widening to teams names them', path: ['teamIds'] });

export const QueuePolicyBody = z.strictObject({
  method: z.enum(ASSIGNMENT_METHODS).default('least-loaded'),
  requiredSkills: z.array(Skill).max(20).default([]),
  optionalSkills: z.array(Skill).max(20).default([]),
  stickyWindowSeconds: z.number().int().min(0).max(365 * 24 * 3600).default(7 * 24 * 3600).describe('A returning customer goes back to their last agent within this window (0: never)'),
  overflow: z.array(OverflowStep).max(5).default([]),
  capacity: Capacity.nullable().default(null).describe('The team’s default capacity for its agents'),
  hours: BusinessHours.nullable().default(null).describe('When the team works; outside them its conversations wait (null: whenever its agents are online)'),
  holidays: z.array(z.iso.date()).max(366).default([]).describe('Whole days the team is closed, as local dates'),
  reassignAfterSeconds: z.number().int().min(0).max(7 * 24 * 3600).default(0).describe('An assigned conversation nobody answered in this time goes back to the queue, priority kept (0: never)'),
}).meta({ id: 'QueuePolicyBody' });

export const QueuePolicy = z.object({ teamId: Id, ...QueuePolicyBody.shape }).meta({ id: 'QueuePolicy' });

export const QueuePlace = z.object({
  conversationId: Id,
  customerId: Id,
  position: z.number().int().min(1),
  expectedWaitSeconds: z.number().int().min(0).nullable().describe('null while nobody is online or the team is closed'),
  opensAt: Timestamp.nullable().describe('When the conversation’s team is closed: when it opens'),
}).meta({ id: 'QueuePlace' });

export const RoutingEvent = z.object({
  id: Id,
  conversationId: Id,
  kind: z.enum(['queued', 'assigned', 'accepted', 'transferred', 'requeued']),
  agentId: Id.nullable(),
  teamId: Id.nullable(),
  reason: z.string(),
  createdAt: Timestamp,
}).meta({ id: 'RoutingEvent' });

export const TransferBody = z.strictObject({
  teamId: Id.nullable().optional(),
  agentId: Id.nullable().optional(),
  note: z.string().trim().max(2000).optional(),
}).refine((b) => b.teamId || b.agentId, 'transfer to a team, an agent, or both');
