import type { ConversationStatus } from '@tandem/core';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { loadPolicies } from '../routing/queue-policy.store.ts';
import { slaDeadlines } from '../sla/sla-due.ts';
import { findInboxEntry, listInbox, type InboxEntry } from './inbox.store.ts';

export interface InboxItem extends InboxEntry {
  slaDueAt: Date | null;
  slaBreached: boolean;
}

// The statuses the SLA pass measures: clocks of snoozed and resolved conversations are not watched.
const SLA_MEASURED: readonly ConversationStatus[] = ['open', 'pending'];

/**
 * The rows of the console's conversation list. SLA deadlines are not stored, so they are measured
 * here for the whole page at once, by the functions the SLA pass uses (a fixed number of queries).
 */
export function createInboxService(deps: ServiceDeps) {
  const { db, clock } = deps;

  async function withSla(workspaceId: string, entries: InboxEntry[]): Promise<InboxItem[]> {
    const now = clock();
    const measured = entries.filter((e) => SLA_MEASURED.includes(e.conversation.status)).map((e) => e.conversation.id);
    const deadlines = measured.length ? await slaDeadlines(db, workspaceId, measured, await loadPolicies(db, workspaceId), now) : new Map<string, Date>();
    return entries.map((entry) => {
      const due = deadlines.get(entry.conversation.id) ?? null;
      // Reaching the target exactly counts as breached, as in the SLA clock.
      return { ...entry, slaDueAt: due, slaBreached: due !== null && due.getTime() <= now.getTime() };
    });
  }

  return {
    async list(workspaceId: string, options: Parameters<typeof listInbox>[2]): Promise<InboxItem[]> {
      return withSla(workspaceId, await listInbox(db, workspaceId, options));
    },

    async get(workspaceId: string, conversationId: string): Promise<InboxItem> {
      const entry = await findInboxEntry(db, workspaceId, conversationId);
      if (!entry) throw appError('conversation.not_found');
      const [item] = await withSla(workspaceId, [entry]);
      return item!;
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
