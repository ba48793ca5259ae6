import type { Logger } from 'pino';
import type { CustomerConversation, Message, QueueFrame, ViewingSignal } from '@tandem/protocol';
import { topics, type EventBus } from '../../adapters/bus/event-bus.ts';
import { presentCustomerConversation, presentFeedEvent, presentMessage } from '../../domain/present.ts';
import type { FeedEventRecord } from '../../domain/records.ts';

/** What a customer's connections receive on their topic. */
export type CustomerBusMessage =
  | { type: 'message'; message: Message }
  | { type: 'conversation'; conversation: CustomerConversation }
  | { type: 'typing'; conversationId: string; typing: boolean; name?: string }
  | { type: 'receipt'; conversationId: string; deliveredSeq: number; readSeq: number }
  | { type: 'merged'; survivorId: string }
  | QueueFrame;

/** What agents' connections receive on the workspace signals topic. */
export type AgentSignal =
  | { type: 'typing'; conversationId: string; author: 'customer' | 'agent'; typing: boolean; name?: string }
  | { type: 'receipt'; conversationId: string; by: 'customer' | 'agent'; deliveredSeq: number; readSeq: number }
  | ViewingSignal;

/**
 * Announces committed events. Called only after commit; a failed publish loses nothing,
 * because clients detect the sequence gap (or reconnect) and replay from storage.
 */
export function publishFeed(bus: EventBus, events: readonly FeedEventRecord[], log: Logger): void {
  for (const event of events) {
    const fail = (error: unknown) => log.warn({ err: error, seq: event.seq }, 'feed publish failed');
    bus.publish(topics.feed(event.workspaceId), presentFeedEvent(event)).catch(fail);
    const payload = forCustomer(event);
    if (payload) bus.publish(topics.customer(event.workspaceId, payload.customerId), payload.message).catch(fail);
  }
}

/** The part of a feed event the customer may see, and which customer that is. */
function forCustomer(event: FeedEventRecord): { customerId: string; message: CustomerBusMessage } | null {
  const { message, conversation } = event;
  if (event.type === 'message.created' && message && !message.private && conversation) {
    return { customerId: conversation.customerId, message: { type: 'message', message: presentMessage(message) } };
  }
  if ((event.type === 'conversation.created' || event.type === 'conversation.updated') && conversation) {
    return { customerId: conversation.customerId, message: { type: 'conversation', conversation: presentCustomerConversation(conversation) } };
  }
  if (event.type === 'customer.merged') {
    const { survivorId, absorbedId } = event.data as { survivorId: string; absorbedId: string };
    return { customerId: absorbedId, message: { type: 'merged', survivorId } };
  }
  return null;
}
