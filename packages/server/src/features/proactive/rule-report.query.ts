import { sql } from 'drizzle-orm';
import type { ProactiveRuleReport } from '@tandem/protocol';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';

type Group = ProactiveRuleReport['groups']['exposed'];

/**
 * A rule's effect against its control group. Each customer counts once, from their first show
 * or holdout in the period; outcomes are what they did in the 7 days after: opened a
 * conversation, had one resolved without a person (bot or self-service), tracked a `purchase`.
 */
export async function ruleReport(q: Queryable, workspaceId: string, ruleId: string, from: Date, to: Date): Promise<Omit<ProactiveRuleReport, 'ruleId' | 'from' | 'to'>> {
  const range = sql`workspace_id = ${workspaceId} AND rule_id = ${ruleId} AND occurred_at >= ${from.toISOString()}::timestamptz AND occurred_at < ${to.toISOString()}::timestamptz`;
  const outcomes = rowsOf<{ outcome: string; reason: string | null; n: number }>(await q.execute(sql`
    SELECT outcome, reason, count(*)::int AS n FROM proactive_exposures WHERE ${range} GROUP BY outcome, reason`));
  const groups = rowsOf<{ grp: string; customers: number; opened: number; self_service: number; purchases: number }>(await q.execute(sql`
    WITH firsts AS (
      SELECT customer_id, min(occurred_at) AS at, (array_agg(outcome ORDER BY occurred_at))[1] AS grp
      FROM proactive_exposures WHERE ${range} AND outcome IN ('shown', 'holdout')
      GROUP BY customer_id
    )
    SELECT f.grp, count(*)::int AS customers,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM conversations c
        WHERE c.workspace_id = ${workspaceId} AND c.customer_id = f.customer_id AND c.created_at >= f.at AND c.created_at < f.at + interval '7 days'))::int AS opened,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM conversation_facts cf
        WHERE cf.workspace_id = ${workspaceId} AND cf.customer_id = f.customer_id AND cf.created_at >= f.at AND cf.created_at < f.at + interval '7 days'
          AND cf.status = 'resolved' AND NOT cf.handed_off AND cf.agent_messages = 0))::int AS self_service,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM timeline_events t
        WHERE t.workspace_id = ${workspaceId} AND t.customer_id = f.customer_id AND t.type = 'custom' AND t.data->>'name' = 'purchase'
          AND t.occurred_at >= f.at AND t.occurred_at < f.at + interval '7 days'))::int AS purchases
    FROM firsts f GROUP BY f.grp`));
  const group = (name: string): Group => {
    const row = groups.find((g) => g.grp === name);
    return { customers: row?.customers ?? 0, conversationsOpened: row?.opened ?? 0, selfServiceResolved: row?.self_service ?? 0, purchases: row?.purchases ?? 0 };
  };
  const total = (outcome: string) => outcomes.filter((o) => o.outcome === outcome).reduce((sum, o) => sum + o.n, 0);
  return {
    shown: total('shown'),
    holdout: total('holdout'),
    suppressed: Object.fromEntries(outcomes.filter((o) => o.outcome === 'suppressed' && o.reason).map((o) => [o.reason, o.n])),
    groups: { exposed: group('shown'), control: group('holdout') },
  };
}
