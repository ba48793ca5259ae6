import { sql } from 'drizzle-orm';
import { conversationFacts as computeFacts, localParts, type ConversationStatus } from '@tandem/core';
import { inTransaction } from '../../adapters/postgres/database.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { loadPolicies } from '../routing/queue-policy.store.ts';
import { scheduleResolver } from '../sla/sla-due.ts';
import { segmentsOf } from '../segments/segment.store.ts';
import { dropMergedFacts, handoffsAndBreaches, markComebacks, messagesOf, rollUpMessages, saveFacts, staleConversations, type FactMessage, type FactsRow } from './facts.store.ts';

const BATCH = 500;
const pad = (n: number) => String(n).padStart(2, '0');

/** The workspace's own time zone: its business hours', else UTC. Days and hours on the dashboards are in it. */
export const workspaceTimeZone = (settings: { businessHours: { timezone: string } | null } | undefined) => settings?.businessHours?.timezone ?? 'UTC';

/**
 * Keeps the analytics rollups current: per-conversation facts recomputed when a conversation
 * changed since they were computed, and per-day message counts added from the feed. Runs on the
 * periodic pass; the dashboards read only these tables.
 */
export function createFactsService(deps: ServiceDeps) {
  const { db, clock } = deps;

  async function refreshBatch(workspaceId: string, timeZone: string, scheduleOf: ReturnType<typeof scheduleResolver>): Promise<number> {
    const stale = await staleConversations(db, workspaceId, BATCH);
    if (stale.length === 0) return 0;
    const ids = stale.map((c) => c.id);
    const [messages, { handoffs, breached }, segments] = await Promise.all([
      messagesOf(db, workspaceId, ids), handoffsAndBreaches(db, workspaceId, ids), segmentsOf(db, workspaceId, stale.map((c) => c.customerId), clock()),
    ]);
    const byConversation = new Map<string, FactMessage[]>();
    for (const m of messages) byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m]);
    const now = clock();
    const rows: FactsRow[] = stale.map((c) => {
      const own = byConversation.get(c.id) ?? [];
      const handoff = handoffs.get(c.id) ?? null;
      const facts = computeFacts({
        schedule: scheduleOf(c.teamId), createdAt: c.createdAt, status: c.status as ConversationStatus, resolvedAt: c.resolvedAt,
        pauses: c.pendingPeriods.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
        messages: own, handedOffAt: handoff?.at ?? null,
      });
      const local = localParts(c.createdAt, timeZone);
      return {
        workspaceId, conversationId: c.id, customerId: c.customerId, createdAt: c.createdAt,
        day: `${local.year}-${pad(local.month)}-${pad(local.day)}`, weekday: local.weekday, hour: local.hour,
        firstChannel: own[0]?.channel ?? c.lastChannel ?? 'api', channels: c.channels, teamId: c.teamId, agentId: c.assigneeId, language: c.language,
        segments: segments.get(c.customerId) ?? [], status: c.status,
        botHandled: own.some((m) => m.author === 'bot'), handedOff: facts.handedOff, handoffReason: handoff?.reason ?? null,
        resolvedAt: c.resolvedAt, resolvedBy: facts.resolvedBy,
        firstResponseSeconds: facts.firstResponseSeconds, nextResponseSeconds: facts.nextResponseSeconds, resolutionSeconds: facts.resolutionSeconds,
        customerMessages: facts.customerMessages, agentMessages: facts.agentMessages,
        slaFirstResponseBreached: breached.has(`${c.id}/first_response`), slaResolutionBreached: breached.has(`${c.id}/resolution`),
        sourceActivityAt: c.lastActivityAt, sourceStatus: c.status, updatedAt: now,
      };
    });
    await saveFacts(db, rows);
    await markComebacks(db, workspaceId, stale.map((c) => c.customerId));
    return rows.length;
  }

  return {
    /** One round for a workspace: up to `maxBatches` × 500 conversations, and the message counts. */
    async refresh(workspaceId: string, maxBatches = 4): Promise<number> {
      const [workspace, policies] = await Promise.all([findWorkspace(db, workspaceId), loadPolicies(db, workspaceId)]);
      const timeZone = workspaceTimeZone(workspace?.settings);
      const scheduleOf = scheduleResolver(workspace?.settings.businessHours ?? null, policies);
      let refreshed = 0;
      for (let n = 0; n < maxBatches; n++) {
        const done = await refreshBatch(workspaceId, timeZone, scheduleOf);
        refreshed += done;
        if (done < BATCH) break;
      }
      await dropMergedFacts(db, workspaceId);
      // One process at a time adds to the counts: the advisory lock serializes passes running side by side.
      await inTransaction(db, async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`analytics:${workspaceId}`}))`);
        await rollUpMessages(tx, workspaceId, timeZone);
      });
      return refreshed;
    },
  };
}

export type FactsService = ReturnType<typeof createFactsService>;
