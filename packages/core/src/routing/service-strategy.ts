import type { LastMode } from './segment-rules.ts';

/** How a conversation starts: with the bot, with the bot and a person close by, or with a person. */
export const SERVICE_STRATEGIES = ['bot-first', 'hybrid', 'human-first', 'same-as-last-time'] as const;
export type ServiceStrategy = (typeof SERVICE_STRATEGIES)[number];
/** A strategy the bot and routing act on; `same-as-last-time` resolves to one of these. */
export type ConcreteStrategy = Exclude<ServiceStrategy, 'same-as-last-time'>;

export const VERTICALS = ['banking', 'retail', 'telecom', 'saas', 'other'] as const;
export type Vertical = (typeof VERTICALS)[number];

/** What a conversation is about, as far as a vertical's policy cares; checked in this order. */
export const STRATEGY_TOPICS = ['complaint', 'money'] as const;
export type StrategyTopic = (typeof STRATEGY_TOPICS)[number];

export interface VerticalPolicy {
  /** null: the workspace's default. */
  strategy: ConcreteStrategy | null;
  /** Topics that override `strategy`. */
  topics: Readonly<Partial<Record<StrategyTopic, ConcreteStrategy>>>;
  /** Hand off after one not-understood bot turn instead of two. */
  fastEscalation: boolean;
}

// Banking customers want people for complaints and money; retail customers go online and leave
// a bot that does not understand them quickly, so it gives up after one miss.
export const VERTICAL_POLICIES: Readonly<Record<Vertical, Readonly<VerticalPolicy>>> = {
  banking: { strategy: 'hybrid', topics: { complaint: 'human-first', money: 'human-first' }, fastEscalation: false },
  retail: { strategy: 'bot-first', topics: {}, fastEscalation: true },
  telecom: { strategy: 'hybrid', topics: {}, fastEscalation: false },
  saas: { strategy: 'bot-first', topics: {}, fastEscalation: false },
  other: { strategy: null, topics: {}, fastEscalation: false },
};

export interface StrategyInput {
  /** The customer's matched segments, highest priority first (what `matchingSegments` returns). */
  segments: ReadonlyArray<{ key: string; strategy: ServiceStrategy | null }>;
  vertical: Vertical | null;
  workspaceDefault: ConcreteStrategy;
  topic?: Readonly<Record<StrategyTopic, boolean>> | null;
  /** How the customer's last issue was resolved. */
  lastMode: LastMode | null;
}

export interface StrategyDecision {
  strategy: ConcreteStrategy;
  /** Which rule decided: `segment "premium" (hybrid)`, `vertical banking: complaint → human-first`. */
  reason: string;
}

const LAST_TIME: Record<LastMode, { strategy: ConcreteStrategy; why: string }> = {
  person: { strategy: 'human-first', why: 'last resolved by a person' },
  bot: { strategy: 'bot-first', why: 'last resolved by the bot' },
  'self-service': { strategy: 'bot-first', why: 'last resolved by self-service' },
};

/**
 * How to serve a customer, first rule that decides:
 * 1. the first matched segment with a strategy; `same-as-last-time` follows how the last issue
 *    was resolved (a person → human-first, the bot or self-service → bot-first) and, with no
 *    last issue, leaves the decision to the next segment;
 * 2. the workspace's vertical, whose topics (a banking complaint or money matter) override its
 *    own strategy; segments win over a vertical's topics, because the bot still hands
 *    complaints to a person turn by turn (`decideTurn`);
 * 3. the workspace default, for the `other` vertical or none.
 */
export function resolveStrategy(input: StrategyInput): StrategyDecision {
  for (const segment of input.segments) {
    if (segment.strategy === null) continue;
    if (segment.strategy !== 'same-as-last-time') return { strategy: segment.strategy, reason: `segment "${segment.key}" (${segment.strategy})` };
    if (input.lastMode === null) continue;
    const { strategy, why } = LAST_TIME[input.lastMode];
    return { strategy, reason: `segment "${segment.key}" (same-as-last-time: ${why} → ${strategy})` };
  }
  const policy = input.vertical === null ? null : VERTICAL_POLICIES[input.vertical];
  if (input.vertical !== null && policy?.strategy) {
    for (const topic of STRATEGY_TOPICS) {
      const strategy = policy.topics[topic];
      if (strategy && input.topic?.[topic]) return { strategy, reason: `vertical ${input.vertical}: ${topic} → ${strategy}` };
    }
    return { strategy: policy.strategy, reason: `vertical ${input.vertical} → ${policy.strategy}` };
  }
  return { strategy: input.workspaceDefault, reason: `workspace default (${input.workspaceDefault})` };
}

/** Whether the bot hands off after one not-understood turn instead of two. */
export function fastEscalation(vertical: Vertical | null): boolean {
  return vertical !== null && VERTICAL_POLICIES[vertical].fastEscalation;
}
