import { timestamp, uuid } from 'drizzle-orm/pg-core';

// Columns every tenant table shares.
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull();
export const workspaceId = () => uuid('workspace_id').notNull();
export const id = () => uuid('id').notNull();
