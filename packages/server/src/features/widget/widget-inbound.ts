import type { AttachmentMeta } from '@tandem/protocol';
import type { Services } from '../../services.ts';
import type { StartChoice } from '../conversations/conversation-start.ts';

export interface WidgetInbound {
  workspaceId: string;
  customerId: string;
  conversationId?: string | undefined;
  body: string;
  attachments?: AttachmentMeta[] | undefined;
  idempotencyKey: string;
  start?: StartChoice | undefined;
}

/** A customer's message from the widget (HTTP or WebSocket): attachments must be their own uploads. */
export async function receiveFromWidget(services: Services, input: WidgetInbound) {
  const attachments = input.attachments?.length
    ? await services.uploads.verifyAttachments(input.workspaceId, { customerId: input.customerId }, input.attachments)
    : undefined;
  return services.receive.deliver({
    workspaceId: input.workspaceId,
    customerId: input.customerId,
    channel: 'web',
    ...(input.conversationId ? { conversationId: input.conversationId } : {}),
    body: input.body,
    content: attachments ? { attachments } : {},
    idempotencyKey: input.idempotencyKey,
    ...(input.start ? { start: input.start } : {}),
  });
}
