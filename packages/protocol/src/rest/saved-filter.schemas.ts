import { z } from 'zod';
import { CHANNEL_KINDS, CONVERSATION_STATUSES, INBOX_SLA_STATES, LOCALES, PRIORITIES } from '@tandem/core';
import { Id, Timestamp } from '../common.ts';
import { Label } from './conversation.schemas.ts';

const anyOf = <T extends z.ZodType>(value: T, max: number) => z.array(value).max(max).default([]);

/** Conditions on the inbox: each field a list of values, any of which matches; empty matches all. */
export const InboxFilter = z.strictObject({
  statuses: anyOf(z.enum(CONVERSATION_STATUSES), CONVERSATION_STATUSES.length),
  channels: anyOf(z.enum(CHANNEL_KINDS), CHANNEL_KINDS.length),
  priorities: anyOf(z.enum(PRIORITIES), PRIORITIES.length),
  languages: anyOf(z.enum(LOCALES), LOCALES.length),
  labels: anyOf(Label, 20),
  segments: anyOf(z.string().min(1).max(64), 20).describe('Segment keys: the customer falls in one of them now'),
  sla: anyOf(z.enum(INBOX_SLA_STATES), INBOX_SLA_STATES.length),
}).meta({ id: 'InboxFilter' });
export type InboxFilter = z.output<typeof InboxFilter>;

export const CreateSavedFilterBody = z.strictObject({
  name: z.string().trim().min(1).max(40),
  filter: InboxFilter,
});

export const SavedFilter = z.object({
  id: Id,
  name: z.string(),
  filter: InboxFilter,
  createdAt: Timestamp,
}).meta({ id: 'SavedFilter' });
export type SavedFilter = z.infer<typeof SavedFilter>;
