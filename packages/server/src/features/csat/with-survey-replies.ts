import type { ReceiveService } from '../conversations/receive.service.ts';
import type { CustomerService } from '../customers/customer.service.ts';
import type { CsatService } from './csat.service.ts';
import { ratingIn } from './survey-reply.ts';

/** A customer's bare rating while their survey waits is its answer; anything else is delivered as usual. */
export function withSurveyReplies(receive: ReceiveService, csat: Pick<CsatService, 'replyToSurvey'>, customers: Pick<CustomerService, 'resolve'>): ReceiveService {
  return {
    async deliver(input) {
      if ('customerId' in input && input.customerId && ratingIn(input.body) !== null) {
        const answered = await csat.replyToSurvey({ ...input, conversationId: input.conversationId });
        if (answered) return answered;
      }
      return receive.deliver(input);
    },
    async receiveFromIdentity(input) {
      if (ratingIn(input.body) !== null) {
        const customerId = await customers.resolve(input.workspaceId, input.identity.kind, input.identity.value, input.customerName);
        const answered = await csat.replyToSurvey({ ...input, customerId, conversationId: undefined });
        if (answered) return answered;
      }
      return receive.receiveFromIdentity(input);
    },
  };
}
