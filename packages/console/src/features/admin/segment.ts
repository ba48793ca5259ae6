import type { ServiceStrategy } from '@tandem/core';

/** A customer segment, as GET /segments returns it (Segment in the OpenAPI document). */
export interface Segment {
  key: string;
  name: Record<string, string>;
  rule: Record<string, unknown>;
  strategy: ServiceStrategy | null;
  priority: number;
}

/** A ready-made segment from GET /segments/templates. */
export interface SegmentTemplate extends Segment {
  description: Record<string, string>;
  strategy: ServiceStrategy;
}

export const STRATEGY_LABELS = {
  'bot-first': 'admin.strategyBotFirst',
  hybrid: 'admin.strategyHybrid',
  'human-first': 'admin.strategyHumanFirst',
  'same-as-last-time': 'admin.strategySameAsLastTime',
} as const satisfies Record<ServiceStrategy, string>;
