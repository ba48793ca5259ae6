import { normalizeText } from '../search/normalize.ts';
import type { FlowCondition } from './flow.ts';
import { stringifyValue } from './flow-text.ts';

export interface ConditionFacts {
  slots: Readonly<Record<string, string>>;
  attributes: Readonly<Record<string, unknown>>;
  segments: readonly string[];
}

/**
 * Whether a condition holds. For a slot or an attribute (lists read as their items), comparisons
 * ignore case: `exists` = has a non-empty value, `equals`/`in` = is one of `value`, `not_equals` =
 * is none of them (a missing value included), `contains` = a list has the item or a text has the
 * substring. For `segment` the question is membership: in segment `name`, or in any of `value`
 * when given; `not_equals` asks the opposite and every other op asks "is a member".
 */
export function conditionHolds(condition: FlowCondition, facts: ConditionFacts): boolean {
  const expected = condition.value === undefined ? [] : typeof condition.value === 'string' ? [condition.value] : [...condition.value];
  if (condition.source === 'segment') {
    const keys = expected.length > 0 ? expected : [condition.name];
    const isMember = keys.some((key) => facts.segments.includes(key));
    return condition.op === 'not_equals' ? !isMember : isMember;
  }
  const raw = condition.source === 'slot' ? facts.slots[condition.name] : facts.attributes[condition.name];
  const actual = stringifyValue(raw);
  const wanted = expected.map(comparable);
  const isOneOf = actual !== undefined && wanted.includes(comparable(actual));
  switch (condition.op) {
    case 'exists':
      return actual !== undefined && actual.trim() !== '';
    case 'equals':
    case 'in':
      return isOneOf;
    case 'not_equals':
      return !isOneOf;
    case 'contains':
      if (Array.isArray(raw)) return raw.some((item) => wanted.includes(comparable(stringifyValue(item) ?? '')));
      return actual !== undefined && wanted.length > 0 && wanted.every((part) => comparable(actual).includes(part));
  }
}

function comparable(text: string): string {
  return normalizeText(text).trim();
}
