// Analytics responses as the server sends them (typed by protocol), for the dashboard's tests.
import type { AgentStats, Journeys, Overview, SelfService, Staffing, Team } from '@tandem/protocol';
import { fakeHttp } from '../../test-support/fakes.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const SUPPORT_TEAM = uuid(11);

export const overview: Overview = {
  conversations: 1284,
  volume: {
    byDay: [
      { day: '2026-11-30', conversations: 41, customerMessages: 212 },
      { day: '2026-12-01', conversations: 58, customerMessages: 305 },
      { day: '2026-12-02', conversations: 47, customerMessages: 260 },
    ],
    byChannel: [
      { channel: 'web', conversations: 803 },
      { channel: 'email', conversations: 317 },
      { channel: 'whatsapp', conversations: 164 },
    ],
    byHour: [{ hour: 9, conversations: 120 }, { hour: 10, conversations: 151 }, { hour: 14, conversations: 98 }],
  },
  responseTimes: {
    firstResponse: { count: 1102, median: 125, p90: 1_860 },
    nextResponse: { count: 3420, median: 95, p90: 600 },
    resolution: { count: 990, median: 15_300, p90: 93_600 },
  },
  sla: { firstResponseMet: 0.92, resolutionMet: 0.81, breaches: 37 },
  csat: { responses: 412, average: 4.31, satisfiedShare: 0.86 },
  resolution: { windowDays: 7, honest: { bot: 310, selfService: 122, agent: 640, cameBack: 58 }, loose: { bot: 331, agent: 677 } },
  definitions: {
    csatAverage: 'The mean of the 1–5 ratings given in satisfaction surveys answered in the period; surveys without an answer are not counted.',
    csatSatisfied: 'Of the satisfaction ratings given in the period, the share that are 4 or 5.',
    reopenRate: 'Share of resolved conversations the customer reopened within 7 days.',
  },
};

export const selfService: SelfService = {
  helpCenter: { articleViews: 5210, searches: 1830, zeroResultSearches: 214 },
  topZeroResultQueries: [{ query: 'hoàn tiền, trả hàng', count: 31 }, { query: 'bảo hành "pro"', count: 12 }],
  articles: [{ articleId: uuid(21), title: 'Refund policy', views: 940, helpful: 310, notHelpful: 42, followedByConversation: 61 }],
  guides: [{ guideId: uuid(31), title: 'Set up your router', started: 200, completed: 150 }],
  selfServiceRate: { sessions: 2400, resolved: 1680, rate: 0.7 },
  botContainment: { botConversations: 640, contained: 410, rate: 0.640625 },
  definitions: {},
};

export const journeys: Journeys = {
  sankey: {
    // Node ids are "<step>:<touchpoint>", labelled with the touchpoint (core/analytics/journeys.ts).
    nodes: [{ id: '1:help_center', label: 'help_center' }, { id: '2:widget', label: 'widget' }, { id: '3:bot', label: 'bot' }, { id: '4:person', label: 'person' }, { id: '4:kiosk', label: 'kiosk' }],
    links: [
      { source: '1:help_center', target: '2:widget', value: 900 }, { source: '2:widget', target: '3:bot', value: 400 },
      { source: '3:bot', target: '4:person', value: 60 }, { source: '3:bot', target: '4:kiosk', value: 5 },
    ],
  },
  funnel: [{ stage: 'entry', sessions: 2400 }, { stage: 'search', sessions: 900 }, { stage: 'handoff', sessions: 120 }],
  handoffReasons: [{ reason: 'asked', count: 70 }, { reason: 'low_confidence', count: 31 }, { reason: 'shipping_webhook_down', count: 4 }],
  gaps: [{ kind: 'article', id: 'refund-policy', label: 'Refund policy', handoffs: 60 }, { kind: 'intent', id: 'order_status', label: 'order_status', handoffs: 22 }],
  topStartPages: [{ url: 'https://shop.example/checkout', conversations: 210 }],
  definitions: {},
};

export const staffing: Staffing = {
  intervalMinutes: 30,
  target: { serviceLevel: 0.8, withinSeconds: 60, handleSeconds: 300 },
  intervals: [
    { weekday: 1, slot: 18, arrivals: 3.5, agentsNeeded: 2 },
    { weekday: 1, slot: 19, arrivals: 6.25, agentsNeeded: 4 },
    { weekday: 6, slot: 20, arrivals: 1, agentsNeeded: 1 },
    { weekday: 0, slot: 40, arrivals: 0, agentsNeeded: 0 },
  ],
  definitions: {},
};

export const agentStats: AgentStats = {
  items: [{ agentId: uuid(1), name: 'Lan', conversations: 210, resolved: 190, firstResponse: { count: 200, median: 80, p90: 400 }, csatAverage: 4.6, csatResponses: 71, occupancy: 0.72, concurrency: 2.4 }],
  definitions: {},
};

const teams: Team[] = [{ id: SUPPORT_TEAM, name: 'Support', skills: [], agentIds: [], createdAt: '2026-01-01T00:00:00.000Z' }];

/** The analytics API and the lists the filter bar reads. */
export const analyticsReads = () =>
  fakeHttp({
    '/analytics/overview': () => overview,
    '/analytics/self-service': () => selfService,
    '/analytics/journeys': () => journeys,
    '/analytics/staffing': () => staffing,
    '/analytics/agents': () => agentStats,
    '/teams': () => ({ items: teams }),
    '/agents': () => ({ items: [], nextCursor: null }),
    '/segments': () => ({ items: [{ key: 'vip', name: { en: 'VIP', vi: 'Khách VIP', fa: 'ویژه' } }] }),
  });
