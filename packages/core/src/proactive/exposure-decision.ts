import { inHoldout } from './holdout.ts';
import type { ProactiveCaps, ProactiveRule } from './proactive-rule.ts';

/** Why a rule that fired was not shown. Every suppression is logged with one of these. */
export const SUPPRESSION_REASONS = [
  'do_not_disturb',
  'no_consent',
  'audience',
  'no_agent',
  'typing',
  'purchasing',
  'session_cap',
  'weekly_cap',
  'rule_disabled',
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/** `holdout`: would have been shown, kept back as the rule's control group (counts against caps like a show). */
export type ExposureOutcome = { kind: 'shown' } | { kind: 'holdout' } | { kind: 'suppressed'; reason: SuppressionReason };

/** An earlier show or holdout for this customer, on any device (merged customers included). */
export interface PastExposure {
  ruleId: string;
  sessionId: string;
  at: Date;
}

export interface ExposureRequest {
  rule: Pick<ProactiveRule, 'id' | 'enabled' | 'trigger' | 'action' | 'allowWhileTyping' | 'allowDuringPurchase' | 'holdoutPercent'>;
  caps: ProactiveCaps;
  customerId: string;
  sessionId: string;
  now: Date;
  doNotDisturb: boolean;
  behaviourConsent: boolean;
  audienceMatches: boolean;
  agentsAvailable: boolean;
  typing: boolean;
  purchasing: boolean;
  past: readonly PastExposure[];
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Whether a rule that fired in the widget may show now. The visitor's own wishes first (do not
 * disturb, consent), then who the rule is for, then the moment (typing, buying), then the caps;
 * only a visitor who passes everything is split between shown and the control group.
 */
export function decideExposure(request: ExposureRequest): ExposureOutcome {
  const { rule, caps } = request;
  const suppressed = (reason: SuppressionReason): ExposureOutcome => ({ kind: 'suppressed', reason });
  if (!rule.enabled) return suppressed('rule_disabled');
  if (request.doNotDisturb) return suppressed('do_not_disturb');
  if (caps.requireConsent && !request.behaviourConsent) return suppressed('no_consent');
  if (!request.audienceMatches) return suppressed('audience');
  if (rule.action.kind === 'offer_person' && !request.agentsAvailable) return suppressed('no_agent');
  if (request.typing && !rule.allowWhileTyping) return suppressed('typing');
  if (request.purchasing && !rule.allowDuringPurchase) return suppressed('purchasing');
  const inSession = request.past.filter((p) => p.sessionId === request.sessionId).length;
  if (inSession >= caps.perSession) return suppressed('session_cap');
  const since = request.now.getTime() - WEEK_MS;
  const inWeek = request.past.filter((p) => p.at.getTime() > since).length;
  if (inWeek >= caps.perWeek) return suppressed('weekly_cap');
  return inHoldout(rule.id, request.customerId, rule.holdoutPercent) ? { kind: 'holdout' } : { kind: 'shown' };
}
