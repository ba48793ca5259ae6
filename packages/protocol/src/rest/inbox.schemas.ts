import { z } from 'zod';
import { CONVERSATION_STATUSES, MESSAGE_AUTHORS } from '@tandem/core';
import { Id, PageQuery, Timestamp } from '../common.ts';
import { Conversation } from './conversation.schemas.ts';

/** Characters of the last message shown in a row. */
export const PREVIEW_MAX_CHARS = 160;

export const InboxQuery = z.strictObject({
  status: z.string().max(100).default('open,pending,snoozed')
    .describe(`Comma-separated statuses (${CONVERSATION_STATUSES.join(', ')})`)
    .transform((list) => [...new Set(list.split(','))])
    .pipe(z.array(z.enum(CONVERSATION_STATUSES)).min(1)),
  cursor: PageQuery.shape.cursor,
  limit: z.coerce.number().int().min(1).max(1000).default(500).describe('Up to 1000: the console loads its working set in a few requests'),
});

export const InboxPreview = z.object({
  body: z.string().describe(`The first ${PREVIEW_MAX_CHARS} characters, whitespace collapsed`),
  author: z.enum(MESSAGE_AUTHORS),
  private: z.boolean(),
  createdAt: Timestamp,
});

export const InboxRow = z.object({
  conversation: Conversation,
  customer: z.object({
    id: Id,
    name: z.string().nullable(),
    email: z.string().nullable(),
    segments: z.array(z.string()).describe('Keys of the segments the customer falls in now'),
  }),
  preview: InboxPreview.nullable().describe('The last message, private notes included; null when there is none'),
  waitingSince: Timestamp.nullable().describe('The customer’s oldest message since the last reply: by an agent, or by the bot while it has the conversation (its handoff message is no reply; private notes are none); null when nobody waits on us'),
  slaDueAt: Timestamp.nullable().describe('The earliest deadline of a running SLA target (open and pending conversations)'),
  slaBreached: z.boolean().describe('A running SLA target is past its deadline'),
}).meta({ id: 'InboxRow' });
export type InboxRow = z.infer<typeof InboxRow>;
