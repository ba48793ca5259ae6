import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { auditEntries } from '../../adapters/postgres/schema.ts';
import type { Actor } from '../../domain/records.ts';

export type AuditRow = typeof auditEntries.$inferSelect;

export async function recordAudit(
  q: Queryable,
  entry: { workspaceId: string; id: string; actor: Actor; action: string; targetType: string; targetId: string; data: Record<string, unknown>; at: Date },
): Promise<void> {
  await q.insert(auditEntries).values({
    workspaceId: entry.workspaceId,
    id: entry.id,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    data: entry.data,
    createdAt: entry.at,
  });
}

export async function findAuditForRevert(q: Queryable, workspaceId: string, id: string): Promise<AuditRow | null> {
  const [row] = await q
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.workspaceId, workspaceId), eq(auditEntries.id, id)))
    .for('update');
  return row ?? null;
}

export async function markReverted(q: Queryable, workspaceId: string, id: string, at: Date): Promise<void> {
  await q
    .update(auditEntries)
    .set({ revertedAt: at })
    .where(and(eq(auditEntries.workspaceId, workspaceId), eq(auditEntries.id, id), isNull(auditEntries.revertedAt)));
}

export async function listAudit(
  q: Queryable,
  workspaceId: string,
  options: { before: string | null; limit: number; targetId?: string },
): Promise<AuditRow[]> {
  return q
    .select()
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.workspaceId, workspaceId),
        options.targetId ? eq(auditEntries.targetId, options.targetId) : undefined,
        options.before ? sql`${auditEntries.id} < ${options.before}` : undefined,
      ),
    )
    .orderBy(desc(auditEntries.id))
    .limit(options.limit);
}
