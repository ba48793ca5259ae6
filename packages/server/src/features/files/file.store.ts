import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { files } from '../../adapters/postgres/schema.ts';

export type FileRecord = typeof files.$inferSelect;

export async function insertFile(q: Queryable, file: FileRecord): Promise<void> {
  await q.insert(files).values(file);
}

export async function findFileByKey(q: Queryable, workspaceId: string, key: string): Promise<FileRecord | null> {
  const [row] = await q.select().from(files).where(and(eq(files.workspaceId, workspaceId), eq(files.key, key)));
  return row ?? null;
}
