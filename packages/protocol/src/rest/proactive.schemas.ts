import { z } from 'zod';
import { AUDIENCE_CHOICES, LOCALES, OUTREACH_CHANNELS, OUTREACH_PURPOSES, SEGMENT_OPS, SKIP_REASONS, SUPPRESSION_REASONS } from '@tandem/core';
import { Id, PageQuery, Timestamp, patchOf } from '../common.ts';
import { LocalizedText } from './kb.schemas.ts';
import { TemplateUse } from './conversation.schemas.ts';

const UrlPattern = z.string().trim().min(1).max(500).describe('`*` is a wildcard; starting with `/` it matches the path and query');
const Seconds = z.number().int().min(1).max(3600);

const EventCondition = z.strictObject({
  field: z.string().trim().min(1).max(64).describe('A property of the tracked event'),
  op: z.enum(SEGMENT_OPS),
  value: z.union([z.string().max(200), z.number(), z.boolean(), z.array(z.union([z.string().max(200), z.number(), z.boolean()])).max(50).readonly()]).optional(),
});

const EventName = z.string().trim().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits and _ . : -');

export const ProactiveTrigger = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('page_view'), urlPattern: UrlPattern.optional() }),
  z.strictObject({ kind: z.literal('time_on_page'), seconds: Seconds, urlPattern: UrlPattern.optional() }),
  z.strictObject({ kind: z.literal('scroll_depth'), percent: z.number().int().min(1).max(100), urlPattern: UrlPattern.optional() }),
  z.strictObject({ kind: z.literal('form_idle'), seconds: Seconds, urlPattern: UrlPattern.optional() }),
  z.strictObject({ kind: z.literal('exit_intent'), urlPattern: UrlPattern.optional() }),
  z.strictObject({ kind: z.literal('repeat_visits'), visits: z.number().int().min(2).max(50), urlPattern: UrlPattern.optional() }),
  z.strictObject({ kind: z.literal('host_event'), event: EventName, where: z.array(EventCondition).max(10).default([]), urlPattern: UrlPattern.optional() }),
  z.strictObject({ kind: z.literal('business_event'), event: EventName }),
]).meta({ id: 'ProactiveTrigger' });

export const ProactiveAudience = z.strictObject({
  segments: z.array(z.string().min(1).max(60)).max(20).default([]),
  locales: z.array(z.enum(LOCALES)).max(3).default([]),
  returning: z.enum(AUDIENCE_CHOICES).default('any'),
  identified: z.enum(AUDIENCE_CHOICES).default('any'),
  withinBusinessHours: z.enum(AUDIENCE_CHOICES).default('any'),
  agentsAvailable: z.enum(AUDIENCE_CHOICES).default('any'),
}).meta({ id: 'ProactiveAudience' });

export const ProactiveAction = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('bot_message'), text: LocalizedText, quickReplies: z.array(LocalizedText).max(5).default([]) }),
  z.strictObject({ kind: z.literal('open_guide'), guideId: Id, text: LocalizedText }),
  z.strictObject({ kind: z.literal('suggest_articles'), articleIds: z.array(Id).min(1).max(5), text: LocalizedText }),
  z.strictObject({ kind: z.literal('offer_person'), text: LocalizedText }),
  z.strictObject({ kind: z.literal('send_message'), text: LocalizedText, subject: z.string().trim().min(1).max(300).optional(), openConversation: z.boolean().default(false) }),
]).meta({ id: 'ProactiveAction' });

export const ProactiveRuleBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().default(true),
  trigger: ProactiveTrigger,
  audience: ProactiveAudience.default({ segments: [], locales: [], returning: 'any', identified: 'any', withinBusinessHours: 'any', agentsAvailable: 'any' }),
  action: ProactiveAction,
  allowWhileTyping: z.boolean().default(false),
  allowDuringPurchase: z.boolean().default(false),
  holdoutPercent: z.number().int().min(0).max(50).default(0).describe('Share of matching visitors kept as a control group'),
}).meta({ id: 'ProactiveRuleBody' });
export const ProactiveRulePatch = patchOf(ProactiveRuleBody);

