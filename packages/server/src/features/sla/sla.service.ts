import { and, eq, inArray } from 'drizzle-orm';
import { boostedPriority, measureSla, type Schedule, type SlaMeasure, type SlaPolicy } from '@tandem/core';
import type { z } from 'zod';
import type { SlaPoliciesBody } from '@tandem/protocol';
import { agents as agentsTable, conversations } from '../../adapters/postgres/schema.ts';
import { conversationFromRow } from '../../adapters/postgres/row-mappers.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { transact } from '../feed/transact.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import type { RoutingService } from '../routing/routing.service.ts';
import { loadPolicies } from '../routing/queue-policy.store.ts';
import { insertRoutingEvent, requeue } from '../routing/routing.store.ts';
import { scheduleResolver, slaPolicyPicker } from './sla-due.ts';
import { conversationTimes, listSlaEvents, listSlaPolicies, recordSlaEvent, replaceSlaPolicies, type MeasuredConversation } from './sla.store.ts';

/**
 * SLA targets and their clocks. Nothing is kept in memory: every pass measures the open
 * conversations from what is stored (messages, pending periods, hours), and each warning or
 * breach is recorded once (a unique key), so passes in any process, after any restart, neither
 * miss a deadline nor escalate twice.
 */
export function createSlaService(deps: ServiceDeps & { routing: RoutingService }) {
  const { db, clock, ids, routing } = deps;

  async function schedules(workspaceId: string): Promise<(teamId: string | null) => Schedule> {
    const [workspace, policies] = await Promise.all([findWorkspace(db, workspaceId), loadPolicies(db, workspaceId)]);
    return scheduleResolver(workspace?.settings.businessHours ?? null, policies);
  }

  function measure(policy: SlaPolicy | null, conversation: MeasuredConversation, schedule: Schedule): { policy: SlaPolicy | null; measures: SlaMeasure[] } {
    return { policy, measures: policy ? measureSla(policy, conversation, schedule, clock()) : [] };
  }

  async function escalate(workspaceId: string, conversation: MeasuredConversation, policy: SlaPolicy, m: SlaMeasure): Promise<{ recorded: boolean; requeued: boolean }> {
    return transact(deps, async (tx, emit) => {
      const now = clock();
      const kind = m.state === 'breached' ? 'breach' : 'warning';
      if (!(await recordSlaEvent(tx, { workspaceId, id: ids(), conversationId: conversation.id, metric: m.metric, kind, policyKey: policy.key, dueAt: m.dueAt!, createdAt: now }))) return { recorded: false, requeued: false };
      if (m.stoppedAt) return { recorded: true, requeued: false }; // a late reply: recorded for reports, nothing left to escalate
      const data = { metric: m.metric, dueAt: m.dueAt!.toISOString(), policy: policy.key, notify: [...policy.escalation.notifyAgentIds, ...(conversation.assigneeId ? [conversation.assigneeId] : [])] };
      if (kind === 'warning') {
        emit({ workspaceId, type: 'sla.warned', conversationId: conversation.id, data });
        return { recorded: true, requeued: false };
      }
      let requeued = false;
      if (policy.escalation.boostPriority) {
        await tx.update(conversations).set({ priority: boostedPriority(conversation.priority) })
          .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversation.id)));
      }
      if (policy.escalation.reassign && conversation.assigneeId) {
        for (const released of await requeue(tx, workspaceId, { conversationIds: [conversation.id] }, now)) {
          requeued = true;
          await insertRoutingEvent(tx, { workspaceId, id: ids(), conversationId: released.id, kind: 'requeued', agentId: conversation.assigneeId, teamId: released.teamId, reason: `SLA breached: ${m.metric.replace('_', ' ')}`, createdAt: now });
        }
      }
      const [row] = await tx.select().from(conversations).where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversation.id)));
      emit({ workspaceId, type: 'sla.breached', conversationId: conversation.id, data: { ...data, priority: row!.priority, requeued } });
      emit({ workspaceId, type: 'conversation.updated', conversationId: conversation.id, conversation: conversationFromRow(row!), data: { changed: ['priority', ...(requeued ? ['handler', 'assigneeId'] : [])] } });
      return { recorded: true, requeued };
    });
  }

  return {
    policies: (workspaceId: string) => listSlaPolicies(db, workspaceId),

    async savePolicies(workspaceId: string, body: z.output<typeof SlaPoliciesBody>): Promise<SlaPolicy[]> {
      const named = [...new Set(body.items.flatMap((p) => p.escalation.notifyAgentIds))];
      const known = named.length ? new Set((await db.select({ id: agentsTable.id }).from(agentsTable).where(and(eq(agentsTable.workspaceId, workspaceId), inArray(agentsTable.id, named)))).map((a) => a.id)) : new Set<string>();
      const fields = body.items.flatMap((p, i) => p.escalation.notifyAgentIds.flatMap((id, k) => (known.has(id) ? [] : [{ path: `items.${i}.escalation.notifyAgentIds.${k}`, message: 'no such agent' }])));
      if (fields.length) throw appError('request.invalid', 'An SLA policy names an agent who is not in this workspace.', { fields });
      await transact(deps, (tx) => replaceSlaPolicies(tx, workspaceId, body.items, clock()));
      return listSlaPolicies(db, workspaceId);
    },

    async ofConversation(workspaceId: string, conversationId: string) {
      const [conversation] = await conversationTimes(db, workspaceId, [conversationId]);
      if (!conversation) throw appError('conversation.not_found');
      const [policies, scheduleOf, events] = await Promise.all([listSlaPolicies(db, workspaceId), schedules(workspaceId), listSlaEvents(db, workspaceId, conversationId)]);
      const policyOf = await slaPolicyPicker(db, workspaceId, policies, [conversation], clock());
      const { policy, measures } = measure(policyOf(conversation), conversation, scheduleOf(conversation.teamId));
      return { policy: policy?.key ?? null, measures, events };
    },

    /** Warns and escalates what is due: run by the periodic pass (idempotent). */
    async pass(workspaceId: string): Promise<{ warned: number; breached: number }> {
      const policies = await listSlaPolicies(db, workspaceId);
      if (policies.length === 0) return { warned: 0, breached: 0 };
      const [open, scheduleOf] = await Promise.all([conversationTimes(db, workspaceId, null), schedules(workspaceId)]);
      const policyOf = await slaPolicyPicker(db, workspaceId, policies, open, clock());
      let warned = 0, breached = 0, requeued = false;
      for (const conversation of open) {
        const { policy, measures } = measure(policyOf(conversation), conversation, scheduleOf(conversation.teamId));
        for (const m of measures) {
          if ((m.state !== 'warning' && m.state !== 'breached') || !m.dueAt || !policy) continue;
          const outcome = await escalate(workspaceId, conversation, policy, m);
          if (outcome.requeued) requeued = true;
          if (outcome.recorded && m.state === 'warning') warned++;
          if (outcome.recorded && m.state === 'breached') breached++;
        }
      }
      if (requeued) await routing.drain(workspaceId);
      return { warned, breached };
    },
  };
}

export type SlaService = ReturnType<typeof createSlaService>;
