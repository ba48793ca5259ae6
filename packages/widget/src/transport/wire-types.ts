import type { MessageContent } from '@tandem/protocol';

export type {
  BotAnswerRatingBody,
  ClientFrameInput as OutgoingFrame,
  CreateWidgetSessionBody,
  IdentifyBody,
  MagicLinkBody,
  TrackEventBody,
  WidgetMessageBody,
  WidgetSession,
} from '@tandem/protocol';

export type AttachmentMeta = NonNullable<MessageContent['attachments']>[number];
export type ArticleCard = NonNullable<MessageContent['articleCards']>[number];
export type QuickReply = NonNullable<MessageContent['quickReplies']>[number];

/** Mirrors protocol's MESSAGE_MAX_CHARS, copied because a value import would bundle zod. */
export const MESSAGE_MAX_CHARS = 10_000;