export const ProactiveRule = z.object({
  id: Id,
  ...ProactiveRuleBody.shape,
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).meta({ id: 'ProactiveRule' });

export const ProactiveSettings = z.strictObject({
  perSession: z.number().int().min(0).max(10),
  perWeek: z.number().int().min(0).max(50),
  requireConsent: z.boolean().describe('Behaviour-based rules only for visitors who allow behaviour tracking'),
  purchaseUrlPatterns: z.array(UrlPattern).max(20),
}).meta({ id: 'ProactiveSettings' });

export const SuppressionReason = z.enum(SUPPRESSION_REASONS);
export const ExposureOutcome = z.enum(['shown', 'holdout', 'suppressed']);

const ExperimentGroup = z.object({
  customers: z.number().int(),
  conversationsOpened: z.number().int().describe('Customers who opened a conversation within 7 days after'),
  selfServiceResolved: z.number().int().describe('Customers with a conversation within 7 days resolved without a person'),
  purchases: z.number().int().describe('Customers who tracked a `purchase` event within 7 days after'),
}).meta({ id: 'ExperimentGroup' });

export const ProactiveRuleReport = z.object({
  ruleId: Id,
  from: Timestamp,
  to: Timestamp,
  shown: z.number().int(),
  holdout: z.number().int(),
  suppressed: z.partialRecord(SuppressionReason, z.number().int()),
  groups: z.object({ exposed: ExperimentGroup, control: ExperimentGroup }),
}).meta({ id: 'ProactiveRuleReport' });

export const ReportQuery = z.strictObject({ from: Timestamp.optional(), to: Timestamp.optional() });

export const ExposuresQuery = PageQuery.extend({ ruleId: Id.optional(), outcome: ExposureOutcome.optional() });
export const ProactiveExposure = z.object({
  id: Id,
  ruleId: Id,
  customerId: Id,
  sessionId: z.string(),
  outcome: ExposureOutcome,
  reason: SuppressionReason.nullable(),
  url: z.string().nullable(),
  occurredAt: Timestamp,
}).meta({ id: 'ProactiveExposure' });

// ---- the widget's side --------------------------------------------------------------------

export const WidgetProactiveQuery = z.strictObject({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) });

/** A rule as the widget runs it: its trigger, and its action already in the visitor's language. */
export const WidgetRule = z.object({
  id: Id,
  trigger: ProactiveTrigger,
  action: z.object({
    kind: z.enum(['bot_message', 'open_guide', 'suggest_articles', 'offer_person']),
    text: z.string(),
    quickReplies: z.array(z.string()),
    guideKey: z.string().nullable().describe('open_guide: the guide to start (as in GET /widget/:workspaceId/guides/:key/steps)'),
    articles: z.array(z.object({ id: Id, title: z.string(), url: z.string() })),
  }),
  allowWhileTyping: z.boolean(),
  allowDuringPurchase: z.boolean(),
}).meta({ id: 'WidgetRule' });

export const WidgetProactive = z.object({
  rules: z.array(WidgetRule),
  purchaseUrlPatterns: z.array(z.string()),
  doNotDisturb: z.boolean(),
  /** The session already had its share: the widget need not even evaluate. */
  sessionCapReached: z.boolean(),
}).meta({ id: 'WidgetProactive' });

export const ExposureClaimBody = z.strictObject({
  ruleId: Id,
  sessionId: WidgetProactiveQuery.shape.sessionId,
  url: z.string().max(2048).optional(),
  typing: z.boolean().default(false),
  purchasing: z.boolean().default(false),
});
export const ExposureClaim = z.object({
  id: Id,
  outcome: ExposureOutcome,
  reason: SuppressionReason.nullable(),
}).meta({ id: 'ExposureClaim' });

export const ExposureEngagementBody = z.strictObject({ engagement: z.enum(['clicked', 'dismissed']) });

export const DoNotDisturbBody = z.strictObject({ on: z.boolean() });

// ---- broadcasts and business events -------------------------------------------------------

export const BroadcastAudience = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('segment'), segment: z.string().min(1).max(60) }),
  z.strictObject({ kind: z.literal('customers'), externalIds: z.array(z.string().trim().min(1).max(200)).min(1).max(100_000).describe('The host system’s account ids (`identify` ids)') }),
  z.strictObject({ kind: z.literal('all') }),
]).meta({ id: 'BroadcastAudience' });

export const OutreachMessage = z.strictObject({
  text: LocalizedText,
  subject: z.string().trim().min(1).max(300).optional(),
  whatsappTemplate: TemplateUse.optional().describe('WhatsApp needs an approved template outside the 24-hour window'),
});

