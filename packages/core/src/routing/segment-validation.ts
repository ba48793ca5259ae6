import { normalizeText } from '../search/normalize.ts';
import { BEHAVIOUR_FIELDS, BEHAVIOUR_FIELD_VALUES, SEGMENT_OPS, type BehaviourField, type SegmentOp } from './segment-rules.ts';

/** Groups (`all`, `any`, `not`) inside one another, the outermost counted. */
export const MAX_SEGMENT_RULE_DEPTH = 5;
export const MAX_SEGMENT_RULE_CONDITIONS = 50;

const GROUPS = ['all', 'any', 'not'] as const;
const CONDITION_KEYS = ['field', 'op', 'value'];
const NUMBER_OPS: readonly SegmentOp[] = ['gt', 'gte', 'lt', 'lte'];

// What a field may hold: 'number', a closed set of names, or anything (host attributes).
type FieldValues = 'number' | readonly string[] | 'any';
type Rule = Record<string, unknown>;

/**
 * What is wrong with a segment rule, if anything, each as "path: problem", the path in dots
 * from the top of the rule (`all.1.field`, `not.value.0`; `rule` for the whole rule): a shape that
 * is not one of all/any/not/condition, unknown keys, empty groups, fields that are neither
 * `attributes.<name>` nor a known behaviour metric, unknown ops, a missing value or one of the
 * wrong type for the op or the field, groups nested deeper than `MAX_SEGMENT_RULE_DEPTH`, and
 * more than `MAX_SEGMENT_RULE_CONDITIONS` conditions.
 */
export function validateSegmentRule(rule: unknown): string[] {
  const errors: string[] = [];
  const conditions = check(rule, [], 0, errors);
  if (conditions > MAX_SEGMENT_RULE_CONDITIONS) errors.push(`rule: ${conditions} conditions; at most ${MAX_SEGMENT_RULE_CONDITIONS} are allowed`);
  return errors;
}

const where = (path: readonly (string | number)[]) => (path.length === 0 ? 'rule' : path.join('.'));
const isObject = (v: unknown): v is Rule => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'boolean' || isNumber(v);

/** Checks one rule and returns how many conditions it holds. */
function check(rule: unknown, path: readonly (string | number)[], depth: number, errors: string[]): number {
  const shapes = isObject(rule) ? [...GROUPS, 'field'].filter((key) => Object.hasOwn(rule, key)) : [];
  if (!isObject(rule) || shapes.length !== 1) {
    errors.push(`${where(path)}: a rule is an object with exactly one of all, any, not or field`);
    return 0;
  }
  const shape = shapes[0]!;
  if (shape === 'field') {
    checkCondition(rule, path, errors);
    return 1;
  }
  for (const key of Object.keys(rule)) if (key !== shape) errors.push(`${where([...path, key])}: unknown key beside "${shape}"`);
  if (depth >= MAX_SEGMENT_RULE_DEPTH) {
    // Not descending further also bounds the recursion on hostile input.
    errors.push(`${where(path)}: groups are nested deeper than ${MAX_SEGMENT_RULE_DEPTH} levels`);
    return 0;
  }
  if (shape === 'not') return check(rule.not, [...path, 'not'], depth + 1, errors);
  const list = rule[shape];
  if (!Array.isArray(list)) {
    errors.push(`${where([...path, shape])}: a list of rules`);
    return 0;
  }
  if (list.length === 0) errors.push(`${where([...path, shape])}: needs at least one rule`);
  return list.reduce<number>((sum, item, i) => sum + check(item, [...path, shape, i], depth + 1, errors), 0);
}

function checkCondition(rule: Rule, path: readonly (string | number)[], errors: string[]): void {
  const at = (...keys: (string | number)[]) => where([...path, ...keys]);
  for (const key of Object.keys(rule)) if (!CONDITION_KEYS.includes(key)) errors.push(`${at(key)}: unknown key (a condition has field, op and value)`);
  const fieldProblem = checkField(rule.field);
  if (fieldProblem) errors.push(`${at('field')}: ${fieldProblem}`);
  if (!(SEGMENT_OPS as readonly unknown[]).includes(rule.op)) {
    errors.push(`${at('op')}: unknown op ${JSON.stringify(rule.op) ?? 'undefined'} (one of ${SEGMENT_OPS.join(', ')})`);
    return;
  }
  const op = rule.op as SegmentOp;
  const values: FieldValues = fieldProblem ? 'any' : valuesOf(rule.field as string);
  if (values !== 'any' && (op === 'contains' || (values !== 'number' && NUMBER_OPS.includes(op)))) {
    errors.push(`${at('op')}: "${op}" does not apply to ${String(rule.field)}`);
    return;
  }
  if (op === 'exists') {
    if (rule.value !== undefined) errors.push(`${at('value')}: "exists" takes no value (use "not" for customers without one)`);
    return;
  }
  if (rule.value === undefined) {
    errors.push(`${at('value')}: "${op}" needs a value`);
    return;
  }
  if (op !== 'in') {
    const problem = checkValue(op, rule.value, values);
    if (problem) errors.push(`${at('value')}: ${problem}`);
    return;
  }
  if (!Array.isArray(rule.value) || rule.value.length === 0) {
    errors.push(`${at('value')}: "in" needs a list of at least one value`);
    return;
  }
  rule.value.forEach((item, i) => {
    const problem = checkValue('in', item, values);
    if (problem) errors.push(`${at('value', i)}: ${problem}`);
  });
}

function checkField(field: unknown): string | null {
  if (typeof field !== 'string') return 'a field is text: attributes.<name> or behaviour.<metric>';
  if (field.startsWith('attributes.')) {
    return field.slice('attributes.'.length).split('.').some((part) => part.trim() === '') ? `"${field}" has an empty name` : null;
  }
  if (field.startsWith('behaviour.')) {
    if ((BEHAVIOUR_FIELDS as readonly string[]).includes(field)) return null;
    return `unknown behaviour field "${field}" (one of ${BEHAVIOUR_FIELDS.join(', ')})`;
  }
  return `"${field}" is neither attributes.<name> nor behaviour.<metric>`;
}

function valuesOf(field: string): FieldValues {
  return field.startsWith('behaviour.') ? BEHAVIOUR_FIELD_VALUES[field as BehaviourField] : 'any';
}

function checkValue(op: SegmentOp, value: unknown, values: FieldValues): string | null {
  if (NUMBER_OPS.includes(op)) return isNumber(value) ? null : `"${op}" compares numbers: the value must be a number`;
  if (!isScalar(value)) return `"${op}" needs text, a number or true/false`;
  if (op === 'contains' && typeof value === 'string' && value.trim() === '') return '"contains" needs non-blank text';
  if (values === 'number' && !isNumber(value)) return 'this behaviour field is a number';
  if (typeof values !== 'string' && !(typeof value === 'string' && values.includes(normalizeText(value).trim()))) {
    return `this behaviour field is one of ${values.join(', ')}`;
  }
  return null;
}
