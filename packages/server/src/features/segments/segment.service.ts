import {
  fastEscalation, matchingSegments, resolveStrategy, SEGMENT_TEMPLATES, validateSegmentRule, VERTICAL_TEMPLATES,
  type ConcreteStrategy, type CustomerFacts, type Segment, type SegmentRule, type StrategyTopic,
} from '@tandem/core';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { customerFacts, deleteSegment, listSegments, recentCustomerIds, saveSegment } from './segment.store.ts';

/** How many of the most recently active customers a preview looks at. */
const PREVIEW_CUSTOMERS = 2000;

export interface ServiceDecision {
  strategy: ConcreteStrategy;
  reason: string;
  /** Matched segment keys, highest priority first. */
  segments: string[];
  /** The bot hands off after one not-understood turn. */
  fastEscalation: boolean;
}

function checkedRule(rule: unknown): SegmentRule {
  const problems = validateSegmentRule(rule);
  if (problems.length) {
    const fields = problems.map((problem) => {
      const [path = 'rule', ...message] = problem.split(': ');
      return { path: path === 'rule' || path.startsWith('rule.') ? path : `rule.${path}`, message: message.join(': ') };
    });
    throw appError('segment.invalid', problems.join('; '), { fields });
  }
  return rule as SegmentRule;
}

/** Segments (rules over attributes and behaviour), previews, and the service each customer gets. */
export function createSegmentService(deps: ServiceDeps) {
  const { db, clock } = deps;

  return {
    list: (workspaceId: string) => listSegments(db, workspaceId),

    async save(workspaceId: string, key: string, body: Omit<Segment, 'key' | 'rule'> & { rule: unknown }): Promise<Segment> {
      const segment = { ...body, key, rule: checkedRule(body.rule) };
      await saveSegment(db, workspaceId, segment, clock());
      return segment;
    },

    async remove(workspaceId: string, key: string): Promise<void> {
      if (!(await deleteSegment(db, workspaceId, key))) throw appError('segment.not_found');
    },

    /** Which customers a rule matches, among the most recently active: to try a rule before saving it. */
    async preview(workspaceId: string, rule: unknown) {
      const checked = checkedRule(rule);
      const facts = await customerFacts(db, workspaceId, await recentCustomerIds(db, workspaceId, PREVIEW_CUSTOMERS), clock());
      const matched = [...facts].filter(([, f]) => matchingSegments([{ key: 'preview', name: {}, rule: checked, strategy: null, priority: 0 }], f).length > 0);
      return { examined: facts.size, matched: matched.length, sample: matched.slice(0, 20).map(([id, f]) => ({ id, name: f.name })) };
    },

    /** How this customer is served now: their segments, then the vertical (with the topic), then the workspace default. */
    async serviceFor(workspaceId: string, customerId: string, topic: Partial<Record<StrategyTopic, boolean>> = {}): Promise<ServiceDecision> {
      const [workspace, all] = await Promise.all([findWorkspace(db, workspaceId), listSegments(db, workspaceId)]);
      if (!workspace) throw appError('workspace.not_found');
      // Facts are only needed to match segments (every bot turn asks: skip the queries when there are none).
      const facts = all.length ? await customerFacts(db, workspaceId, [customerId], clock()) : new Map<string, CustomerFacts>();
      const mine = facts.get(customerId);
      const matched = mine ? matchingSegments(all, mine) : [];
      const vertical = workspace.settings.vertical;
      const decision = resolveStrategy({
        segments: matched,
        vertical,
        workspaceDefault: workspace.settings.bot.strategy,
        topic: { complaint: topic.complaint ?? false, money: topic.money ?? false },
        lastMode: mine?.behaviour.lastMode ?? null,
      });
      return { ...decision, segments: matched.map((s) => s.key), fastEscalation: fastEscalation(vertical) || decision.strategy === 'hybrid' };
    },

    templates: () => ({ segments: SEGMENT_TEMPLATES, verticals: VERTICAL_TEMPLATES }),
  };
}

export type SegmentService = ReturnType<typeof createSegmentService>;
