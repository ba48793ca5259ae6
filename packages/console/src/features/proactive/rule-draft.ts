import { ANY_AUDIENCE, type ProactiveAudience, type TriggerKind } from '@tandem/core';
import type { ProactiveRule, ProactiveRuleBody } from '@tandem/protocol';
import { actionBody, actionDraft, actionKindsFor, actionPaths, type ActionDraft } from './action-draft.ts';
import { triggerBody, triggerDraft, triggerPaths, type TriggerDraft } from './trigger-draft.ts';

/** A rule as its form holds it (numbers as typed, every kind's fields kept). */
export interface RuleDraft {
  name: string;
  enabled: boolean;
  trigger: TriggerDraft;
  audience: ProactiveAudience;
  action: ActionDraft;
  allowWhileTyping: boolean;
  allowDuringPurchase: boolean;
  holdoutPercent: string;
}

export const MAX_HOLDOUT_PERCENT = 50;

export function ruleDraft(rule?: ProactiveRule): RuleDraft {
  return {
    name: rule?.name ?? '',
    enabled: rule?.enabled ?? true,
    trigger: triggerDraft(rule?.trigger),
    audience: rule ? { ...rule.audience } : { ...ANY_AUDIENCE },
    action: actionDraft(rule?.action),
    allowWhileTyping: rule?.allowWhileTyping ?? false,
    allowDuringPurchase: rule?.allowDuringPurchase ?? false,
    holdoutPercent: String(rule?.holdoutPercent ?? 0),
  };
}

/** Another trigger kind; the action follows when the new trigger does not allow it. */
export function withTriggerKind(draft: RuleDraft, kind: TriggerKind): RuleDraft {
  const allowed = actionKindsFor(kind);
  const action = allowed.includes(draft.action.kind) ? draft.action : { ...draft.action, kind: allowed[0]! };
  return { ...draft, trigger: { ...draft.trigger, kind }, action };
}

export function ruleBody(draft: RuleDraft): ProactiveRuleBody {
  return {
    name: draft.name.trim(),
    enabled: draft.enabled,
    trigger: triggerBody(draft.trigger),
    audience: draft.audience,
    action: actionBody(draft.action),
    allowWhileTyping: draft.allowWhileTyping,
    allowDuringPurchase: draft.allowDuringPurchase,
    holdoutPercent: Number(draft.holdoutPercent),
  };
}

const AUDIENCE_PATHS = ['segments', 'locales', 'returning', 'identified', 'withinBusinessHours', 'agentsAvailable'].map((key) => `audience.${key}`);

/**
 * The fields that show the server's messages next to them; messages for any other path (a checkbox,
 * the rule as a whole) show above the buttons.
 */
export function rulePaths(draft: RuleDraft): string[] {
  return ['name', ...triggerPaths(draft.trigger), ...AUDIENCE_PATHS, ...actionPaths(draft.action), 'holdoutPercent'];
}
