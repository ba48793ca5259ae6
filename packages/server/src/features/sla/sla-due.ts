import { measureSla, pickSlaPolicy, type BusinessHours, type Schedule, type SlaPolicy } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import type { StoredPolicy } from '../routing/queue-policy.store.ts';
import { segmentsOf } from '../segments/segment.store.ts';
import { conversationTimes, listSlaPolicies, type MeasuredConversation } from './sla.store.ts';

/** Which hours a conversation's clocks run in: its team's, when the team has hours, else the workspace's. */
export function scheduleResolver(workspaceHours: BusinessHours | null, teamPolicies: ReadonlyMap<string, StoredPolicy>): (teamId: string | null) => Schedule {
  const fallback: Schedule = { hours: workspaceHours, holidays: [] };
  return (teamId) => {
    const team = teamId ? teamPolicies.get(teamId)?.schedule : undefined;
    return team?.hours ? team : fallback;
  };
}

/** Picks each conversation's SLA policy; customers' segments are worked out only when a policy asks for them. */
export async function slaPolicyPicker(q: Queryable, workspaceId: string, policies: readonly SlaPolicy[], conversations: readonly MeasuredConversation[], now: Date) {
  const needsSegments = policies.some((p) => p.segments.length > 0);
  const segmentKeys = needsSegments ? await segmentsOf(q, workspaceId, conversations.map((c) => c.customerId), now) : new Map<string, string[]>();
  return (conversation: MeasuredConversation): SlaPolicy | null =>
    pickSlaPolicy(policies, { priority: conversation.priority, channel: conversation.channel, segments: segmentKeys.get(conversation.customerId) ?? [] });
}

/**
 * The earliest running SLA deadline of each of these (waiting) conversations: routing lifts those
 * about to breach in the queue. Empty when the workspace sets no SLA.
 */
export async function slaDeadlines(q: Queryable, workspaceId: string, conversationIds: readonly string[], teamPolicies: ReadonlyMap<string, StoredPolicy>, now: Date): Promise<Map<string, Date>> {
  const policies = await listSlaPolicies(q, workspaceId);
  if (policies.length === 0 || conversationIds.length === 0) return new Map();
  const [workspace, open] = await Promise.all([findWorkspace(q, workspaceId), conversationTimes(q, workspaceId, conversationIds)]);
  const scheduleOf = scheduleResolver(workspace?.settings.businessHours ?? null, teamPolicies);
  const policyOf = await slaPolicyPicker(q, workspaceId, policies, open, now);
  const deadlines = new Map<string, Date>();
  for (const conversation of open) {
    const policy = policyOf(conversation);
    if (!policy) continue;
    const due = measureSla(policy, conversation, scheduleOf(conversation.teamId), now)
      .filter((m) => !m.stoppedAt && m.dueAt)
      .map((m) => m.dueAt!.getTime());
    if (due.length) deadlines.set(conversation.id, new Date(Math.min(...due)));
  }
  return deadlines;
}
