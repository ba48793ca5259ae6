import { z } from 'zod';
import { CHANNEL_KINDS, LOCALES } from '@tandem/core';
import { Id } from '../common.ts';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** Every analytics view takes the same filters; days are in the workspace's time zone, `to` included. */
export const AnalyticsQuery = z.strictObject({
  from: Day.describe('First day (inclusive)'),
  to: Day.describe('Last day (inclusive)'),
  channel: z.enum(CHANNEL_KINDS).optional(),
  teamId: Id.optional(),
  agentId: Id.optional(),
  segment: z.string().min(1).max(60).optional().describe('A segment key'),
  language: z.enum(LOCALES).optional(),
}).refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

/** A duration figure in seconds; null when there is nothing to measure. */
export const DurationStat = z.object({ count: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() });

/** What a number means, written next to it. */
export const Definitions = z.record(z.string(), z.string());

export const Overview = z.object({
  conversations: z.number().int(),
  volume: z.object({
    byDay: z.array(z.object({ day: Day, conversations: z.number().int(), customerMessages: z.number().int() })),
    byChannel: z.array(z.object({ channel: z.enum(CHANNEL_KINDS), conversations: z.number().int() })),
    byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), conversations: z.number().int() })).describe('Conversations started per hour of the day (workspace time)'),
  }),
  responseTimes: z.object({
    firstResponse: DurationStat,
    nextResponse: DurationStat,
    resolution: DurationStat,
  }).describe('Business seconds (the team’s or workspace’s hours, pending time excluded)'),
  sla: z.object({ firstResponseMet: z.number().nullable(), resolutionMet: z.number().nullable(), breaches: z.number().int() }),
  csat: z.object({ responses: z.number().int(), average: z.number().nullable(), satisfiedShare: z.number().nullable() }),
  resolution: z.object({
    windowDays: z.number().int(),
    honest: z.object({ bot: z.number().int(), selfService: z.number().int(), agent: z.number().int(), cameBack: z.number().int() }),
    loose: z.object({ bot: z.number().int(), agent: z.number().int() }).describe('What other products count: resolved, whether or not the customer came back'),
  }),
  definitions: Definitions,
}).meta({ id: 'AnalyticsOverview' });
export type Overview = z.infer<typeof Overview>;

export const SelfService = z.object({
  helpCenter: z.object({ articleViews: z.number().int(), searches: z.number().int(), zeroResultSearches: z.number().int() }),
  topZeroResultQueries: z.array(z.object({ query: z.string(), count: z.number().int() })),
  articles: z.array(z.object({ articleId: Id, title: z.string(), views: z.number().int(), helpful: z.number().int(), notHelpful: z.number().int(), followedByConversation: z.number().int() })),
  guides: z.array(z.object({ guideId: Id, title: z.string(), started: z.number().int(), completed: z.number().int() })),
  selfServiceRate: z.object({ sessions: z.number().int(), resolved: z.number().int(), rate: z.number().nullable() }),
  botContainment: z.object({ botConversations: z.number().int(), contained: z.number().int(), rate: z.number().nullable() }),
  definitions: Definitions,
}).meta({ id: 'AnalyticsSelfService' });
export type SelfService = z.infer<typeof SelfService>;

export const Journeys = z.object({
  sankey: z.object({
    nodes: z.array(z.object({ id: z.string(), label: z.string() })),
    links: z.array(z.object({ source: z.string(), target: z.string(), value: z.number().int() })),
  }),
  funnel: z.array(z.object({ stage: z.enum(['entry', 'search', 'article', 'guide', 'bot', 'handoff', 'resolved']), sessions: z.number().int() })),
  handoffReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  gaps: z.array(z.object({ kind: z.enum(['article', 'intent', 'guide_step']), id: z.string(), label: z.string(), handoffs: z.number().int() })).describe('Articles, intents and guide steps most often followed by a handoff'),
  topStartPages: z.array(z.object({ url: z.string(), conversations: z.number().int() })),
  definitions: Definitions,
}).meta({ id: 'AnalyticsJourneys' });
export type Journeys = z.infer<typeof Journeys>;

export const Staffing = z.object({
  intervalMinutes: z.literal(30),
  target: z.object({ serviceLevel: z.number(), withinSeconds: z.number().int(), handleSeconds: z.number().int() }),
  intervals: z.array(z.object({ weekday: z.number().int().min(0).max(6), slot: z.number().int().min(0).max(47), arrivals: z.number(), agentsNeeded: z.number().int() })).describe('Average arrivals per 30 minutes by weekday (0 = Sunday) over the range, and the agents Erlang C says meet the target'),
  definitions: Definitions,
}).meta({ id: 'AnalyticsStaffing' });
export type Staffing = z.infer<typeof Staffing>;

export const AgentStats = z.object({
  items: z.array(z.object({
    agentId: Id, name: z.string(), conversations: z.number().int(), resolved: z.number().int(),
    firstResponse: DurationStat, csatAverage: z.number().nullable(), csatResponses: z.number().int(),
    occupancy: z.number().nullable().describe('Share of online time with at least one open conversation'),
    concurrency: z.number().nullable().describe('Average open conversations while online'),
  })),
  definitions: Definitions,
}).meta({ id: 'AnalyticsAgents' });
export type AgentStats = z.infer<typeof AgentStats>;

export const FEEDBACK_KINDS = ['csat', 'article', 'bot', 'handoff'] as const;

export const FeedbackItem = z.object({
  kind: z.enum(FEEDBACK_KINDS),
  id: z.string(),
  createdAt: z.string(),
  rating: z.number().int().nullable().describe('CSAT 1–5; article/bot/handoff: 1 yes/right/easy, 0 no/wrong/hard'),
  comment: z.string().nullable(),
  conversationId: Id.nullable(),
  articleId: Id.nullable(),
  articleTitle: z.string().nullable(),
  intent: z.string().nullable().describe('The bot intent an answer came from'),
  question: z.string().nullable().describe('What the customer asked (bot answers)'),
  agentId: Id.nullable(),
}).meta({ id: 'FeedbackItem' });
export type FeedbackItem = z.infer<typeof FeedbackItem>;

export const FeedbackQuery = z.strictObject({
  kind: z.enum(FEEDBACK_KINDS).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const CsatAnswer = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
  easyToReach: z.boolean().optional().describe('After a handoff: was it easy to reach a person?'),
});

export const CsatSettings = z.strictObject({
  enabled: z.boolean(),
  delayMinutes: z.number().int().min(0).max(10_080).describe('How long after resolution the survey is sent'),
}).meta({ id: 'CsatSettings' });

export const Csat = z.object({
  conversationId: Id,
  rating: z.number().int().nullable(),
  comment: z.string().nullable(),
  easyToReach: z.boolean().nullable(),
  channel: z.enum(CHANNEL_KINDS),
  status: z.enum(['scheduled', 'asked', 'answered', 'skipped']),
  askedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
}).meta({ id: 'Csat' });
