import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SlaMeasure as CoreMeasure, SlaPolicy as CorePolicy } from '@tandem/core';
import { ConversationSla, IdParams, SlaPoliciesBody, SlaPolicyBody } from '@tandem/protocol';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';

const presentPolicy = (p: CorePolicy) => ({
  ...p, priorities: [...p.priorities], channels: [...p.channels], segments: [...p.segments], escalation: { ...p.escalation, notifyAgentIds: [...p.escalation.notifyAgentIds] },
});
const presentMeasure = (m: CoreMeasure) => ({ ...m, startedAt: m.startedAt.toISOString(), stoppedAt: m.stoppedAt?.toISOString() ?? null, dueAt: m.dueAt?.toISOString() ?? null });
const Policies = z.object({ items: z.array(SlaPolicyBody) });

/** SLA policies (admins set the ordered list) and where each conversation's clocks stand. */
export function slaRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['sla'];
    const { sla } = services;
    app.get('/sla/policies', { config: { access: 'agent' }, schema: { tags, response: responses({ 200: Policies }) } }, async (request) => ({
      items: (await sla.policies(agentOf(request).workspaceId)).map(presentPolicy),
    }));
    app.put('/sla/policies', { config: { access: 'admin' }, schema: { tags, summary: 'Replace the ordered list of SLA policies', body: SlaPoliciesBody, response: responses({ 200: Policies }) } }, async (request) => ({
      items: (await sla.savePolicies(agentOf(request).workspaceId, request.body)).map(presentPolicy),
    }));
    app.get('/conversations/:id/sla', { config: { access: 'agent' }, schema: { tags, summary: 'Where the conversation’s SLA clocks stand, and its warnings and breaches', params: IdParams, response: responses({ 200: ConversationSla }) } }, async (request) => {
      const result = await sla.ofConversation(agentOf(request).workspaceId, request.params.id);
      return {
        policy: result.policy,
        measures: result.measures.map(presentMeasure),
        events: result.events.map((e) => ({ metric: e.metric as CoreMeasure['metric'], kind: e.kind as 'warning' | 'breach', dueAt: e.dueAt.toISOString(), createdAt: e.createdAt.toISOString() })),
      };
    });
  };
}
