import type { MessageAppender } from '../messages/message-appender.ts';
import type { DeliveryService } from './delivery.service.ts';
import { needsDelivery } from './delivery.store.ts';

/** A reply stored on email, SMS or WhatsApp is sent at once; the periodic pass only catches up. */
export function withDeliveryKick(appender: MessageAppender, deliveries: Pick<DeliveryService, 'kick'>): MessageAppender {
  return {
    async append(request) {
      const result = await appender.append(request);
      if (result.kind === 'stored' && !result.duplicate && needsDelivery(result.message)) deliveries.kick(result.message.workspaceId);
      return result;
    },
    drain: () => appender.drain(),
  };
}
