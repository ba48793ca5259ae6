import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Locale } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { cannedResponses } from '../../adapters/postgres/schema.ts';

export type CannedResponseRecord = Omit<typeof cannedResponses.$inferSelect, 'locale'> & { locale: Locale };
export type CannedResponseFields = Pick<CannedResponseRecord, 'shortcut' | 'locale' | 'title' | 'body'>;

const toRecord = (row: typeof cannedResponses.$inferSelect) => row as CannedResponseRecord;
// `%` and `_` typed by an agent are searched for, not wildcards.
const contains = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

export async function insertCannedResponse(q: Queryable, record: CannedResponseRecord): Promise<void> {
  await q.insert(cannedResponses).values(record);
}

export async function updateCannedResponse(
  q: Queryable,
  workspaceId: string,
  id: string,
  change: Partial<CannedResponseFields> & { updatedAt: Date },
): Promise<CannedResponseRecord | null> {
  const [row] = await q.update(cannedResponses).set(change)
    .where(and(eq(cannedResponses.workspaceId, workspaceId), eq(cannedResponses.id, id))).returning();
  return row ? toRecord(row) : null;
}

export async function deleteCannedResponse(q: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const rows = await q.delete(cannedResponses)
    .where(and(eq(cannedResponses.workspaceId, workspaceId), eq(cannedResponses.id, id))).returning({ id: cannedResponses.id });
  return rows.length > 0;
}

/** Ordered by shortcut (then language); `text` matches shortcut, title or body, ignoring case. */
export async function searchCannedResponses(
  q: Queryable,
  workspaceId: string,
  filter: { text?: string | undefined; locale?: Locale | undefined; limit: number },
): Promise<CannedResponseRecord[]> {
  const pattern = filter.text ? contains(filter.text) : null;
  const rows = await q.select().from(cannedResponses)
    .where(and(
      eq(cannedResponses.workspaceId, workspaceId),
      filter.locale ? eq(cannedResponses.locale, filter.locale) : undefined,
      pattern ? or(ilike(cannedResponses.shortcut, pattern), ilike(cannedResponses.title, pattern), ilike(cannedResponses.body, pattern)) : undefined,
    ))
    .orderBy(asc(cannedResponses.shortcut), asc(cannedResponses.locale))
    .limit(filter.limit);
  return rows.map(toRecord);
}
