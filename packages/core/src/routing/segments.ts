import { evaluateSegmentRule, type CustomerFacts, type SegmentRule } from './segment-rules.ts';
import type { ServiceStrategy } from './service-strategy.ts';

/** A named, rule-defined group of customers, and how the workspace serves them. */
export interface Segment {
  key: string;
  /** By locale: `{ en: 'Premium', vi: 'Cao cấp', fa: 'ویژه' }`. */
  name: Readonly<Record<string, string>>;
  rule: SegmentRule;
  /** null: the segment groups customers (routing, reports) without deciding a strategy. */
  strategy: ServiceStrategy | null;
  /** Higher wins when a customer is in several segments. */
  priority: number;
}

/** The segments a customer is in, highest priority first, then by key. */
export function matchingSegments<S extends Segment>(segments: readonly S[], facts: CustomerFacts): S[] {
  return segments
    .filter((segment) => evaluateSegmentRule(segment.rule, facts))
    .sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
