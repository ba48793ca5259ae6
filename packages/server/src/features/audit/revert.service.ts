import type { Tx } from '../../adapters/postgres/database.ts';
import type { Actor } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { transact, type Emit } from '../feed/transact.ts';
import { findCustomer, updateCustomerRow } from '../customers/customer.store.ts';
import { reassignCustomerRows } from '../customers/customer-owned.store.ts';
import { findConversation, updateConversationRow } from '../conversations/conversation.store.ts';
import { moveMessages } from '../messages/message.store.ts';
import type { MessageMove } from '../conversations/merge-split.service.ts';
import { findAuditForRevert, markReverted, recordAudit, type AuditRow } from './audit.store.ts';

type Reverter = (tx: Tx, entry: AuditRow, emit: Emit) => Promise<void>;

/**
 * Merges and splits are reversible from the audit trail: each entry records what moved, and
 * reverting moves exactly that back. Sequence numbers are never reused, so old places are free.
 */
export function createRevertService(deps: ServiceDeps) {
  const { clock, ids } = deps;

  const reverters: Record<string, Reverter> = {
    async 'conversation.merged'(tx, entry, emit) {
      const { absorbedId, previousStatus, moves } = entry.data as { absorbedId: string; previousStatus: string; moves: MessageMove[] };
      const ws = entry.workspaceId;
      const absorbed = await findConversation(tx, ws, absorbedId, { lock: true });
      if (absorbed?.mergedIntoId !== entry.targetId) throw appError('audit_entry.not_revertible', 'The conversations changed since.');
      await moveMessages(tx, ws, moves.map((m) => ({ id: m.id, conversationId: absorbedId, seq: m.fromSeq })));
      const restored = await updateConversationRow(tx, ws, absorbedId, {
        mergedIntoId: null,
        status: previousStatus as 'open',
        resolvedAt: previousStatus === 'resolved' ? clock() : null,
      });
      const survivor = await findConversation(tx, ws, entry.targetId);
      emit({ workspaceId: ws, type: 'conversation.updated', conversationId: absorbedId, ...(restored ? { conversation: restored } : {}), data: { revertOf: entry.id } });
      emit({ workspaceId: ws, type: 'conversation.updated', conversationId: entry.targetId, ...(survivor ? { conversation: survivor } : {}), data: { revertOf: entry.id } });
    },

    async 'conversation.split'(tx, entry, emit) {
      const { newConversationId, moves } = entry.data as { newConversationId: string; moves: MessageMove[] };
      const ws = entry.workspaceId;
      await moveMessages(tx, ws, moves.map((m) => ({ id: m.id, conversationId: entry.targetId, seq: m.fromSeq })));
      // The split-off conversation is now empty: it points back at its origin, like a merge.
      await updateConversationRow(tx, ws, newConversationId, { mergedIntoId: entry.targetId, status: 'resolved', resolvedAt: clock() });
      const origin = await findConversation(tx, ws, entry.targetId);
      emit({ workspaceId: ws, type: 'conversation.updated', conversationId: entry.targetId, ...(origin ? { conversation: origin } : {}), data: { revertOf: entry.id } });
    },

    async 'customer.merged'(tx, entry, emit) {
      const { absorbedId, identityIds, conversationIds, timelineIds, exposureIds = [] } = entry.data as Record<string, string[]> & { absorbedId: string };
      const ws = entry.workspaceId;
      const absorbed = await findCustomer(tx, ws, absorbedId, { lock: true });
      if (absorbed?.mergedIntoId !== entry.targetId) throw appError('audit_entry.not_revertible', 'The customers changed since.');
      const back = { from: entry.targetId, to: absorbedId };
      await reassignCustomerRows(tx, 'identities', ws, { ...back, only: identityIds });
      await reassignCustomerRows(tx, 'conversations', ws, { ...back, only: conversationIds });
      await reassignCustomerRows(tx, 'timelineEvents', ws, { ...back, only: timelineIds });
      await reassignCustomerRows(tx, 'proactiveExposures', ws, { ...back, only: exposureIds });
      await updateCustomerRow(tx, ws, absorbedId, { mergedIntoId: null, updatedAt: clock() });
      emit({ workspaceId: ws, type: 'customer.merged', conversationId: null, data: { survivorId: entry.targetId, absorbedId, reverted: true } });
    },
  };

  return {
    revert(workspaceId: string, auditEntryId: string, actor: Actor): Promise<{ revertedAt: Date }> {
      return transact(deps, async (tx, emit) => {
        const entry = await findAuditForRevert(tx, workspaceId, auditEntryId);
        if (!entry) throw appError('audit_entry.not_found');
        const reverter = reverters[entry.action];
        if (!reverter) throw appError('audit_entry.not_revertible', `"${entry.action}" cannot be reverted.`);
        if (entry.revertedAt) throw appError('audit_entry.not_revertible', 'It was already reverted.');
        await reverter(tx, entry, emit);
        const now = clock();
        await markReverted(tx, workspaceId, entry.id, now);
        await recordAudit(tx, {
          workspaceId, id: ids(), actor, action: `${entry.action}.reverted`, targetType: entry.targetType,
          targetId: entry.targetId, data: { revertOf: entry.id }, at: now,
        });
        return { revertedAt: now };
      });
    },
  };
}
