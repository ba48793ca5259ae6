import type { SegmentCondition, SegmentOp } from '@tandem/core';
import { splitCommaList } from '../admin/comma-list.ts';

export type ConditionValue = string | number | boolean | (string | number | boolean)[];

const NUMERIC_OPS: readonly SegmentOp[] = ['gt', 'gte', 'lt', 'lte'];
const NUMBER = /^-?\d+(\.\d+)?$/;
const QUOTED = /^"(.*)"$/s;

export const isNumericOp = (op: SegmentOp) => NUMERIC_OPS.includes(op);

/**
 * What an admin typed as a condition's value, as the event carries it: `true`/`false` and numbers
 * compare as such (event properties keep their JSON type), `"42"` in quotes is the text 42, and
 * `in` takes a comma list. `exists` needs no value.
 */
export function conditionValue(op: SegmentOp, text: string): ConditionValue | undefined {
  const typed = text.trim();
  if (op === 'exists') return undefined;
  if (op === 'in') return splitCommaList(typed).map(scalarOf);
  if (isNumericOp(op)) return NUMBER.test(typed) ? Number(typed) : typed;
  return scalarOf(typed);
}

function scalarOf(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  return NUMBER.test(text) ? Number(text) : unquote(text);
}

/** The text that gives back `value` through conditionValue (for editing a stored rule). */
export function conditionText(value: SegmentCondition['value']): string {
  if (value === undefined) return '';
  if (typeof value === 'object') return value.map((item) => scalarText(item)).join(', ');
  return scalarText(value);
}

function scalarText(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return NUMBER.test(value) || value === 'true' || value === 'false' ? `"${value}"` : value;
}

const unquote = (text: string) => QUOTED.exec(text)?.[1] ?? text;
