import { and, count, eq } from 'drizzle-orm';
import { availabilityAt, LOCALES, type Locale, type VisitorFacts } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { agentPresence } from '../../adapters/postgres/schema.ts';
import type { CustomerRecord, WorkspaceRecord } from '../../domain/records.ts';
import { segmentsOf } from '../segments/segment.store.ts';

// A visitor whose profile is older than this came before: they are returning.
const RETURNING_AFTER_MS = 30 * 60 * 1000;

/** What a rule's audience is checked against, read fresh (hours and who is online change). */
export async function visitorFacts(q: Queryable, workspace: WorkspaceRecord, customer: CustomerRecord, now: Date): Promise<VisitorFacts> {
  const [segments, [online]] = await Promise.all([
    segmentsOf(q, workspace.id, [customer.id], now),
    q.select({ n: count() }).from(agentPresence).where(and(eq(agentPresence.workspaceId, workspace.id), eq(agentPresence.status, 'online'))),
  ]);
  const locale = customer.attributes.locale;
  return {
    segments: segments.get(customer.id) ?? [],
    locale: LOCALES.includes(locale as Locale) ? (locale as Locale) : null,
    returning: now.getTime() - customer.createdAt.getTime() > RETURNING_AFTER_MS,
    identified: customer.identities.some((i) => i.kind !== 'web'),
    withinBusinessHours: availabilityAt(workspace.settings.businessHours, now).open,
    agentsAvailable: (online?.n ?? 0) > 0,
  };
}
