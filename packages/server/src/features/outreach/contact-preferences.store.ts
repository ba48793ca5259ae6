import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { contactPreferences } from '../../adapters/postgres/schema.ts';

/** A customer's own wishes about outreach (absent row: none expressed). */
export interface ContactPreferences {
  doNotDisturb: boolean;
  noticesOptedOut: boolean;
}

export async function findPreferences(q: Queryable, workspaceId: string, customerId: string): Promise<ContactPreferences> {
  const [row] = await q.select({ doNotDisturb: contactPreferences.doNotDisturb, noticesOptedOut: contactPreferences.noticesOptedOut })
    .from(contactPreferences).where(and(eq(contactPreferences.workspaceId, workspaceId), eq(contactPreferences.customerId, customerId)));
  return row ?? { doNotDisturb: false, noticesOptedOut: false };
}

export async function savePreference(q: Queryable, workspaceId: string, customerId: string, change: Partial<ContactPreferences>, now: Date): Promise<void> {
  await q.insert(contactPreferences).values({ workspaceId, customerId, ...change, updatedAt: now })
    .onConflictDoUpdate({ target: [contactPreferences.workspaceId, contactPreferences.customerId], set: { ...change, updatedAt: now } });
}
