import { z } from 'zod';
import { LOCALES } from '@tandem/core';
import { Id, Timestamp } from '../common.ts';
import { Consent } from './customer.schemas.ts';
import { IdempotencyKey, MessageBody, MessageContent, SafeUrl } from './conversation.schemas.ts';

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

/** What the customer chose before writing (when the workspace offers it); used only when the message starts a conversation. */
export const ConversationStart = z.strictObject({
  topic: z.string().regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/).max(60).optional().describe('One of the workspace’s pre-chat topics: its team takes the conversation'),
  with: z.enum(['bot', 'person']).optional().describe('Start with the assistant or with a person'),
});

export const WidgetMessageBody = z.strictObject({
  conversationId: Id.optional().describe('Omit to continue the open conversation or start one'),
  start: ConversationStart.optional(),
  body: MessageBody,
  content: MessageContent.pick({ attachments: true }).default({}),
  idempotencyKey: IdempotencyKey,
});

/** Business hours: weekday (0 = Sunday) → open intervals, local times in `timezone` (end exclusive). */
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
export const BusinessHours = z.strictObject({
  timezone: z.string().min(1).max(64).refine(isTimeZone, 'an IANA time zone such as Asia/Ho_Chi_Minh'),
  days: z.array(z.array(z.strictObject({ from: ClockTime, to: ClockTime }).refine((i) => i.from < i.to, 'from before to')).max(4)).length(7).describe('Index 0 is Sunday'),
}).meta({ id: 'BusinessHours' });
export type BusinessHours = z.infer<typeof BusinessHours>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f6feb');
export const WidgetAppearance = z.strictObject({
  color: HexColor.describe('Launcher and header colour; text colour is chosen for contrast'),
  position: z.enum(['right', 'left']).describe('Inline-end or inline-start corner (mirrored in RTL)'),
  greeting: z.partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(300)).describe('Per language'),
}).meta({ id: 'WidgetAppearance' });
export type WidgetAppearance = z.infer<typeof WidgetAppearance>;

/** What the widget needs before it renders: public, cacheable for a minute. */
export const WidgetConfig = z.object({
  workspaceId: Id,
  name: z.string(),
  appearance: WidgetAppearance,
  availability: z.object({
    open: z.boolean().describe('Inside business hours (always true when none are set)'),
    nextOpenAt: Timestamp.nullable(),
  }),
  helpSearch: z.boolean().describe('Whether the knowledge-base search answers in the widget'),
  uploads: z.object({ maxBytes: z.number().int(), types: z.array(z.string()) }),
  prechat: z.object({
    topics: z.array(z.object({ key: z.string(), label: z.record(z.string(), z.string()) })),
    chooseBotOrPerson: z.boolean(),
  }).describe('What a customer may choose before writing'),
}).meta({ id: 'WidgetConfig' });
export type WidgetConfig = z.infer<typeof WidgetConfig>;

export const IdentifyBody = z.strictObject({
  id: z.string().trim().min(1).max(256).optional().describe("The host site's user id"),
  email: z.email().max(320).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  attributes: z.record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
    .refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes').optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'hex HMAC-SHA256').optional().describe('HMAC-SHA256 of `id` with the workspace identity secret'),
});

export const MagicLinkBody = z.strictObject({
  email: z.email().max(320),
  locale: z.enum(LOCALES).optional(),
  returnUrl: SafeUrl.optional().describe('The page to continue on; must be a widget origin'),
});
export const RedeemMagicLinkBody = z.strictObject({ token: z.string().min(10).max(200) });

export const TrackEventBody = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('`page.viewed` for page views; anything else is a custom event'),
  url: SafeUrl.optional(),
  title: z.string().max(300).optional(),
  referrer: z.string().max(2048).optional(),
  props: z.record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
    .refine((p) => Object.keys(p).length <= 30, 'at most 30 properties').default({}),
});

export const BotAnswerRatingBody = z.strictObject({
  helpful: z.boolean().describe('Thumbs up (true) or down (false); rating again replaces the earlier choice'),
});

/** The visitor's own privacy choices (the widget's privacy view, `Tandem.setConsent`): any purposes, at least one. */
export const WidgetConsentBody = Consent.partial()
  .strict()
  .refine((c) => Object.keys(c).length > 0, 'name at least one of automation, behaviour, marketing');

export const WidgetFileParams = z.strictObject({ workspaceId: Id, key: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

// Types for clients that must not import zod values (the widget): request bodies as sent.
export type CreateWidgetSessionBody = z.input<typeof CreateWidgetSessionBody>;
export type WidgetSession = z.infer<typeof WidgetSession>;
export type WidgetMessageBody = z.input<typeof WidgetMessageBody>;
export type IdentifyBody = z.input<typeof IdentifyBody>;
export type MagicLinkBody = z.input<typeof MagicLinkBody>;
export type TrackEventBody = z.input<typeof TrackEventBody>;
export type BotAnswerRatingBody = z.input<typeof BotAnswerRatingBody>;
export type WidgetConsentBody = z.input<typeof WidgetConsentBody>;
export type WidgetConsent = z.infer<typeof Consent>;
