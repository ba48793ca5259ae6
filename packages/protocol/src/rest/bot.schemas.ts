import { z } from 'zod';
import { LOCALES, SLOT_KINDS } from '@tandem/core';
import { Id, Timestamp } from '../common.ts';
import { SafeLink } from './conversation.schemas.ts';
import { ArticleKey, LocalizedText } from './kb.schemas.ts';

const Key = z.string().regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'lower-case words joined by - or _').max(60);
const Text = z.string().trim().min(1).max(500);

export const BOT_STRATEGIES = ['bot-first', 'hybrid', 'human-first'] as const;
export const BotSettings = z.object({
  enabled: z.boolean().describe('The bot answers new web conversations first'),
  strategy: z.enum(BOT_STRATEGIES).describe('The default service: `bot-first`; `hybrid` (the bot answers what it knows and hands off at its first miss); `human-first` (people at once). Segments and the vertical may decide otherwise per customer'),
  threshold: z.number().min(0).max(1).nullable().describe('Confidence below which the bot is "not sure"; null: chosen by cross-validation'),
}).meta({ id: 'BotSettings' });

export const BOT_ANSWERS = ['reply', 'flow', 'articles'] as const;
export const BotIntentBody = z.strictObject({
  title: LocalizedText,
  phrases: z.partialRecord(z.enum(LOCALES), z.array(Text).max(500))
    .refine((p) => Object.values(p).some((list) => list && list.length > 0), 'at least one training phrase'),
  answer: z.enum(BOT_ANSWERS),
  reply: LocalizedText.optional(),
  flowKey: Key.optional(),
  articleKeys: z.array(ArticleKey).max(5).default([]),
  sensitive: z.boolean().default(false).describe('Always handed to a person (e.g. fraud, account closure)'),
  complaint: z.boolean().default(false).describe('A complaint: handed to a person'),
}).refine((b) => b.answer !== 'reply' || b.reply, { message: 'a reply intent needs `reply`', path: ['reply'] })
  .refine((b) => b.answer !== 'flow' || b.flowKey, { message: 'a flow intent needs `flowKey`', path: ['flowKey'] })
  .refine((b) => b.answer !== 'articles' || b.articleKeys.length > 0, { message: 'an articles intent needs `articleKeys`', path: ['articleKeys'] });
export const BotIntent = z.object({
  key: Key,
  title: z.record(z.string(), z.string()),
  phrases: z.record(z.string(), z.array(z.string())),
  answer: z.enum(BOT_ANSWERS),
  reply: z.record(z.string(), z.string()),
  flowKey: z.string().nullable(),
  articleKeys: z.array(z.string()),
  sensitive: z.boolean(),
  complaint: z.boolean(),
  updatedAt: Timestamp,
}).meta({ id: 'BotIntent' });
export const IntentKeyParams = z.object({ key: Key });

const StepId = Key;
const FlowCondition = z.strictObject({
  source: z.enum(['slot', 'attribute', 'segment']),
  name: z.string().min(1).max(100),
  op: z.enum(['equals', 'not_equals', 'exists', 'in', 'contains']),
  value: z.union([z.string().max(500), z.array(z.string().max(500)).max(50)]).optional(),
});
const Attempts = z.number().int().min(1).max(10).optional();
export const FlowStep = z.discriminatedUnion('kind', [
  z.strictObject({ id: StepId, kind: z.literal('message'), text: LocalizedText, next: StepId.optional() }),
  z.strictObject({ id: StepId, kind: z.literal('question'), slot: Key, slotKind: z.enum(SLOT_KINDS), text: LocalizedText, retryText: LocalizedText.optional(), maxAttempts: Attempts, next: StepId }),
  z.strictObject({
    id: StepId, kind: z.literal('choice'), text: LocalizedText, slot: Key.optional(), retryText: LocalizedText.optional(), maxAttempts: Attempts,
    choices: z.array(z.strictObject({ value: z.string().min(1).max(100), label: LocalizedText, next: StepId })).min(1).max(10),
  }),
  z.strictObject({ id: StepId, kind: z.literal('condition'), branches: z.array(z.strictObject({ when: FlowCondition, next: StepId })).min(1).max(20), otherwise: StepId }),
  z.strictObject({ id: StepId, kind: z.literal('action'), webhook: Key, input: z.record(z.string().max(60), z.string().max(500)), resultSlot: Key.optional(), next: StepId, onError: StepId }),
  z.strictObject({ id: StepId, kind: z.literal('handoff'), text: LocalizedText.optional(), reason: Key.optional(), teamId: Id.optional().describe('Hand to this team rather than the whole queue') }),
  z.strictObject({ id: StepId, kind: z.literal('end'), text: LocalizedText.optional() }),
]);
/** A scripted bot dialogue, as authored in YAML or JSON (checked by the flow engine before saving). */
export const FlowDefinition = z.strictObject({
  key: Key,
  title: LocalizedText,
  start: StepId,
  steps: z.array(FlowStep).min(1).max(200),
}).meta({ id: 'FlowDefinition' });

export const BotWebhookBody = z.strictObject({
  url: SafeLink.describe('Absolute URL, or a path on this server (the demo backend)'),
  secret: z.string().min(16).max(200).describe('Signs each request: X-Tandem-Signature = sha256 HMAC of "<timestamp>.<body>"'),
  timeoutMs: z.number().int().min(100).max(30_000).default(5000),
});
export const BotWebhook = z.object({ name: Key, url: z.string(), timeoutMs: z.number().int(), updatedAt: Timestamp }).meta({ id: 'BotWebhook' });
export const WebhookNameParams = z.object({ name: Key });

export const BotPredictBody = z.strictObject({ text: z.string().min(1).max(4000) });
export const BotPrediction = z.object({
  language: z.enum(LOCALES).nullable(),
  intent: z.string().nullable().describe('null: the classifier abstains (confidence below its threshold)'),
  confidence: z.number(),
  threshold: z.number(),
  ranked: z.array(z.object({ intent: z.string(), confidence: z.number() })),
});
export const BotModelStatus = z.object({
  trained: z.boolean(),
  examples: z.number().int(),
  intents: z.number().int(),
  threshold: z.number().nullable(),
  trainingMs: z.number().int().nullable(),
  trainedAt: Timestamp.nullable(),
}).meta({ id: 'BotModelStatus' });

export const BotFeedbackBody = z.strictObject({
  correct: z.boolean().describe('Was the bot right to answer this way?'),
  intent: Key.optional().describe('The intent the customer meant; with addAsPhrase, their message becomes a training phrase for it'),
  addAsPhrase: z.boolean().default(false),
});

export const HandoffPacket = z.object({
  summary: z.string(),
  reason: z.string(),
  language: z.string().nullable(),
  intents: z.array(z.object({ intent: z.string(), confidence: z.number() })),
  slots: z.record(z.string(), z.string()),
  flow: z.string().nullable(),
  articlesShown: z.array(z.object({ key: z.string(), title: z.string(), helped: z.boolean().nullable() })),
  searches: z.array(z.string()),
  pagesVisited: z.array(z.object({ url: z.string().nullable(), title: z.string().nullable(), at: Timestamp })),
  customer: z.object({ name: z.string().nullable(), attributes: z.record(z.string(), z.unknown()) }),
  segment: z.string().nullable(),
}).meta({ id: 'HandoffPacket' });
export type HandoffPacket = z.infer<typeof HandoffPacket>;
export const Handoff = z.object({ id: Id, conversationId: Id, reason: z.string(), packet: HandoffPacket, createdAt: Timestamp }).meta({ id: 'Handoff' });
export type Handoff = z.infer<typeof Handoff>;
