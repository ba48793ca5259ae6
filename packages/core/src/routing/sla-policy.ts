import type { ChannelKind, Priority } from '../vocabulary.ts';
import type { Schedule } from './business-time.ts';
import { slaStatus, type Pause, type SlaState } from './sla-clock.ts';

export const SLA_METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** What happens when a target is missed. */
export interface SlaEscalation {
  /** Raise the conversation one priority level. */
  boostPriority: boolean;
  /** Agents (team leads) told about the breach. */
  notifyAgentIds: readonly string[];
  /** Give it back to the queue (its agent did not make it). */
  reassign: boolean;
}

/** Targets in business seconds for the conversations it matches; empty match lists match everything. */
export interface SlaPolicy {
  key: string;
  name: string;
  priorities: readonly Priority[];
  channels: readonly ChannelKind[];
  segments: readonly string[];
  targets: Partial<Record<SlaMetric, number>>;
  /** Warn when this share of a target has elapsed. */
  warnAtFraction: number;
  escalation: SlaEscalation;
}

/** The first policy, in order, whose lists all match the conversation. */
export function pickSlaPolicy(policies: readonly SlaPolicy[], conversation: { priority: Priority; channel: ChannelKind | null; segments: readonly string[] }): SlaPolicy | null {
  return policies.find((p) =>
    (p.priorities.length === 0 || p.priorities.includes(conversation.priority))
    && (p.channels.length === 0 || (conversation.channel !== null && p.channels.includes(conversation.channel)))
    && (p.segments.length === 0 || p.segments.some((s) => conversation.segments.includes(s))),
  ) ?? null;
}

/** The moments an SLA is measured from, read off the conversation's messages and status history. */
export interface ConversationTimes {
  createdAt: Date;
  firstAgentReplyAt: Date | null;
  /** The customer's first message since the last agent reply, if that reply exists and is unanswered by an agent. */
  awaitingSince: Date | null;
  resolvedAt: Date | null;
  /** While pending on the customer: the clocks stand still. */
  pauses: readonly Pause[];
}

export interface SlaMeasure {
  metric: SlaMetric;
  targetSeconds: number;
  startedAt: Date;
  /** When the target was met or the clock stopped (a reply, the resolution); null while running. */
  stoppedAt: Date | null;
  state: SlaState | 'met';
  dueAt: Date | null;
  elapsedSeconds: number;
}

/**
 * Every metric the policy sets, as it stands at `now`: first response (from the first message to
 * the first agent reply), next response (from a customer message after an agent reply to the next
 * reply; only while one is awaited), resolution (from the start to resolved).
 */
export function measureSla(policy: SlaPolicy, times: ConversationTimes, schedule: Schedule, now: Date): SlaMeasure[] {
  const spans: Array<[SlaMetric, Date | null, Date | null]> = [
    ['first_response', times.createdAt, times.firstAgentReplyAt],
    ['next_response', times.firstAgentReplyAt ? times.awaitingSince : null, null],
    ['resolution', times.createdAt, times.resolvedAt],
  ];
  const measures: SlaMeasure[] = [];
  for (const [metric, startedAt, stoppedAt] of spans) {
    const target = policy.targets[metric];
    if (target === undefined || startedAt === null) continue;
    const until = stoppedAt ?? now;
    const status = slaStatus(schedule, startedAt, target, times.pauses, until, policy.warnAtFraction);
    const state = stoppedAt ? (status.state === 'breached' ? 'breached' : 'met') : status.state;
    measures.push({ metric, targetSeconds: target, startedAt, stoppedAt, state, dueAt: status.dueAt, elapsedSeconds: status.elapsedSeconds });
  }
  return measures;
}

const LEVELS: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

/** One priority level up (urgent stays urgent). */
export const boostedPriority = (priority: Priority): Priority => LEVELS[Math.min(LEVELS.indexOf(priority) + 1, LEVELS.length - 1)]!;
