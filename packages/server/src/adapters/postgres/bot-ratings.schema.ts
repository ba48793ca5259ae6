// Customers' thumbs up/down on bot answers (re-exported by schema.ts, which drizzle-kit reads).
import { boolean, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { createdAt, workspaceId } from './columns.ts';

/** One rating per bot answer: rating again replaces it. Thumbs-down ones reach the feedback inbox. */
export const botAnswerRatings = pgTable(
  'bot_answer_ratings',
  {
    workspaceId: workspaceId(),
    messageId: uuid('message_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    helpful: boolean('helpful').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.messageId] })],
);
