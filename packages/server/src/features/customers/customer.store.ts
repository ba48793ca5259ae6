import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_CONSENT, type IdentityKind } from '@tandem/core';
import { pgCode, type Queryable } from '../../adapters/postgres/database.ts';
import { customers, identities } from '../../adapters/postgres/schema.ts';
import type { CustomerRecord, IdentityRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';

type CustomerRow = typeof customers.$inferSelect;

const toIdentity = (r: typeof identities.$inferSelect): IdentityRecord => ({
  id: r.id,
  kind: r.kind as IdentityKind,
  value: r.value,
  createdAt: r.createdAt,
});

function toRecord(row: CustomerRow, ids: IdentityRecord[]): CustomerRecord {
  return { ...row, consent: { ...DEFAULT_CONSENT, ...row.consent }, identities: ids };
}

export async function insertCustomer(q: Queryable, c: Omit<CustomerRecord, 'identities'>): Promise<void> {
  await q.insert(customers).values(c);
}

export async function insertIdentity(
  q: Queryable,
  identity: IdentityRecord & { workspaceId: string; customerId: string },
): Promise<void> {
  try {
    await q.insert(identities).values(identity);
  } catch (error) {
    if (pgCode(error) === '23505') {
      throw appError('identity.taken', `${identity.kind} ${identity.value} belongs to another customer.`, { cause: error });
    }
    throw error;
  }
}

async function identitiesOf(q: Queryable, workspaceId: string, customerIds: string[]) {
  if (customerIds.length === 0) return new Map<string, IdentityRecord[]>();
  const rows = await q
    .select()
    .from(identities)
    .where(and(eq(identities.workspaceId, workspaceId), inArray(identities.customerId, customerIds)))
    .orderBy(asc(identities.createdAt));
  const byCustomer = new Map<string, IdentityRecord[]>();
  for (const r of rows) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), toIdentity(r)]);
  return byCustomer;
}

export async function findCustomer(
  q: Queryable,
  workspaceId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CustomerRecord | null> {
  const query = q.select().from(customers).where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) return null;
  return toRecord(row, (await identitiesOf(q, workspaceId, [id])).get(id) ?? []);
}

export async function findCustomerIdByIdentity(
  q: Queryable,
  workspaceId: string,
  kind: IdentityKind,
  value: string,
): Promise<string | null> {
  const [row] = await q
    .select({ customerId: identities.customerId })
    .from(identities)
    .where(and(eq(identities.workspaceId, workspaceId), eq(identities.kind, kind), eq(identities.value, value)));
  return row?.customerId ?? null;
}

export async function listCustomers(
  q: Queryable,
  workspaceId: string,
  options: { before: string | null; limit: number; identity?: string },
): Promise<CustomerRecord[]> {
  const byIdentity = options.identity
    ? inArray(
        customers.id,
        q
          .select({ id: identities.customerId })
          .from(identities)
          .where(and(eq(identities.workspaceId, workspaceId), eq(identities.value, options.identity))),
      )
    : undefined;
  const rows = await q
    .select()
    .from(customers)
    .where(
      and(
        eq(customers.workspaceId, workspaceId),
        options.before ? sql`${customers.id} < ${options.before}` : undefined,
        byIdentity,
      ),
    )
    .orderBy(desc(customers.id))
    .limit(options.limit);
  const ids = await identitiesOf(q, workspaceId, rows.map((r) => r.id));
  return rows.map((r) => toRecord(r, ids.get(r.id) ?? []));
}

export async function updateCustomerRow(
  q: Queryable,
  workspaceId: string,
  id: string,
  change: Partial<Pick<CustomerRecord, 'name' | 'attributes' | 'consent' | 'mergedIntoId' | 'updatedAt'>>,
): Promise<void> {
  await q.update(customers).set(change).where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)));
}

/** Row-locks a customer for the rest of the transaction; false if there is no such customer. */
/** The attribute that marks an erased customer's tombstone (its value: when). */
export const ERASED_ATTRIBUTE = 'erasedAt';

/** Locks the customer's row until the transaction ends; answers whether it is there and whether it is an erased tombstone. */
export async function lockCustomer(q: Queryable, workspaceId: string, id: string): Promise<{ erased: boolean } | null> {
  const [row] = await q
    .select({ attributes: customers.attributes })
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, id)))
    .for('update');
  return row ? { erased: ERASED_ATTRIBUTE in (row.attributes ?? {}) } : null;
}
