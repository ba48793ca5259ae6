import { z } from 'zod';
import { Id, Timestamp } from '../common.ts';

export const Mention = z.object({
  id: Id,
  messageId: Id.describe('The private note that mentions you'),
  conversationId: Id,
  authorId: Id.describe('The agent who wrote the note'),
  createdAt: Timestamp,
  seenAt: Timestamp.nullable(),
}).meta({ id: 'Mention' });
export type Mention = z.infer<typeof Mention>;

export const ListMentionsQuery = z.strictObject({
  unseen: z.enum(['true', 'false']).default('false').describe('true: only the mentions not seen yet'),
});

export const MarkMentionsSeenBody = z.strictObject({
  conversationId: Id.describe('Marks your mentions in this conversation seen'),
});

export const MentionsSeen = z.object({ ok: z.literal(true), count: z.number().int().describe('How many were newly marked seen') });
