import { chooseConversation, isAppError, type ChannelKind, type HandlerKind, type IdentityKind } from '@tandem/core';
import type { MessageContent } from '@tandem/protocol';
import type { Tx } from '../../adapters/postgres/database.ts';
import type { ConversationRecord, MessageRecord, WorkspaceSettings } from '../../domain/records.ts';
import { newConversation } from '../../domain/new-conversation.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { transact, type Emit } from '../feed/transact.ts';
import type { AppenderRequest, MessageAppender } from '../messages/message-appender.ts';
import { appendBatch, type AppendResult } from '../messages/append-batch.ts';
import type { CustomerService } from '../customers/customer.service.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { lockCustomer } from '../customers/customer.store.ts';
import { customerConversations, insertConversation } from './conversation.store.ts';
import { startOf, type StartChoice } from './conversation-start.ts';

export interface CustomerMessage {
  workspaceId: string;
  customerId: string;
  channel: ChannelKind;
  threadKey?: string | null;
  /** A conversation the customer already knows (widget); otherwise the grouping policy decides. */
  conversationId?: string;
  subject?: string;
  body: string;
  content: MessageContent;
  idempotencyKey: string | null;
  /** The customer's pre-chat choice (widget); used when this message starts a conversation. */
  start?: StartChoice | undefined;
  /** What else to store in the message's transaction (e.g. an email's Message-ID); not run for a replay. */
  alsoStore?: AppenderRequest['alsoStore'];
}

export type IdentityMessage = Omit<CustomerMessage, 'customerId' | 'conversationId'> & {
  conversationId?: undefined;
  identity: { kind: IdentityKind; value: string };
  customerName?: string | undefined;
};

/** Web conversations start with the bot when the workspace lets it answer first; the rest queue for people. */
export function firstHandler(settings: WorkspaceSettings, channel: ChannelKind): HandlerKind {
  return settings.bot.enabled && settings.bot.strategy !== 'human-first' && channel === 'web' ? 'bot' : 'queue';
}

export interface Received {
  conversation: ConversationRecord;
  message: MessageRecord;
  duplicate: boolean;
}

/**
 * A message from a customer, whichever channel it came in on, lands in the right conversation:
 * the one named, or the one the workspace's grouping policy picks, or a new one.
 */
export function createReceiveService(deps: ServiceDeps & { appender: MessageAppender; customers: CustomerService }) {
  const { clock, ids, appender, customers } = deps;

  function request(input: CustomerMessage, conversationId: string): AppenderRequest {
    return {
      workspaceId: input.workspaceId,
      conversationId,
      author: 'customer',
      authorId: input.customerId,
      channel: input.channel,
      private: false,
      body: input.body,
      content: input.content,
      idempotencyKey: input.idempotencyKey,
      customerId: input.customerId,
      threadKey: input.threadKey ?? null,
      ...(input.alsoStore ? { alsoStore: input.alsoStore } : {}),
    };
  }

  function settle(result: AppendResult | undefined): Received {
    if (result?.kind !== 'stored') throw appError('conversation.not_found');
    return { conversation: result.conversation, message: result.message, duplicate: result.duplicate };
  }

  async function appendTo(input: CustomerMessage, conversationId: string): Promise<Received> {
    const result = await appender.append(request(input, conversationId));
    // A conversation merged into another keeps receiving, through its survivor.
    if (result.kind === 'conversation_not_found' && result.mergedIntoId) {
      return settle(await appender.append(request(input, result.mergedIntoId)));
    }
    return settle(result);
  }

  /** Creates the conversation and stores its first message in one transaction: never one without the other. */
  async function createWithMessage(tx: Tx, emit: Emit, input: CustomerMessage, handler: HandlerKind, teamId: string | null): Promise<Received> {
    const now = clock();
    const created = newConversation({
      workspaceId: input.workspaceId,
      id: ids(),
      customerId: input.customerId,
      handler,
      channel: input.channel,
      threadKey: input.threadKey,
      subject: input.subject,
      now,
    });
    const conversation = { ...created, teamId };
    await insertConversation(tx, conversation);
    await customers.timeline(tx, input.workspaceId, input.customerId, 'conversation.started', { channel: input.channel }, conversation.id);
    emit({ workspaceId: input.workspaceId, type: 'conversation.created', conversationId: conversation.id, conversation });
    const batch = await appendBatch(tx, [request(input, conversation.id)], { now, newId: ids });
    batch.feed.forEach(emit);
    const received = settle(batch.results[0]);
    await input.alsoStore?.(tx, received.message);
    return received;
  }

  async function deliver(input: CustomerMessage | IdentityMessage): Promise<Received> {
    if (input.conversationId && 'customerId' in input) return appendTo(input, input.conversationId);
    const workspace = await findWorkspace(deps.db, input.workspaceId);
    if (!workspace) throw appError('workspace.not_found');
    const settings = { policy: workspace.settings.conversationGrouping, reopenWindowHours: workspace.settings.reopenWindowHours };
    const start = input.start ? startOf(workspace.settings, input.start) : null;
    // One transaction from "who is this?" to the stored first message: a failure anywhere
    // leaves no customer, conversation or message behind.
    const decision = await transact(deps, async (tx, emit) => {
      const resolve = () => 'customerId' in input
        ? Promise.resolve(input.customerId)
        : customers.resolveIn(tx, input.workspaceId, input.identity.kind, input.identity.value, input.customerName);
      let customerId = await resolve();
      // Locking the customer serializes their concurrent first messages: one conversation, not two.
      let locked = await lockCustomer(tx, input.workspaceId, customerId);
      // An erasure committed while this waited for the lock: the address now belongs to no one, and
      // resolving it again makes a new customer, rather than a message joining the erased one.
      if (locked?.erased && !('customerId' in input)) {
        customerId = await resolve();
        locked = await lockCustomer(tx, input.workspaceId, customerId);
      }
      if (!locked || locked.erased) throw appError('customer.not_found');
      const candidates = await customerConversations(tx, input.workspaceId, customerId);
      const choice = chooseConversation(settings, candidates, { channel: input.channel, threadKey: input.threadKey ?? null }, clock());
      const message = { ...input, customerId };
      if (choice.kind !== 'create') return { kind: 'existing' as const, message, conversationId: choice.conversationId };
      const handler = start?.handler ?? firstHandler(workspace.settings, input.channel);
      return { kind: 'created' as const, received: await createWithMessage(tx, emit, message, handler, start?.teamId ?? null) };
    });
    return decision.kind === 'created' ? decision.received : appendTo(decision.message, decision.conversationId);
  }

  return {
    deliver,

    /** A message from a channel handle (email address, phone...), matched to a customer or creating one. */
    async receiveFromIdentity(input: IdentityMessage): Promise<Received> {
      try {
        return await deliver(input);
      } catch (error) {
        // Two first messages from one new handle raced to create the customer: the loser finds it.
        if (!isAppError(error) || error.code !== 'identity.taken') throw error;
        return deliver(input);
      }
    },
  };
}

export type ReceiveService = ReturnType<typeof createReceiveService>;
