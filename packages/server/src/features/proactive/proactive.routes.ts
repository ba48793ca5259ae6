import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ExposuresQuery, IdParams, Ok, ProactiveExposure, ProactiveRule, ProactiveRuleBody, ProactiveRulePatch, ProactiveRuleReport, ProactiveSettings, ReportQuery, page } from '@tandem/protocol';
import { agentOf } from '../../http/access.ts';
import { decodeActivityCursor, toPage } from '../../http/cursor.ts';
import { responses } from '../../http/responses.ts';
import { toJson } from '../../platform/json.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { auditByAgent } from '../audit/audit-by-agent.ts';
import type { Services } from '../../services.ts';
import { listExposures } from './exposure.store.ts';
import { ruleReport } from './rule-report.query.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Managing proactive rules, their caps, their log and their effect. Admins only. */
export function proactiveRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['proactive'];
    const { proactiveRules: rules } = services;
    const admin = { access: 'admin' as const };

    app.get('/proactive/rules', { config: admin, schema: { tags, summary: 'Proactive rules, oldest first', response: responses({ 200: z.object({ items: z.array(ProactiveRule) }) }) } }, async (request) => ({
      items: (await rules.list(agentOf(request).workspaceId)).map(toJson),
    }));
    app.post('/proactive/rules', { config: admin, schema: { tags, summary: 'Create a rule: trigger, audience, action', body: ProactiveRuleBody, response: responses({ 201: ProactiveRule }) } }, async (request, reply) => {
      reply.code(201);
      return toJson(await rules.create(agentOf(request).workspaceId, request.body));
    });
    app.get('/proactive/rules/:id', { config: admin, schema: { tags, params: IdParams, response: responses({ 200: ProactiveRule }) } }, async (request) =>
      toJson(await rules.get(agentOf(request).workspaceId, request.params.id)));
    app.patch('/proactive/rules/:id', { config: admin, schema: { tags, summary: 'Change a rule (fields left out stay)', params: IdParams, body: ProactiveRulePatch, response: responses({ 200: ProactiveRule }) } }, async (request) =>
      toJson(await rules.update(agentOf(request).workspaceId, request.params.id, request.body)));
    app.delete('/proactive/rules/:id', { config: admin, schema: { tags, params: IdParams, response: responses({ 200: Ok }) } }, async (request) => {
      await rules.remove(agentOf(request).workspaceId, request.params.id);
      return { ok: true as const };
    });

    app.get('/proactive/rules/:id/report', { config: admin, schema: { tags, summary: "A rule's shows, suppressions and effect against its control group", params: IdParams, querystring: ReportQuery, response: responses({ 200: ProactiveRuleReport }) } }, async (request) => {
      const { workspaceId } = agentOf(request);
      const rule = await rules.get(workspaceId, request.params.id);
      const to = request.query.to ? new Date(request.query.to) : deps.clock();
      const from = request.query.from ? new Date(request.query.from) : new Date(to.getTime() - 28 * DAY_MS);
      return { ruleId: rule.id, from: from.toISOString(), to: to.toISOString(), ...(await ruleReport(deps.db, workspaceId, rule.id, from, to)) };
    });

    app.get('/proactive/exposures', { config: admin, schema: { tags, summary: 'The log: every show, holdout and suppression (with its reason), newest first', querystring: ExposuresQuery, response: responses({ 200: page(ProactiveExposure) }) } }, async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const rows = await listExposures(deps.db, agentOf(request).workspaceId, filter, { before: decodeActivityCursor(cursor), limit: limit + 1 });
      return toPage(rows, limit, (e) => [e.occurredAt.toISOString(), e.id], (e) => toJson({ id: e.id, ruleId: e.ruleId, customerId: e.customerId, sessionId: e.sessionId, outcome: e.outcome as 'shown', reason: e.reason as null, url: e.url, occurredAt: e.occurredAt }));
    });

    app.get('/proactive/settings', { config: admin, schema: { tags, summary: 'Caps on proactive messages', response: responses({ 200: ProactiveSettings }) } }, async (request) =>
      (await services.workspaces.get(agentOf(request).workspaceId)).settings.proactive);
    app.put('/proactive/settings', { config: admin, schema: { tags, summary: 'Change the caps', body: ProactiveSettings, response: responses({ 200: ProactiveSettings }) } }, async (request) => {
      const { settings } = await services.workspaces.update(agentOf(request).workspaceId, { settings: { proactive: request.body } });
      await auditByAgent(deps, request, { action: 'settings.changed', targetType: 'workspace', targetId: agentOf(request).workspaceId, data: { changed: ['settings.proactive'], settings: { proactive: request.body } } });
      return settings.proactive;
    });
  };
}
