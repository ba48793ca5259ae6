import { topics } from '../../adapters/bus/event-bus.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { AgentSignal, CustomerBusMessage } from '../feed/feed.publisher.ts';
import { advanceReceipts, findConversation } from './conversation.store.ts';

export type SignalSide = { by: 'customer'; customerId: string } | { by: 'agent'; name: string };

/**
 * Typing indicators and read/delivered receipts between a customer and the agents, and which
 * conversation each agent has open. Typing and viewing are ephemeral (published, never stored);
 * receipts are stored as high-water marks on the conversation, so a client that reconnects reads
 * them from the conversation itself.
 */
export function createSignalService(deps: ServiceDeps) {
  const { db, bus, log } = deps;
  const fail = (error: unknown) => log.warn({ err: error }, 'signal publish failed');

  async function conversationFor(workspaceId: string, conversationId: string, side: SignalSide) {
    const conversation = await findConversation(db, workspaceId, conversationId);
    if (!conversation || (side.by === 'customer' && conversation.customerId !== side.customerId)) throw appError('conversation.not_found');
    return conversation;
  }

  const toCustomer = (workspaceId: string, customerId: string, message: CustomerBusMessage) =>
    bus.publish(topics.customer(workspaceId, customerId), message).catch(fail);
  const toAgents = (workspaceId: string, signal: AgentSignal) => bus.publish(topics.signals(workspaceId), signal).catch(fail);

  return {
    async typing(workspaceId: string, conversationId: string, side: SignalSide, typing: boolean): Promise<void> {
      const conversation = await conversationFor(workspaceId, conversationId, side);
      if (side.by === 'agent') {
        await toCustomer(workspaceId, conversation.customerId, { type: 'typing', conversationId, typing, name: side.name });
        await toAgents(workspaceId, { type: 'typing', conversationId, author: 'agent', typing, name: side.name });
      } else {
        await toAgents(workspaceId, { type: 'typing', conversationId, author: 'customer', typing });
      }
    },

    /** Tells the workspace's agents that this agent opened (or left) the conversation. */
    async viewing(workspaceId: string, conversationId: string, agent: { id: string; name: string }, viewing: boolean): Promise<void> {
      await conversationFor(workspaceId, conversationId, { by: 'agent', name: agent.name });
      await toAgents(workspaceId, { type: 'viewing', conversationId, agentId: agent.id, name: agent.name, viewing });
    },

    async receipt(workspaceId: string, conversationId: string, side: SignalSide, marks: { delivered?: number | undefined; read?: number | undefined }): Promise<void> {
      await conversationFor(workspaceId, conversationId, side);
      const updated = side.by === 'customer'
        ? await advanceReceipts(db, workspaceId, conversationId, { customerDeliveredSeq: marks.delivered, customerReadSeq: marks.read })
        : await advanceReceipts(db, workspaceId, conversationId, { agentReadSeq: marks.read });
      if (!updated) return;
      if (side.by === 'customer') {
        await toAgents(workspaceId, { type: 'receipt', conversationId, by: 'customer', deliveredSeq: updated.customerDeliveredSeq, readSeq: updated.customerReadSeq });
      } else {
        await toCustomer(workspaceId, updated.customerId, { type: 'receipt', conversationId, deliveredSeq: updated.agentReadSeq, readSeq: updated.agentReadSeq });
        await toAgents(workspaceId, { type: 'receipt', conversationId, by: 'agent', deliveredSeq: updated.agentReadSeq, readSeq: updated.agentReadSeq });
      }
    },
  };
}

export type SignalService = ReturnType<typeof createSignalService>;
