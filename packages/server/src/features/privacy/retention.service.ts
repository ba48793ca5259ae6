import { inTransaction } from '../../adapters/postgres/database.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import type { FileRemovals } from './file-removals.ts';
import { queueFileRemovals } from './file-removals.store.ts';
import { anonymizeConversations, deleteExpiredConversations, takeExpired, workspacesWithRetention } from './retention.store.ts';

// Conversations per transaction, and transactions per pass: short locks, bounded work per round.
const BATCH = 100;
const MAX_BATCHES = 10;
const DAY_MS = 86_400_000;

const add = (total: Record<string, number>, more: Record<string, number>) => {
  for (const [key, n] of Object.entries(more)) total[key] = (total[key] ?? 0) + n;
};

/**
 * Applies each workspace's retention period: resolved conversations inactive for longer than
 * `retentionDays` (by the injected clock) are anonymized or deleted, in batches. Each batch
 * commits on its own, with its audit entry, and removes its files after the commit.
 */
export function createRetentionService(deps: ServiceDeps & { fileRemovals: FileRemovals }) {
  const { db, clock, ids, log } = deps;

  return {
    workspacesToPass: () => workspacesWithRetention(db),

    /** One round for a workspace; answers the counts (empty when nothing was due). */
    async pass(workspaceId: string): Promise<Record<string, number>> {
      const privacy = (await findWorkspace(db, workspaceId))?.settings.privacy;
      if (!privacy?.retentionDays) return {};
      const { retentionDays: days, retentionAction: action } = privacy;
      const cutoff = new Date(clock().getTime() - days * DAY_MS);
      const total: Record<string, number> = {};
      for (let n = 0; n < MAX_BATCHES; n++) {
        const batch = await inTransaction(db, async (tx) => {
          const due = await takeExpired(tx, workspaceId, { cutoff, action, limit: BATCH });
          if (due.length === 0) return null;
          const done = await (action === 'delete' ? deleteExpiredConversations : anonymizeConversations)(tx, workspaceId, due);
          // Audited with the change itself: a batch is never done without its record, nor recorded undone.
          await recordAudit(tx, {
            workspaceId, id: ids(), actor: { type: 'system', id: null }, action: 'retention.applied', targetType: 'workspace', targetId: workspaceId,
            data: { action, retentionDays: days, cutoff: cutoff.toISOString(), counts: done.counts }, at: clock(),
          });
          await queueFileRemovals(tx, workspaceId, done.storageKeys, clock());
          return { size: due.length, ...done };
        });
        if (!batch) break;
        await deps.fileRemovals.remove(workspaceId, batch.storageKeys);
        add(total, batch.counts);
        if (batch.size < BATCH) break;
      }
      if (total.conversations) log.info({ workspaceId, action, retentionDays: days, counts: total }, 'retention applied');
      return total;
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
