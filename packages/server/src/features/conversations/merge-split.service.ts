import { planMerge } from '@tandem/core';
import type { Actor, ConversationRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { transact } from '../feed/transact.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { insertTimelineEvent } from '../customers/timeline.store.ts';
import { findMessages, listMessages, moveMessages } from '../messages/message.store.ts';
import { findConversation, insertConversation, updateConversationRow } from './conversation.store.ts';

/** A recorded message move, enough to put the message back where it was. */
export interface MessageMove {
  id: string;
  fromSeq: number;
  toSeq: number;
}

const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];

export function createMergeSplitService(deps: ServiceDeps) {
  const { clock, ids } = deps;

  return {
    /**
     * Merges `absorbedId` into `survivorId`: its messages move to the end of the survivor's
     * thread (their old places are recorded for a revert) and it keeps pointing at the survivor.
     */
    merge(workspaceId: string, survivorId: string, absorbedId: string, actor: Actor): Promise<ConversationRecord> {
      return transact(deps, async (tx, emit) => {
        for (const id of [survivorId, absorbedId].sort()) await findConversation(tx, workspaceId, id, { lock: true });
        const survivor = await findConversation(tx, workspaceId, survivorId);
        const absorbed = await findConversation(tx, workspaceId, absorbedId);
        if (!survivor || !absorbed) throw appError('conversation.not_found');
        const plan = planMerge(survivor, absorbed);
        if (plan.kind === 'rejected') throw appError('conversation.merge_rejected', `Cannot merge: ${plan.reason.replace('_', ' ')}.`);
        if (survivor.customerId !== absorbed.customerId) {
          throw appError('conversation.merge_rejected', 'The conversations belong to different customers: merge the customers first.');
        }
        const moved = await listMessages(tx, workspaceId, absorbedId, { afterSeq: 0, limit: 100_000, includePrivate: true });
        const moves: MessageMove[] = moved.map((m, i) => ({ id: m.id, fromSeq: m.seq, toSeq: survivor.lastSeq + i + 1 }));
        await moveMessages(tx, workspaceId, moves.map((m) => ({ id: m.id, conversationId: survivorId, seq: m.toSeq })));
        const now = clock();
        const updated = (await updateConversationRow(tx, workspaceId, survivorId, {
          lastSeq: survivor.lastSeq + moves.length,
          channels: union(survivor.channels, absorbed.channels),
          lastActivityAt: survivor.lastActivityAt > absorbed.lastActivityAt ? survivor.lastActivityAt : absorbed.lastActivityAt,
        }))!;
        await updateConversationRow(tx, workspaceId, absorbedId, { mergedIntoId: survivorId, status: 'resolved', resolvedAt: now });
        await recordAudit(tx, {
          workspaceId, id: ids(), actor, action: 'conversation.merged', targetType: 'conversation', targetId: survivorId,
          data: { absorbedId, previousStatus: absorbed.status, moves }, at: now,
        });
        await insertTimelineEvent(tx, {
          workspaceId, id: ids(), customerId: survivor.customerId, conversationId: survivorId,
          type: 'conversation.merged', data: { absorbedId }, occurredAt: now,
        });
        emit({ workspaceId, type: 'conversation.merged', conversationId: survivorId, conversation: updated, data: { absorbedId } });
        return updated;
      });
    },

    /** Moves some messages of a conversation into a new one, for the customer's second, unrelated case. */
    split(workspaceId: string, conversationId: string, messageIds: string[], actor: Actor) {
      return transact(deps, async (tx, emit) => {
        const source = await findConversation(tx, workspaceId, conversationId, { lock: true });
        if (!source || source.mergedIntoId) throw appError('conversation.not_found');
        const unique = [...new Set(messageIds)];
        const picked = await findMessages(tx, workspaceId, conversationId, unique);
        if (picked.length !== unique.length) {
          throw appError('conversation.split_rejected', 'Some messages are not in this conversation.', {
            fields: [{ path: 'messageIds', message: 'not all in this conversation' }],
          });
        }
        // All picked messages are in the conversation, so it keeps one only if it has more than that.
        const sample = await listMessages(tx, workspaceId, conversationId, { afterSeq: 0, limit: picked.length + 1, includePrivate: true });
        if (sample.length <= picked.length) {
          throw appError('conversation.split_rejected', 'Leave at least one message in the conversation.');
        }
        const now = clock();
        const lastCustomer = [...picked].reverse().find((m) => m.author === 'customer');
        const created: ConversationRecord = {
          ...source,
          id: ids(),
          status: 'open',
          handler: source.handler,
          channels: [...new Set(picked.map((m) => m.channel))],
          lastChannel: lastCustomer?.channel ?? source.lastChannel,
          lastSeq: picked.length,
          snoozedUntil: null,
          resolvedAt: null,
          createdAt: now,
          lastActivityAt: picked[picked.length - 1]!.createdAt,
        };
        await insertConversation(tx, created);
        const moves: MessageMove[] = picked.map((m, i) => ({ id: m.id, fromSeq: m.seq, toSeq: i + 1 }));
        await moveMessages(tx, workspaceId, moves.map((m) => ({ id: m.id, conversationId: created.id, seq: m.toSeq })));
        await recordAudit(tx, {
          workspaceId, id: ids(), actor, action: 'conversation.split', targetType: 'conversation', targetId: conversationId,
          data: { newConversationId: created.id, moves }, at: now,
        });
        await insertTimelineEvent(tx, {
          workspaceId, id: ids(), customerId: source.customerId, conversationId: created.id,
          type: 'conversation.split', data: { fromConversationId: conversationId }, occurredAt: now,
        });
        emit({ workspaceId, type: 'conversation.created', conversationId: created.id, conversation: created });
        emit({ workspaceId, type: 'conversation.split', conversationId, conversation: source, data: { newConversationId: created.id } });
        return { conversation: created, movedMessageIds: picked.map((m) => m.id) };
      });
    },
  };
}
