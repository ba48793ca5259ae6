import type { Logger } from 'pino';
import type { Message } from '@tandem/protocol';
import { topics, type EventBus } from '../../adapters/bus/event-bus.ts';
import { presentFeedEvent, presentMessage } from '../../domain/present.ts';
import type { FeedEventRecord } from '../../domain/records.ts';

/** What a customer's connection receives on its topic. */
export interface CustomerBusMessage {
  type: 'message';
  message: Message;
}

/**
 * Announces committed events. Called only after commit; a failed publish loses nothing,
 * because clients detect the sequence gap (or reconnect) and replay from storage.
 */
export function publishFeed(bus: EventBus, events: readonly FeedEventRecord[], log: Logger): void {
  for (const event of events) {
    const fail = (error: unknown) => log.warn({ err: error, seq: event.seq }, 'feed publish failed');
    bus.publish(topics.feed(event.workspaceId), presentFeedEvent(event)).catch(fail);
    const { message, conversation } = event;
    if (event.type === 'message.created' && message && !message.private && conversation) {
      const payload: CustomerBusMessage = { type: 'message', message: presentMessage(message) };
      bus.publish(topics.customer(event.workspaceId, conversation.customerId), payload).catch(fail);
    }
  }
}
