import type { SegmentOp, TriggerKind } from '@tandem/core';
import type { ProactiveRule } from '@tandem/protocol';
import { conditionText, conditionValue } from './condition-value.ts';

type Trigger = ProactiveRule['trigger'];

export interface ConditionDraft {
  key: number;
  field: string;
  op: SegmentOp;
  value: string;
}

/** A trigger as the form holds it: every kind's parameters at once, so switching kinds loses nothing typed. */
export interface TriggerDraft {
  kind: TriggerKind;
  seconds: string;
  percent: string;
  visits: string;
  event: string;
  where: ConditionDraft[];
  urlPattern: string;
}

export const MAX_CONDITIONS = 10;

export function triggerDraft(trigger?: Trigger): TriggerDraft {
  const draft: TriggerDraft = { kind: 'time_on_page', seconds: '30', percent: '50', visits: '3', event: '', where: [], urlPattern: '' };
  if (!trigger) return draft;
  const { kind } = trigger;
  if ('urlPattern' in trigger) draft.urlPattern = trigger.urlPattern ?? '';
  if (kind === 'time_on_page' || kind === 'form_idle') draft.seconds = String(trigger.seconds);
  if (kind === 'scroll_depth') draft.percent = String(trigger.percent);
  if (kind === 'repeat_visits') draft.visits = String(trigger.visits);
  if (kind === 'host_event' || kind === 'business_event') draft.event = trigger.event;
  if (kind === 'host_event') draft.where = trigger.where.map((c, key) => ({ key, field: c.field, op: c.op, value: conditionText(c.value) }));
  return { ...draft, kind };
}

export const emptyCondition = (rows: readonly ConditionDraft[]): ConditionDraft => ({ key: Math.max(-1, ...rows.map((r) => r.key)) + 1, field: '', op: 'equals', value: '' });

export function triggerBody(draft: TriggerDraft): Trigger {
  const pattern = draft.urlPattern.trim();
  const url = pattern ? { urlPattern: pattern } : {};
  const event = draft.event.trim();
  switch (draft.kind) {
    case 'page_view':
    case 'exit_intent':
      return { kind: draft.kind, ...url };
    case 'time_on_page':
    case 'form_idle':
      return { kind: draft.kind, seconds: Number(draft.seconds), ...url };
    case 'scroll_depth':
      return { kind: 'scroll_depth', percent: Number(draft.percent), ...url };
    case 'repeat_visits':
      return { kind: 'repeat_visits', visits: Number(draft.visits), ...url };
    case 'host_event': {
      const where = draft.where.map((c) => {
        const value = conditionValue(c.op, c.value);
        return { field: c.field.trim(), op: c.op, ...(value === undefined ? {} : { value }) };
      });
      return { kind: 'host_event', event, where, ...url };
    }
    case 'business_event':
      return { kind: 'business_event', event };
  }
}

/** The trigger's fields on screen, each showing the server's messages for its path. */
export function triggerPaths(draft: TriggerDraft): string[] {
  const paths = ['trigger.kind'];
  if (draft.kind !== 'business_event') paths.push('trigger.urlPattern');
  if (draft.kind === 'time_on_page' || draft.kind === 'form_idle') paths.push('trigger.seconds');
  if (draft.kind === 'scroll_depth') paths.push('trigger.percent');
  if (draft.kind === 'repeat_visits') paths.push('trigger.visits');
  if (draft.kind === 'host_event' || draft.kind === 'business_event') paths.push('trigger.event');
  if (draft.kind === 'host_event') {
    paths.push(...draft.where.flatMap((c, i) => (c.op === 'exists' ? ['field', 'op'] : ['field', 'op', 'value']).map((part) => `trigger.where.${i}.${part}`)));
  }
  return paths;
}
