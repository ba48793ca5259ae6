import { and, asc, eq } from 'drizzle-orm';
import type { ChannelKind } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { channels } from '../../adapters/postgres/schema.ts';

export interface ChannelRecord {
  id: string;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  createdAt: Date;
}

const toRecord = (r: typeof channels.$inferSelect): ChannelRecord => ({
  id: r.id,
  kind: r.kind as ChannelKind,
  name: r.name,
  enabled: r.enabled,
  createdAt: r.createdAt,
});

export async function insertChannel(q: Queryable, workspaceId: string, channel: ChannelRecord): Promise<void> {
  await q.insert(channels).values({ workspaceId, ...channel });
}

export async function listChannels(q: Queryable, workspaceId: string): Promise<ChannelRecord[]> {
  const rows = await q.select().from(channels).where(eq(channels.workspaceId, workspaceId)).orderBy(asc(channels.createdAt));
  return rows.map(toRecord);
}

export async function updateChannel(
  q: Queryable,
  workspaceId: string,
  id: string,
  change: { name?: string | undefined; enabled?: boolean | undefined },
): Promise<ChannelRecord | null> {
  const [row] = await q
    .update(channels)
    .set({ ...(change.name !== undefined ? { name: change.name } : {}), ...(change.enabled !== undefined ? { enabled: change.enabled } : {}) })
    .where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, id)))
    .returning();
  return row ? toRecord(row) : null;
}
