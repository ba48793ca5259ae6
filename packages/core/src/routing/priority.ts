import type { Priority } from '../vocabulary.ts';

const BASE: Record<Priority, number> = { urgent: 3000, high: 2000, normal: 1000, low: 0 };

/** Points added on top of the set priority. A boost of 1000 lifts a conversation one priority level. */
export interface PriorityBoosts {
  complaint: number;
  vip: number;
  /** When the SLA is due within `slaRiskSeconds` (or already breached). */
  slaAtRisk: number;
  slaRiskSeconds: number;
  /** Per minute waited, up to `maxWaitingBoost`: nobody waits forever behind newer urgent work. */
  perMinuteWaiting: number;
  maxWaitingBoost: number;
}

export const DEFAULT_BOOSTS: PriorityBoosts = { complaint: 1000, vip: 1000, slaAtRisk: 1500, slaRiskSeconds: 300, perMinuteWaiting: 10, maxWaitingBoost: 900 };

/** A conversation waiting for a person. */
export interface WaitingConversation {
  conversationId: string;
  priority: Priority;
  queuedAt: Date;
  complaint: boolean;
  vip: boolean;
  slaDueAt: Date | null;
}

export interface PriorityScore {
  score: number;
  /** Why it is boosted, for the routing event: `complaint`, `vip`, `sla at risk`, `waited 12 min`. */
  boosts: string[];
}

export function priorityScore(item: WaitingConversation, now: Date, boosts: PriorityBoosts = DEFAULT_BOOSTS): PriorityScore {
  let score = BASE[item.priority];
  const reasons: string[] = [];
  if (item.complaint) {
    score += boosts.complaint;
    reasons.push('complaint');
  }
  if (item.vip) {
    score += boosts.vip;
    reasons.push('vip');
  }
  if (item.slaDueAt && item.slaDueAt.getTime() - now.getTime() <= boosts.slaRiskSeconds * 1000) {
    score += boosts.slaAtRisk;
    reasons.push('sla at risk');
  }
  const minutes = Math.floor(Math.max(0, now.getTime() - item.queuedAt.getTime()) / 60_000);
  const waiting = Math.min(minutes * boosts.perMinuteWaiting, boosts.maxWaitingBoost);
  if (waiting > 0) {
    score += waiting;
    reasons.push(`waited ${minutes} min`);
  }
  return { score, boosts: reasons };
}

/** The queue in the order people should take it: highest score first, then longest waiting. */
export function queueOrder<T extends WaitingConversation>(items: readonly T[], now: Date, boosts: PriorityBoosts = DEFAULT_BOOSTS): T[] {
  const scored = items.map((item) => ({ item, score: priorityScore(item, now, boosts).score }));
  scored.sort((a, b) => b.score - a.score || a.item.queuedAt.getTime() - b.item.queuedAt.getTime() || (a.item.conversationId < b.item.conversationId ? -1 : 1));
  return scored.map((s) => s.item);
}
