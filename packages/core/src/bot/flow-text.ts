// What a flow says: localized text with {{templates}} filled from slots, the customer and an
// action's result. Output is plain text; each channel escapes it for its own format.
import type { LocalizedText } from '../guide/guide.ts';
import type { Locale } from '../vocabulary.ts';

/** The values templates can read. `result` is the data of the action that just answered, if any. */
export interface TemplateScope {
  slots: Readonly<Record<string, string>>;
  customer: Readonly<Record<string, unknown>>;
  attributes: Readonly<Record<string, unknown>>;
  result?: Readonly<Record<string, string>>;
}

export const TEMPLATE_ROOTS = ['slots', 'customer', 'attributes', 'result'] as const;
const TEMPLATE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The text in `locale`, else English, else any language written; '' when there is none. */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text.en || Object.values(text).find((value) => value) || '';
}

/** Fills `{{root.name}}` placeholders; anything missing or unknown becomes '' (never "undefined"). */
export function renderTemplate(template: string, scope: TemplateScope): string {
  return template.replace(TEMPLATE, (_, path: string) => lookup(path, scope));
}

/** The `{{…}}` paths a template uses, as written: `slots.order.status`. */
export function templatePaths(template: string): string[] {
  return [...template.matchAll(TEMPLATE)].map((match) => match[1]!);
}

function lookup(path: string, scope: TemplateScope): string {
  const dot = path.indexOf('.');
  if (dot < 0) return '';
  const root = path.slice(0, dot);
  // The rest is one key, dots included: action results are stored flat ("order.status").
  const name = path.slice(dot + 1);
  const source = root === 'slots' ? scope.slots : root === 'customer' ? scope.customer : root === 'attributes' ? scope.attributes : root === 'result' ? scope.result : undefined;
  if (!source || !Object.hasOwn(source, name)) return '';
  return stringifyValue(source[name]) ?? '';
}

/** A value as text: scalars as written, lists joined with ", ", anything else absent. */
export function stringifyValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map((item) => stringifyValue(item) ?? '').join(', ');
  return undefined;
}

/**
 * Action result data as flat text keys: `{ status: 'shipped', items: [{ sku: 'X' }] }` becomes
 * `status`, `items.0.sku`. Nulls are left out; depth (5 levels) and size (100 values) are capped
 * so a huge response cannot swell the stored state.
 */
const MAX_RESULT_VALUES = 100;

export function flattenData(data: Readonly<Record<string, unknown>>): Record<string, string> {
  const flat: Record<string, string> = {};
  const visit = (path: string, value: unknown, depth: number) => {
    const scalar = typeof value === 'object' ? undefined : stringifyValue(value);
    if (Object.keys(flat).length >= MAX_RESULT_VALUES) return;
    if (scalar !== undefined) flat[path] = scalar;
    else if (value !== null && typeof value === 'object' && depth < 4) {
      for (const [key, item] of Object.entries(value)) visit(`${path}.${key}`, item, depth + 1);
    }
  };
  for (const [key, value] of Object.entries(data)) visit(key, value, 0);
  return flat;
}
