import { normalizeText } from '../search/normalize.ts';
import { CHANNEL_KINDS, type ChannelKind } from '../vocabulary.ts';

/** How a customer's last issue was resolved. */
export const LAST_MODES = ['self-service', 'bot', 'person'] as const;
export type LastMode = (typeof LAST_MODES)[number];

/** What segment rules look at; computed elsewhere (customer record, conversation history) and passed in. */
export interface CustomerFacts {
  /** Host-provided: tier, plan, spend, income_band, vip, country... */
  attributes: Readonly<Record<string, unknown>>;
  behaviour: {
    conversations: number;
    /** Issues solved by the help center, guides or the bot, without a person. */
    resolvedBySelfService: number;
    resolvedByPeople: number;
    /** Customer messages per channel. */
    channels: Partial<Record<ChannelKind, number>>;
    lastMode: LastMode | null;
    daysSinceLastContact: number | null;
  };
}

export const SEGMENT_OPS = ['equals', 'not_equals', 'in', 'gt', 'gte', 'lt', 'lte', 'exists', 'contains'] as const;
export type SegmentOp = (typeof SEGMENT_OPS)[number];

export type SegmentScalar = string | number | boolean;

/** `field` is `attributes.<path>` (dots walk into nested objects) or one of `BEHAVIOUR_FIELDS`. */
export interface SegmentCondition {
  field: string;
  op: SegmentOp;
  value?: SegmentScalar | readonly SegmentScalar[];
}

export type SegmentRule = { all: readonly SegmentRule[] } | { any: readonly SegmentRule[] } | { not: SegmentRule } | SegmentCondition;

/**
 * The behaviour a rule can read. Shares are in [0, 1] and null when there is nothing to divide:
 * `selfServiceShare` and `peopleShare` split resolved issues; `digitalShare` is the share of
 * messages sent on a written channel (web, email, sms, whatsapp, api) against voice.
 * `preferredChannel` is the channel with the most messages (a tie goes to the one first in
 * `CHANNEL_KINDS`), null with no messages.
 */
export const BEHAVIOUR_FIELDS = [
  'behaviour.conversations',
  'behaviour.resolvedBySelfService',
  'behaviour.resolvedByPeople',
  'behaviour.selfServiceShare',
  'behaviour.peopleShare',
  'behaviour.digitalShare',
  'behaviour.preferredChannel',
  'behaviour.lastMode',
  'behaviour.daysSinceLastContact',
] as const;
export type BehaviourField = (typeof BEHAVIOUR_FIELDS)[number];

/** What values a behaviour field holds: a number, or one of a closed set of names. */
export const BEHAVIOUR_FIELD_VALUES: Readonly<Record<BehaviourField, 'number' | readonly string[]>> = {
  'behaviour.conversations': 'number',
  'behaviour.resolvedBySelfService': 'number',
  'behaviour.resolvedByPeople': 'number',
  'behaviour.selfServiceShare': 'number',
  'behaviour.peopleShare': 'number',
  'behaviour.digitalShare': 'number',
  'behaviour.preferredChannel': CHANNEL_KINDS,
  'behaviour.lastMode': LAST_MODES,
  'behaviour.daysSinceLastContact': 'number',
};

export type BehaviourMetrics = Record<BehaviourField, number | string | null>;

// Host data may carry a negative or NaN count; it counts as none.
const count = (n: number | undefined): number => (n !== undefined && Number.isFinite(n) && n > 0 ? n : 0);
const share = (part: number, total: number): number | null => (total > 0 ? part / total : null);

/** The derived behaviour metrics of a customer, keyed by field name, as rules see them. */
export function behaviourMetrics(facts: CustomerFacts): BehaviourMetrics {
  const b = facts.behaviour;
  const bySelf = count(b.resolvedBySelfService);
  const byPeople = count(b.resolvedByPeople);
  let written = 0;
  let preferred: ChannelKind | null = null;
  for (const kind of CHANNEL_KINDS) {
    const messages = count(b.channels[kind]);
    if (kind !== 'voice') written += messages;
    if (messages > 0 && (preferred === null || messages > count(b.channels[preferred]))) preferred = kind;
  }
  return {
    'behaviour.conversations': count(b.conversations),
    'behaviour.resolvedBySelfService': bySelf,
    'behaviour.resolvedByPeople': byPeople,
    'behaviour.selfServiceShare': share(bySelf, bySelf + byPeople),
    'behaviour.peopleShare': share(byPeople, bySelf + byPeople),
    'behaviour.digitalShare': share(written, written + count(b.channels.voice)),
    'behaviour.preferredChannel': preferred,
    'behaviour.lastMode': b.lastMode,
    'behaviour.daysSinceLastContact': b.daysSinceLastContact,
  };
}

