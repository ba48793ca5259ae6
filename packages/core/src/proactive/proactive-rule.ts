import type { SegmentCondition } from '../routing/segment-rules.ts';
import type { LocalizedText } from '../guide/guide.ts';
import type { Locale } from '../vocabulary.ts';

/** What the visitor does that can fire a web rule (evaluated in the widget, no round trip). */
export const WEB_TRIGGER_KINDS = ['page_view', 'time_on_page', 'scroll_depth', 'form_idle', 'exit_intent', 'repeat_visits', 'host_event'] as const;
/** Every trigger: the web ones and `business_event`, posted by the host system's server. */
export const TRIGGER_KINDS = [...WEB_TRIGGER_KINDS, 'business_event'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/** A condition on a `Tandem.track()` event's properties: `{ field: 'cart_value', op: 'gt', value: 100 }`. */
export type EventPropCondition = SegmentCondition;

/** `urlPattern` narrows any web trigger to pages whose path (or full URL) matches; `*` is a wildcard. */
export type ProactiveTrigger =
  | { kind: 'page_view'; urlPattern?: string }
  | { kind: 'time_on_page'; seconds: number; urlPattern?: string }
  | { kind: 'scroll_depth'; percent: number; urlPattern?: string }
  | { kind: 'form_idle'; seconds: number; urlPattern?: string }
  | { kind: 'exit_intent'; urlPattern?: string }
  | { kind: 'repeat_visits'; visits: number; urlPattern?: string }
  | { kind: 'host_event'; event: string; where: EventPropCondition[]; urlPattern?: string }
  | { kind: 'business_event'; event: string };

export type WebTrigger = Exclude<ProactiveTrigger, { kind: 'business_event' }>;

export const AUDIENCE_CHOICES = ['any', 'yes', 'no'] as const;
export type AudienceChoice = (typeof AUDIENCE_CHOICES)[number];

/** Who a rule is for; every criterion left at `any` (or empty) lets everyone through. */
export interface ProactiveAudience {
  /** Segment keys: the visitor must be in at least one. */
  segments: string[];
  locales: Locale[];
  /** `yes`: has visited before (a returning visitor); `no`: a first visit. */
  returning: AudienceChoice;
  /** Signed in on the host site (`Tandem.identify`) or known by email/phone. */
  identified: AudienceChoice;
  withinBusinessHours: AudienceChoice;
  agentsAvailable: AudienceChoice;
}

export const ACTION_KINDS = ['bot_message', 'open_guide', 'suggest_articles', 'offer_person', 'send_message'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export type ProactiveAction =
  | { kind: 'bot_message'; text: LocalizedText; quickReplies: LocalizedText[] }
  | { kind: 'open_guide'; guideId: string; text: LocalizedText }
  | { kind: 'suggest_articles'; articleIds: string[]; text: LocalizedText }
  | { kind: 'offer_person'; text: LocalizedText }
  /** Business events only: a message over the customer's channel; `{{name}}` is filled from the event's data. */
  | { kind: 'send_message'; text: LocalizedText; subject?: string; openConversation: boolean };

export interface ProactiveRule {
  id: string;
  name: string;
  enabled: boolean;
  trigger: ProactiveTrigger;
  audience: ProactiveAudience;
  action: ProactiveAction;
  /** Fire even while the visitor types in the widget. */
  allowWhileTyping: boolean;
  /** Fire even on a purchase step (the workspace's purchase pages). */
  allowDuringPurchase: boolean;
  /** Share of matching visitors kept as a control group (0–50). */
  holdoutPercent: number;
}

/** The workspace's limits: never more than this, whatever the rules say. */
export interface ProactiveCaps {
  perSession: number;
  perWeek: number;
  /** Behaviour-based triggers only for visitors who gave `behaviour` consent. */
  requireConsent: boolean;
  /** Pages where the visitor is mid-purchase (URL patterns). */
  purchaseUrlPatterns: string[];
}

export const DEFAULT_PROACTIVE_CAPS: ProactiveCaps = {
  perSession: 1,
  perWeek: 3,
  requireConsent: true,
  purchaseUrlPatterns: ['/checkout*', '/cart*'],
};

export const ANY_AUDIENCE: ProactiveAudience = {
  segments: [],
  locales: [],
  returning: 'any',
  identified: 'any',
  withinBusinessHours: 'any',
  agentsAvailable: 'any',
};

export function isWebTrigger(trigger: ProactiveTrigger): trigger is WebTrigger {
  return trigger.kind !== 'business_event';
}

/** The text in the visitor's language, else English, else whatever is given. */
export function pickText(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.en ?? Object.values(text).find((t) => t !== undefined) ?? '';
}
