import type { ConversationStatus } from '@tandem/core';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { loadPolicies } from '../routing/queue-policy.store.ts';
import { slaDeadlines } from '../sla/sla-due.ts';
import { segmentsOf } from '../segments/segment.store.ts';
import { findInboxEntry, listInbox, type InboxEntry } from './inbox.store.ts';

export interface InboxItem extends InboxEntry {
  customer: InboxEntry['customer'] & { segments: string[] };
  slaDueAt: Date | null;
  slaBreached: boolean;
}

// The statuses the SLA pass measures: clocks of snoozed and resolved conversations are not watched.
const SLA_MEASURED: readonly ConversationStatus[] = ['open', 'pending'];

/**
 * The rows of the console's conversation list. SLA deadlines and segments are not stored, so they
 * are worked out here for the whole page at once, by the functions the SLA pass and routing use
 * (a fixed number of queries, whatever the page's size).
 */
export function createInboxService(deps: ServiceDeps) {
  const { db, clock } = deps;

  async function enrich(workspaceId: string, entries: InboxEntry[]): Promise<InboxItem[]> {
    const now = clock();
    const measured = entries.filter((e) => SLA_MEASURED.includes(e.conversation.status)).map((e) => e.conversation.id);
    const [deadlines, segments] = await Promise.all([
      measured.length ? slaDeadlines(db, workspaceId, measured, await loadPolicies(db, workspaceId), now) : new Map<string, Date>(),
      segmentsOf(db, workspaceId, entries.map((e) => e.customer.id), now),
    ]);
    return entries.map((entry) => {
      const due = deadlines.get(entry.conversation.id) ?? null;
      const customer = { ...entry.customer, segments: segments.get(entry.customer.id) ?? [] };
      // Reaching the target exactly counts as breached, as in the SLA clock.
      return { ...entry, customer, slaDueAt: due, slaBreached: due !== null && due.getTime() <= now.getTime() };
    });
  }

  return {
    async list(workspaceId: string, options: Parameters<typeof listInbox>[2]): Promise<InboxItem[]> {
      return enrich(workspaceId, await listInbox(db, workspaceId, options));
    },

    async get(workspaceId: string, conversationId: string): Promise<InboxItem> {
      const entry = await findInboxEntry(db, workspaceId, conversationId);
      if (!entry) throw appError('conversation.not_found');
      const [item] = await enrich(workspaceId, [entry]);
      return item!;
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
