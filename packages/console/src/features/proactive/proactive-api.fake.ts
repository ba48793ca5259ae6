// The proactive API in memory for the rule screens' tests: two rules, one report and its log, the
// workspace's limits, and the segments, articles and guides the pickers offer.
import type { ProactiveExposure, ProactiveRule, ProactiveRuleReport, ProactiveSettings } from '@tandem/protocol';
import { fakeHttp } from '../../test-support/fakes.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const PRICING_RULE = uuid(1);
export const LATE_ORDER_RULE = uuid(2);
export const REFUND_ARTICLE = uuid(31);
export const ROUTER_GUIDE = uuid(41);
const CUSTOMER = uuid(51);
const AT = '2026-12-01T09:30:00.000Z';
const ANYONE: ProactiveRule['audience'] = { segments: [], locales: [], returning: 'any', identified: 'any', withinBusinessHours: 'any', agentsAvailable: 'any' };

export const pricingRule: ProactiveRule = {
  id: PRICING_RULE, name: 'Help on pricing', enabled: true,
  trigger: { kind: 'time_on_page', seconds: 30, urlPattern: '/pricing*' },
  audience: { ...ANYONE, segments: ['vip'], locales: ['en', 'vi'] },
  action: { kind: 'bot_message', text: { en: 'Questions about plans?', vi: 'Bạn có câu hỏi về gói dịch vụ?' }, quickReplies: [{ en: 'Yes' }] },
  allowWhileTyping: false, allowDuringPurchase: false, holdoutPercent: 10, createdAt: AT, updatedAt: AT,
};
export const lateOrderRule: ProactiveRule = {
  id: LATE_ORDER_RULE, name: 'Late order notice', enabled: false,
  trigger: { kind: 'business_event', event: 'order_delayed' },
  audience: { ...ANYONE },
  action: { kind: 'send_message', text: { en: 'Your order {{order.id}} is late.' }, subject: 'Your order', openConversation: true },
  allowWhileTyping: false, allowDuringPurchase: false, holdoutPercent: 0, createdAt: AT, updatedAt: AT,
};

export const report: ProactiveRuleReport = {
  ruleId: PRICING_RULE, from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z',
  shown: 180, holdout: 20, suppressed: { typing: 12, weekly_cap: 30, no_consent: 5 },
  groups: {
    exposed: { customers: 160, conversationsOpened: 24, selfServiceResolved: 40, purchases: 8 },
    control: { customers: 20, conversationsOpened: 5, selfServiceResolved: 3, purchases: 1 },
  },
};

const exposure = (n: number, fields: Pick<ProactiveExposure, 'outcome' | 'reason' | 'url'>): ProactiveExposure => ({ id: uuid(100 + n), ruleId: PRICING_RULE, customerId: CUSTOMER, sessionId: `session-${n}`, occurredAt: AT, ...fields });
const exposures: Record<string, { items: ProactiveExposure[]; nextCursor: string | null }> = {
  '': { items: [exposure(1, { outcome: 'shown', reason: null, url: 'https://shop.example/pricing' }), exposure(2, { outcome: 'suppressed', reason: 'typing', url: 'https://shop.example/pricing/team' })], nextCursor: 'page-2' },
  'page-2': { items: [exposure(3, { outcome: 'holdout', reason: null, url: 'https://shop.example/pricing?plan=pro' })], nextCursor: null },
};

export const settings: ProactiveSettings = { perSession: 1, perWeek: 3, requireConsent: true, purchaseUrlPatterns: ['/checkout*', '/cart*'] };

export const proactiveReads = () =>
  fakeHttp({
    '/proactive/rules': () => ({ items: [pricingRule, lateOrderRule] }),
    [`/proactive/rules/${PRICING_RULE}`]: () => pricingRule,
    [`/proactive/rules/${PRICING_RULE}/report`]: () => report,
    '/proactive/exposures': (query) => exposures[String(query.cursor ?? '')]!,
    '/proactive/settings': () => settings,
    '/segments': () => ({ items: [{ key: 'vip', name: { en: 'VIP customers', vi: 'Khách VIP', fa: 'مشتریان ویژه' }, rule: {}, strategy: null, priority: 0 }, { key: 'new', name: { en: 'New customers' }, rule: {}, strategy: null, priority: 0 }] }),
    '/kb/articles': () => ({ items: [{ id: REFUND_ARTICLE, key: 'refunds', locale: 'en', title: 'Refund policy', status: 'published' }], nextCursor: null }),
    '/kb/guides': () => ({ items: [{ id: ROUTER_GUIDE, key: 'router', version: 1, definition: { key: 'router', title: { en: 'Set up your router' }, start: 's1', steps: [] }, updatedAt: AT }] }),
  });