/** The value a field names, or undefined when the customer has none (null counts as none). */
function fieldValue(field: string, facts: CustomerFacts, metrics: BehaviourMetrics = behaviourMetrics(facts)): unknown {
  if (field.startsWith('attributes.')) {
    let value: unknown = facts.attributes;
    for (const key of field.slice('attributes.'.length).split('.')) {
      // Own keys only: `attributes.constructor` must not reach Object.prototype.
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value ?? undefined;
  }
  return Object.hasOwn(metrics, field) ? (metrics[field as BehaviourField] ?? undefined) : undefined;
}

/**
 * Whether a customer matches a rule. A missing value (absent, null, or a share with nothing to
 * divide) never matches a comparison, `not_equals` included; wrap `equals` in `not` to include
 * customers without the value. `equals`, `not_equals` and `in` compare like with like: text
 * ignoring case and Unicode form, numbers and booleans exactly; "100" is not 100. `gt`…`lte`
 * hold only for numbers. `contains` finds text inside text, or an item in a list. `exists`
 * wants a value that is not blank text or an empty list. An empty `all` holds, an empty `any` does not.
 */
export function evaluateSegmentRule(rule: SegmentRule, facts: CustomerFacts): boolean {
  return evaluate(rule, facts, behaviourMetrics(facts));
}

function evaluate(rule: SegmentRule, facts: CustomerFacts, metrics: BehaviourMetrics): boolean {
  if ('all' in rule) return rule.all.every((r) => evaluate(r, facts, metrics));
  if ('any' in rule) return rule.any.some((r) => evaluate(r, facts, metrics));
  if ('not' in rule) return !evaluate(rule.not, facts, metrics);
  return segmentConditionHolds(rule, fieldValue(rule.field, facts, metrics));
}

/** Whether one condition holds for a value already looked up (also used by proactive rules on event properties). */
export function segmentConditionHolds(condition: SegmentCondition, actual: unknown): boolean {
  if (actual === undefined) return false;
  const { value } = condition;
  switch (condition.op) {
    case 'exists':
      return !(typeof actual === 'string' && actual.trim() === '') && !(Array.isArray(actual) && actual.length === 0);
    case 'equals':
      return isScalar(value) && sameValue(actual, value);
    case 'not_equals':
      return isScalar(value) && !sameValue(actual, value);
    case 'in':
      return Array.isArray(value) && value.some((v) => sameValue(actual, v));
    case 'gt':
      return isNumber(actual) && isNumber(value) && actual > value;
    case 'gte':
      return isNumber(actual) && isNumber(value) && actual >= value;
    case 'lt':
      return isNumber(actual) && isNumber(value) && actual < value;
    case 'lte':
      return isNumber(actual) && isNumber(value) && actual <= value;
    case 'contains':
      if (Array.isArray(actual)) return isScalar(value) && actual.some((item) => sameValue(item, value));
      return typeof actual === 'string' && typeof value === 'string' && value.trim() !== '' && comparable(actual).includes(comparable(value));
  }
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isScalar = (v: unknown): v is SegmentScalar => typeof v === 'string' || typeof v === 'boolean' || isNumber(v);

function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string' && typeof expected === 'string') return comparable(actual) === comparable(expected);
  return isScalar(actual) && actual === expected;
}

// NFC, lower case and Persian letter variants unified (the search normalization), so "VÀNG"
// typed decomposed equals "vàng" and "طلايي" with Arabic yeh equals "طلایی". Diacritics stay:
// Vietnamese "vang" is another word.
function comparable(text: string): string {
  return normalizeText(text).trim();
}
