import { and, asc, eq } from 'drizzle-orm';
import type { ChannelKind } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { channelAddresses, channels } from '../../adapters/postgres/schema.ts';

export interface ChannelRecord {
  id: string;
  kind: ChannelKind;
  name: string;
  enabled: boolean;
  /** Checked by the channel's own schema (channels/<kind>/) when written; holds secrets, never sent to clients as is. */
  config: Record<string, unknown>;
  createdAt: Date;
}

const toRecord = (r: typeof channels.$inferSelect): ChannelRecord => ({
  id: r.id,
  kind: r.kind as ChannelKind,
  name: r.name,
  enabled: r.enabled,
  config: r.config,
  createdAt: r.createdAt,
});

export async function insertChannel(q: Queryable, workspaceId: string, channel: ChannelRecord): Promise<void> {
  await q.insert(channels).values({ workspaceId, ...channel });
}

export async function listChannels(q: Queryable, workspaceId: string): Promise<ChannelRecord[]> {
  const rows = await q.select().from(channels).where(eq(channels.workspaceId, workspaceId)).orderBy(asc(channels.createdAt));
  return rows.map(toRecord);
}

export async function findChannel(q: Queryable, workspaceId: string, id: string): Promise<ChannelRecord | null> {
  const [row] = await q.select().from(channels).where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, id)));
  return row ? toRecord(row) : null;
}

/** The workspace's first enabled channel of a kind: the one replies on that kind go out through. */
export async function findSendingChannel(q: Queryable, workspaceId: string, kind: ChannelKind): Promise<ChannelRecord | null> {
  const [row] = await q.select().from(channels)
    .where(and(eq(channels.workspaceId, workspaceId), eq(channels.kind, kind), eq(channels.enabled, true)))
    .orderBy(asc(channels.createdAt)).limit(1);
  return row ? toRecord(row) : null;
}

/** Which workspace and channel receive at an inbound address (e.g. a support email address). */
export async function findChannelByAddress(q: Queryable, kind: ChannelKind, address: string): Promise<{ workspaceId: string; channel: ChannelRecord } | null> {
  const [row] = await q.select({ channel: channels }).from(channelAddresses)
    .innerJoin(channels, and(eq(channels.workspaceId, channelAddresses.workspaceId), eq(channels.id, channelAddresses.channelId)))
    .where(and(eq(channelAddresses.kind, kind), eq(channelAddresses.address, address))).limit(1);
  return row ? { workspaceId: row.channel.workspaceId, channel: toRecord(row.channel) } : null;
}

export async function updateChannel(
  q: Queryable,
  workspaceId: string,
  id: string,
  change: { name?: string | undefined; enabled?: boolean | undefined; config?: Record<string, unknown> | undefined },
): Promise<ChannelRecord | null> {
  const [row] = await q
    .update(channels)
    .set({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
      ...(change.config !== undefined ? { config: change.config } : {}),
    })
    .where(and(eq(channels.workspaceId, workspaceId), eq(channels.id, id)))
    .returning();
  return row ? toRecord(row) : null;
}
