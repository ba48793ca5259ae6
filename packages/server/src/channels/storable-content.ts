import { storableText } from '../platform/storable-text.ts';
import type { InboundText, StatusUpdate, WebhookContent } from './messaging-provider.ts';

const optional = (text: string | undefined) => (text === undefined ? undefined : storableText(text));

function storableMessage(message: InboundText): InboundText {
  return {
    ...message,
    providerMessageId: storableText(message.providerMessageId),
    body: storableText(message.body),
    profileName: optional(message.profileName),
    media: message.media.map((m) => ({ ...m, ref: storableText(m.ref), contentType: storableText(m.contentType), filename: optional(m.filename) })),
  };
}

function storableStatus(status: StatusUpdate): StatusUpdate {
  return { ...status, providerMessageId: storableText(status.providerMessageId), error: optional(status.error) };
}

/** A parsed webhook with every text field storable: a provider cannot be told to resend it cleaner. */
export function storableContent(content: WebhookContent): WebhookContent {
  return { messages: content.messages.map(storableMessage), statuses: content.statuses.map(storableStatus) };
}
