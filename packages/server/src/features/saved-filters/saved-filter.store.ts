import { and, asc, eq } from 'drizzle-orm';
import type { InboxFilter } from '@tandem/protocol';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { savedFilters } from '../../adapters/postgres/schema.ts';

export interface SavedFilterRecord {
  id: string;
  name: string;
  filter: InboxFilter;
  createdAt: Date;
}

const visible = { id: savedFilters.id, name: savedFilters.name, filter: savedFilters.filter, createdAt: savedFilters.createdAt };

export async function listSavedFilters(q: Queryable, workspaceId: string, agentId: string): Promise<SavedFilterRecord[]> {
  const rows = await q.select(visible).from(savedFilters)
    .where(and(eq(savedFilters.workspaceId, workspaceId), eq(savedFilters.agentId, agentId)))
    .orderBy(asc(savedFilters.name));
  return rows as SavedFilterRecord[];
}

export async function insertSavedFilter(q: Queryable, row: SavedFilterRecord & { workspaceId: string; agentId: string }): Promise<void> {
  await q.insert(savedFilters).values(row);
}

/** Deletes one of the agent's own filters; false when there is none with that id. */
export async function deleteSavedFilter(q: Queryable, workspaceId: string, agentId: string, id: string): Promise<boolean> {
  const rows = await q.delete(savedFilters)
    .where(and(eq(savedFilters.workspaceId, workspaceId), eq(savedFilters.agentId, agentId), eq(savedFilters.id, id)))
    .returning({ id: savedFilters.id });
  return rows.length > 0;
}
