import { changeStatus, type ChannelKind, type ConversationStatus, type HandlerKind, type Priority } from '@tandem/core';
import type { ConversationRecord } from '../../domain/records.ts';
import { newConversation } from '../../domain/new-conversation.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { transact } from '../feed/transact.ts';
import { findAgent } from '../agents/agent.store.ts';
import { findTeam } from '../teams/team.store.ts';
import { findCustomer } from '../customers/customer.store.ts';
import { countLabels, findConversation, insertConversation, listConversations, recordPending, updateConversationRow, type ConversationFilter } from './conversation.store.ts';

export interface ConversationChange {
  status?: ConversationStatus | undefined;
  snoozedUntil?: string | undefined;
  handler?: HandlerKind | undefined;
  assigneeId?: string | null | undefined;
  teamId?: string | null | undefined;
  priority?: Priority | undefined;
  language?: string | null | undefined;
  /** Replaces the labels (already trimmed, lowercased and deduplicated by the request schema). */
  labels?: string[] | undefined;
}

export function createConversationService(deps: ServiceDeps) {
  const { db, clock, ids } = deps;

  async function get(workspaceId: string, id: string): Promise<ConversationRecord> {
    const conversation = await findConversation(db, workspaceId, id);
    if (!conversation) throw appError('conversation.not_found');
    return conversation;
  }

  return {
    get,

    list: (workspaceId: string, filter: ConversationFilter, page: { before: [string, string] | null; limit: number }) =>
      listConversations(db, workspaceId, filter, page),

    /** The labels in use, with how many open conversations carry each. */
    labels: (workspaceId: string) => countLabels(db, workspaceId),

    /** An agent starts a conversation with a customer (e.g. an outbound follow-up). */
    create(workspaceId: string, input: { customerId: string; subject?: string | undefined; channel?: ChannelKind | undefined }) {
      return transact(deps, async (tx, emit) => {
        const customer = await findCustomer(tx, workspaceId, input.customerId);
        if (!customer) throw appError('customer.not_found');
        if (customer.mergedIntoId) throw appError('customer.merged', `Use customer ${customer.mergedIntoId}.`);
        const conversation = newConversation({
          workspaceId,
          id: ids(),
          customerId: customer.id,
          handler: 'agent',
          channel: input.channel ?? null,
          subject: input.subject,
          now: clock(),
        });
        await insertConversation(tx, conversation);
        emit({ workspaceId, type: 'conversation.created', conversationId: conversation.id, conversation });
        return conversation;
      });
    },

    update(workspaceId: string, id: string, change: ConversationChange): Promise<ConversationRecord> {
      return transact(deps, async (tx, emit) => {
        const current = await findConversation(tx, workspaceId, id, { lock: true });
        if (!current) throw appError('conversation.not_found');
        if (current.mergedIntoId) throw appError('conversation.not_found', `It was merged into ${current.mergedIntoId}.`);
        const patch: Partial<ConversationRecord> = {};
        const now = clock();
        if (change.status !== undefined) {
          const until = change.snoozedUntil ? new Date(change.snoozedUntil) : null;
          const decided = changeStatus(change.status, until, now);
          if (decided.kind === 'rejected') {
            const detail = decided.reason === 'snooze_needs_time' ? 'Snoozing needs snoozedUntil.' : 'snoozedUntil is in the past.';
            throw appError('conversation.invalid_status', detail, { fields: [{ path: 'snoozedUntil', message: detail }] });
          }
          Object.assign(patch, { status: decided.status, snoozedUntil: decided.snoozedUntil });
          if (decided.status !== current.status) patch.resolvedAt = decided.status === 'resolved' ? now : null;
          if ((decided.status === 'pending') !== (current.status === 'pending')) await recordPending(tx, workspaceId, id, decided.status === 'pending', now);
        }
        if (change.assigneeId !== undefined) {
          if (change.assigneeId && !(await findAgent(tx, workspaceId, change.assigneeId))) {
            throw appError('agent.not_found', 'No such agent in this workspace.', { fields: [{ path: 'assigneeId', message: 'unknown agent' }] });
          }
          patch.assigneeId = change.assigneeId;
          patch.handler = change.assigneeId ? 'agent' : 'queue';
        }
        if (change.teamId !== undefined) {
          if (change.teamId && !(await findTeam(tx, workspaceId, change.teamId))) {
            throw appError('team.not_found', 'No such team in this workspace.', { fields: [{ path: 'teamId', message: 'unknown team' }] });
          }
          patch.teamId = change.teamId;
        }
        if (change.handler !== undefined) patch.handler = change.handler;
        if (change.priority !== undefined) patch.priority = change.priority;
        if (change.language !== undefined) patch.language = change.language;
        if (change.labels !== undefined) patch.labels = change.labels;
        const updated = (await updateConversationRow(tx, workspaceId, id, patch))!;
        emit({ workspaceId, type: 'conversation.updated', conversationId: id, conversation: updated, data: { changed: Object.keys(patch) } });
        return updated;
      });
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