export const BroadcastBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  purpose: z.enum(OUTREACH_PURPOSES).default('service'),
  audience: BroadcastAudience,
  channels: z.array(z.enum(OUTREACH_CHANNELS)).min(1).max(4).refine((c) => new Set(c).size === c.length, 'each channel once')
    .describe('Allowed channels, in order of preference when the customer has none'),
  message: OutreachMessage,
  scheduledAt: Timestamp.optional().describe('Send later; omitted: now'),
  ratePerMinute: z.number().int().min(1).max(100_000).default(600),
}).meta({ id: 'BroadcastBody' });

export const BROADCAST_STATUSES = ['scheduled', 'sending', 'done', 'cancelled'] as const;
export const RECIPIENT_STATUSES = ['pending', 'queued', 'sent', 'delivered', 'read', 'failed', 'skipped'] as const;

export const Broadcast = z.object({
  id: Id,
  ...BroadcastBody.shape,
  status: z.enum(BROADCAST_STATUSES),
  scheduledAt: Timestamp,
  createdAt: Timestamp,
  finishedAt: Timestamp.nullable(),
  counts: z.partialRecord(z.enum(RECIPIENT_STATUSES), z.number().int()),
}).meta({ id: 'Broadcast' });

export const RecipientsQuery = PageQuery.extend({ status: z.enum(RECIPIENT_STATUSES).optional() });
export const BroadcastRecipient = z.object({
  customerId: Id,
  name: z.string().nullable(),
  channel: z.enum(OUTREACH_CHANNELS).nullable(),
  status: z.enum(RECIPIENT_STATUSES),
  reason: z.string().nullable().describe('Why skipped (`opted_out`, `no_consent`, `unreachable`) or failed'),
  conversationId: Id.nullable(),
  updatedAt: Timestamp,
}).meta({ id: 'BroadcastRecipient' });

export const SkipReason = z.enum(SKIP_REASONS);

export const BusinessEventBody = z.strictObject({
  name: EventName.describe('e.g. `order_delayed`, `payment_failed`, `service_outage`'),
  customer: z.strictObject({
    externalId: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(320).optional(),
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164, e.g. +84901234567').optional(),
  }).refine((c) => Boolean(c.externalId || c.email || c.phone), 'externalId, email or phone'),
  data: z.record(z.string().max(64), z.unknown()).refine((d) => JSON.stringify(d).length <= 16_000, 'at most 16 kB').default({}),
  idempotencyKey: z.string().min(1).max(200).optional().describe('The same key is handled once'),
}).meta({ id: 'BusinessEventBody' });

export const BusinessEventResult = z.object({
  duplicate: z.boolean(),
  sent: z.array(z.object({ ruleId: Id, channel: z.enum(OUTREACH_CHANNELS), conversationId: Id })),
  skipped: z.array(z.object({ ruleId: Id, reason: z.string() })),
}).meta({ id: 'BusinessEventResult' });

export type ProactiveRuleBody = z.input<typeof ProactiveRuleBody>;
export type ProactiveRule = z.infer<typeof ProactiveRule>;
export type ProactiveSettings = z.infer<typeof ProactiveSettings>;
export type ProactiveRuleReport = z.infer<typeof ProactiveRuleReport>;
export type ProactiveExposure = z.infer<typeof ProactiveExposure>;
export type WidgetRule = z.infer<typeof WidgetRule>;
export type WidgetProactive = z.infer<typeof WidgetProactive>;
export type ExposureClaim = z.infer<typeof ExposureClaim>;
export type BroadcastBody = z.input<typeof BroadcastBody>;
export type Broadcast = z.infer<typeof Broadcast>;
export type BroadcastRecipient = z.infer<typeof BroadcastRecipient>;
export type BusinessEventBody = z.input<typeof BusinessEventBody>;

export const ContactPreferences = z.object({
  doNotDisturb: z.boolean().describe('No proactive messages on the website'),
  noticesOptedOut: z.boolean().describe('No broadcasts or event messages'),
}).meta({ id: 'ContactPreferences' });
export type ContactPreferences = z.infer<typeof ContactPreferences>;
export const ContactPreferencesPatch = z.strictObject({ doNotDisturb: z.boolean().optional(), noticesOptedOut: z.boolean().optional() });
