import { eq } from 'drizzle-orm';
import { DEFAULT_PRIVACY_SETTINGS, DEFAULT_PROACTIVE_CAPS } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { workspaces } from '../../adapters/postgres/schema.ts';
import type { WorkspaceRecord, WorkspaceSettings } from '../../domain/records.ts';

export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = {
  conversationGrouping: 'contact',
  reopenWindowHours: 72,
  widgetOrigins: [],
  widget: { color: '#1f6feb', position: 'right', greeting: {} },
  businessHours: null,
  bot: { enabled: true, strategy: 'bot-first', threshold: null },
  vertical: null,
  prechat: { topics: [], chooseBotOrPerson: false },
  csat: { enabled: true, delayMinutes: 60 },
  proactive: DEFAULT_PROACTIVE_CAPS,
  privacy: DEFAULT_PRIVACY_SETTINGS,
};

const toRecord = (row: typeof workspaces.$inferSelect): WorkspaceRecord => ({
  id: row.id,
  name: row.name,
  slug: row.slug,
  settings: { ...DEFAULT_WORKSPACE_SETTINGS, ...(row.settings as Partial<WorkspaceSettings>) },
  createdAt: row.createdAt,
});

export async function insertWorkspace(q: Queryable, w: WorkspaceRecord): Promise<void> {
  await q.insert(workspaces).values({ ...w, settings: { ...w.settings } });
}

/** With `lock`, inside a transaction, the row stays locked until it ends (read, change, write back). */
export async function findWorkspace(q: Queryable, id: string, options: { lock?: boolean } = {}): Promise<WorkspaceRecord | null> {
  const query = q.select().from(workspaces).where(eq(workspaces.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ? toRecord(row) : null;
}

export async function findWorkspaceBySlug(q: Queryable, slug: string): Promise<WorkspaceRecord | null> {
  const [row] = await q.select().from(workspaces).where(eq(workspaces.slug, slug));
  return row ? toRecord(row) : null;
}

export async function updateWorkspace(
  q: Queryable,
  id: string,
  change: { name?: string; settings?: WorkspaceSettings },
): Promise<WorkspaceRecord | null> {
  const [row] = await q
    .update(workspaces)
    .set({ ...(change.name ? { name: change.name } : {}), ...(change.settings ? { settings: { ...change.settings } } : {}) })
    .where(eq(workspaces.id, id))
    .returning();
  return row ? toRecord(row) : null;
}

export async function listWorkspaceSlugs(q: Queryable, limit: number): Promise<string[]> {
  return (await q.select({ slug: workspaces.slug }).from(workspaces).orderBy(workspaces.createdAt).limit(limit)).map((r) => r.slug);
}

export async function countWorkspaces(q: Queryable): Promise<number> {
  const rows = await q.select({ id: workspaces.id }).from(workspaces).limit(1);
  return rows.length;
}

export async function findIdentitySecret(q: Queryable, id: string): Promise<string | null> {
  const [row] = await q.select({ secret: workspaces.identitySecret }).from(workspaces).where(eq(workspaces.id, id));
  return row?.secret ?? null;
}

export async function setIdentitySecret(q: Queryable, id: string, secret: string): Promise<void> {
  await q.update(workspaces).set({ identitySecret: secret }).where(eq(workspaces.id, id));
}

/** Every workspace's id, for passes that run over all of them (admin tooling and the periodic passes). */
export async function listWorkspaceIds(q: Queryable): Promise<string[]> {
  const rows = await q.select({ id: workspaces.id }).from(workspaces);
  return rows.map((r) => r.id);
}
