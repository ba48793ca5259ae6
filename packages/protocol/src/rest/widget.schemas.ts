import { z } from 'zod';
import { Id } from '../common.ts';
import { Consent } from './customer.schemas.ts';
import { IdempotencyKey, MessageBody, MessageContent } from './conversation.schemas.ts';

export const WidgetParams = z.strictObject({ workspaceId: Id });
export const WidgetConversationParams = z.strictObject({ workspaceId: Id, id: Id });

export const CreateWidgetSessionBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(['en', 'vi', 'fa']).optional(),
  consent: Consent.partial().strict().default({}),
});

export const WidgetSession = z.object({
  token: z.string().describe('Keep it: send as `Authorization: Bearer <token>` on widget calls'),
  customerId: Id,
  visitorId: z.string(),
});

export const WidgetMessageBody = z.strictObject({
  conversationId: Id.optional().describe('Omit to continue the open conversation or start one'),
  body: MessageBody,
  content: MessageContent.pick({ attachments: true }).default({}),
  idempotencyKey: IdempotencyKey,
});
