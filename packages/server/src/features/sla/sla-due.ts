import { measureSla, pickSlaPolicy, type BusinessHours, type Schedule } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import type { StoredPolicy } from '../routing/routing.store.ts';
import { conversationTimes, listSlaPolicies } from './sla.store.ts';

/** Which hours a conversation's clocks run in: its team's, when the team has hours, else the workspace's. */
export function scheduleResolver(workspaceHours: BusinessHours | null, teamPolicies: ReadonlyMap<string, StoredPolicy>): (teamId: string | null) => Schedule {
  const fallback: Schedule = { hours: workspaceHours, holidays: [] };
  return (teamId) => {
    const team = teamId ? teamPolicies.get(teamId)?.schedule : undefined;
    return team?.hours ? team : fallback;
  };
}

/**
 * The earliest running SLA deadline of each open conversation: routing lifts those about to
 * breach in the queue. Empty when the workspace sets no SLA.
 */
export async function slaDeadlines(q: Queryable, workspaceId: string, teamPolicies: ReadonlyMap<string, StoredPolicy>, now: Date): Promise<Map<string, Date>> {
  const policies = await listSlaPolicies(q, workspaceId);
  if (policies.length === 0) return new Map();
  const [workspace, open] = await Promise.all([findWorkspace(q, workspaceId), conversationTimes(q, workspaceId, null)]);
  const scheduleOf = scheduleResolver(workspace?.settings.businessHours ?? null, teamPolicies);
  const deadlines = new Map<string, Date>();
  for (const conversation of open) {
    const policy = pickSlaPolicy(policies, { priority: conversation.priority, channel: conversation.channel, segments: [] });
    if (!policy) continue;
    const due = measureSla(policy, conversation, scheduleOf(conversation.teamId), now)
      .filter((m) => !m.stoppedAt && m.dueAt)
      .map((m) => m.dueAt!.getTime());
    if (due.length) deadlines.set(conversation.id, new Date(Math.min(...due)));
  }
  return deadlines;
}
