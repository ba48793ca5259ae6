import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { agents } from '../../adapters/postgres/schema.ts';

const agentKey = (workspaceId: string, id: string) => and(eq(agents.workspaceId, workspaceId), eq(agents.id, id));

/**
 * Counts one more failed sign-in; at `maxFailures` in a row it locks the agent until `lockUntil`
 * and starts the count again. One statement, so concurrent failures cannot both slip under the
 * limit. Returns the lock's end when this failure set it, else null.
 */
export async function recordLoginFailure(
  q: Queryable,
  workspaceId: string,
  id: string,
  options: { maxFailures: number; lockUntil: Date },
): Promise<Date | null> {
  const reached = sql`${agents.failedLogins} + 1 >= ${options.maxFailures}`;
  const [row] = await q
    .update(agents)
    .set({
      failedLogins: sql`case when ${reached} then 0 else ${agents.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${reached} then ${options.lockUntil.toISOString()}::timestamptz else ${agents.lockedUntil} end`,
    })
    .where(agentKey(workspaceId, id))
    .returning({ failedLogins: agents.failedLogins, lockedUntil: agents.lockedUntil });
  // The count only goes back to 0 when this very failure reached the limit.
  return row && row.failedLogins === 0 ? row.lockedUntil : null;
}

export async function resetLoginFailures(q: Queryable, workspaceId: string, id: string): Promise<void> {
  await q.update(agents).set({ failedLogins: 0, lockedUntil: null }).where(agentKey(workspaceId, id));
}

export interface TotpState {
  email: string;
  secret: string | null;
  enabledAt: Date | null;
}

export async function findTotpState(q: Queryable, workspaceId: string, id: string): Promise<TotpState | null> {
  const [row] = await q
    .select({ email: agents.email, secret: agents.totpSecret, enabledAt: agents.totpEnabledAt })
    .from(agents)
    .where(agentKey(workspaceId, id));
  return row ?? null;
}

/** A new pending secret; refused (false) once two-factor is on. */
export async function storePendingTotp(q: Queryable, workspaceId: string, id: string, secret: string): Promise<boolean> {
  const rows = await q
    .update(agents)
    .set({ totpSecret: secret })
    .where(and(agentKey(workspaceId, id), isNull(agents.totpEnabledAt)))
    .returning({ id: agents.id });
  return rows.length > 0;
}

/** Turns two-factor on for the secret that was checked; false when it changed meanwhile. */
export async function enableTotp(q: Queryable, workspaceId: string, id: string, secret: string, at: Date): Promise<boolean> {
  const rows = await q
    .update(agents)
    .set({ totpEnabledAt: at })
    .where(and(agentKey(workspaceId, id), eq(agents.totpSecret, secret), isNull(agents.totpEnabledAt)))
    .returning({ id: agents.id });
  return rows.length > 0;
}

export async function disableTotp(q: Queryable, workspaceId: string, id: string): Promise<boolean> {
  const rows = await q
    .update(agents)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(and(agentKey(workspaceId, id), isNotNull(agents.totpEnabledAt)))
    .returning({ id: agents.id });
  return rows.length > 0;
}

/**
 * Takes `step` as used when it is later than the last accepted one: one statement, so two
 * processes shown the same code cannot both accept it.
 */
export async function acceptTotpStep(q: Queryable, workspaceId: string, id: string, step: number): Promise<boolean> {
  const rows = await q
    .update(agents)
    .set({ totpLastStep: step })
    .where(and(agentKey(workspaceId, id), or(isNull(agents.totpLastStep), lt(agents.totpLastStep, step))))
    .returning({ id: agents.id });
  return rows.length > 0;
}
