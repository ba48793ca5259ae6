import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TimelineEventType } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { timelineEvents } from '../../adapters/postgres/schema.ts';
import type { TimelineEventRecord } from '../../domain/records.ts';

export async function insertTimelineEvent(q: Queryable, event: TimelineEventRecord): Promise<void> {
  await q.insert(timelineEvents).values(event);
}

/** Newest first, keyset-paginated on (occurred_at, id). */
export async function listTimeline(
  q: Queryable,
  workspaceId: string,
  customerIds: string[],
  options: { before: [string, string] | null; limit: number },
): Promise<TimelineEventRecord[]> {
  const rows = await q
    .select()
    .from(timelineEvents)
    .where(
      and(
        eq(timelineEvents.workspaceId, workspaceId),
        inArray(timelineEvents.customerId, customerIds),
        options.before
          ? sql`(${timelineEvents.occurredAt}, ${timelineEvents.id}) < (${options.before[0]}::timestamptz, ${options.before[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(timelineEvents.occurredAt), desc(timelineEvents.id))
    .limit(options.limit);
  return rows.map((r) => ({ ...r, type: r.type as TimelineEventType }));
}
