import type { z } from 'zod';
import type { ProactiveRuleBody, ProactiveRulePatch } from '@tandem/protocol';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findArticles } from '../kb/kb.store.ts';
import { listGuides } from '../kb/guide.store.ts';
import { listSegments } from '../segments/segment.store.ts';
import { deleteRule, findRule, insertRule, listRules, updateRule, type RuleRecord } from './rule.store.ts';

export type RuleInput = z.output<typeof ProactiveRuleBody>;

/** Proactive rules: what the managers author. Every reference is checked, so a rule never points at nothing. */
export function createRuleService(deps: ServiceDeps) {
  const { db, clock, ids } = deps;

  async function get(workspaceId: string, id: string): Promise<RuleRecord> {
    const rule = await findRule(db, workspaceId, id);
    if (!rule) throw appError('proactive_rule.not_found');
    return rule;
  }

  async function check(workspaceId: string, rule: RuleInput): Promise<void> {
    const invalid = (path: string, message: string) => appError('request.invalid', message, { fields: [{ path, message }] });
    const isEvent = rule.trigger.kind === 'business_event';
    if (isEvent !== (rule.action.kind === 'send_message')) {
      throw invalid('action.kind', isEvent ? 'a business event sends a message (send_message)' : 'send_message is for business events; on the web use bot_message');
    }
    if (rule.audience.segments.length) {
      const known = new Set((await listSegments(db, workspaceId)).map((s) => s.key));
      const missing = rule.audience.segments.find((key) => !known.has(key));
      if (missing) throw invalid('audience.segments', `no segment "${missing}"`);
    }
    if (rule.action.kind === 'open_guide') {
      const guideId = rule.action.guideId;
      if (!(await listGuides(db, workspaceId)).some((g) => g.id === guideId)) throw invalid('action.guideId', 'no such guide');
    }
    if (rule.action.kind === 'suggest_articles') {
      const found = new Set((await findArticles(db, workspaceId, rule.action.articleIds)).map((a) => a.id));
      const missing = rule.action.articleIds.find((id) => !found.has(id));
      if (missing) throw invalid('action.articleIds', `no article ${missing}`);
    }
  }

  return {
    list: (workspaceId: string) => listRules(db, workspaceId),
    get,

    async create(workspaceId: string, input: RuleInput): Promise<RuleRecord> {
      await check(workspaceId, input);
      const now = clock();
      const rule: RuleRecord = { id: ids(), ...input, createdAt: now, updatedAt: now };
      await insertRule(db, workspaceId, rule);
      return rule;
    },

    async update(workspaceId: string, id: string, patch: z.output<typeof ProactiveRulePatch>): Promise<RuleRecord> {
      const current = await get(workspaceId, id);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const next: RuleRecord = { ...current, ...defined, updatedAt: clock() };
      await check(workspaceId, next);
      await updateRule(db, workspaceId, next);
      return next;
    },

    async remove(workspaceId: string, id: string): Promise<void> {
      if (!(await deleteRule(db, workspaceId, id))) throw appError('proactive_rule.not_found');
    },
  };
}

export type RuleService = ReturnType<typeof createRuleService>;
