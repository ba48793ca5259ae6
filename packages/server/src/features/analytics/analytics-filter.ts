import { sql, type SQL } from 'drizzle-orm';
import { localParts } from '@tandem/core';
import type { AnalyticsQuery } from '@tandem/protocol';

/** The dashboards' filters over conversation_facts (alias `f`): days in the workspace's time zone, both ends included. */
export function factsWhere(workspaceId: string, q: AnalyticsQuery, options: { days: boolean } = { days: true }): SQL {
  const parts: SQL[] = [sql`f.workspace_id = ${workspaceId}`];
  if (options.days) parts.push(sql`f.day BETWEEN ${q.from}::date AND ${q.to}::date`);
  if (q.channel) parts.push(sql`${q.channel} = ANY(f.channels)`);
  if (q.teamId) parts.push(sql`f.team_id = ${q.teamId}`);
  if (q.agentId) parts.push(sql`f.agent_id = ${q.agentId}`);
  if (q.segment) parts.push(sql`${q.segment} = ANY(f.segments)`);
  if (q.language) parts.push(sql`f.language = ${q.language}`);
  return sql.join(parts, sql` AND `);
}

export const num = (value: unknown): number => Number(value ?? 0);
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** The instant a local day (`YYYY-MM-DD`) starts in `timeZone` (the offset read at UTC midnight of that day). */
export function localMidnight(day: string, timeZone: string): Date {
  const guess = Date.parse(`${day}T00:00:00Z`);
  const p = localParts(new Date(guess), timeZone);
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - guess;
  return new Date(guess - offset);
}

/** The day after a `YYYY-MM-DD` day. */
export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
