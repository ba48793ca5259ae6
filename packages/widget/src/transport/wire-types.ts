import type { MessageContent } from '@tandem/protocol';

export type {
  BotAnswerRatingBody,
  ClientFrameInput as OutgoingFrame,
  CreateWidgetSessionBody,
  IdentifyBody,
  MagicLinkBody,
  TrackEventBody,
  ExposureClaim,
  WidgetConsent,
  WidgetConsentBody,
  WidgetMessageBody,
  WidgetProactive,
  WidgetRule,
  WidgetSession,
} from '@tandem/protocol';

export type AttachmentMeta = NonNullable<MessageContent['attachments']>[number];
export type ArticleCard = NonNullable<MessageContent['articleCards']>[number];
export type QuickReply = NonNullable<MessageContent['quickReplies']>[number];

/** Mirrors protocol's MESSAGE_MAX_CHARS, copied because a value import would bundle zod. */
export const MESSAGE_MAX_CHARS = 10_000;

/** Mirrors protocol's ExposureClaimBody (a zod schema: only its inferred types may reach the bundle). */
export type ExposureClaimBody = { ruleId: string; sessionId: string; url?: string; typing: boolean; purchasing: boolean };
export const EXPOSURE_ENGAGEMENTS = ['clicked', 'dismissed'] as const;
export type ExposureEngagement = (typeof EXPOSURE_ENGAGEMENTS)[number];
