import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoutingAgent as CoreAgent } from '@tandem/core';
import { Conversation, Id, IdParams, PresenceBody, QueuePlace, QueuePolicy, QueuePolicyBody, RoutingAgent, RoutingEvent, TransferBody } from '@tandem/protocol';
import { presentConversation } from '../../domain/present.ts';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';

const presentAgent = (a: CoreAgent) => ({ ...a, teamIds: [...a.teamIds], skills: [...a.skills], lastAssignedAt: a.lastAssignedAt?.toISOString() ?? null });
type StoredPolicy = Awaited<ReturnType<Services['queuePolicies']['get']>>;
const presentPolicy = (p: StoredPolicy) => ({
  teamId: p.teamId,
  method: p.method,
  requiredSkills: [...p.requiredSkills],
  optionalSkills: [...p.optionalSkills],
  stickyWindowSeconds: p.stickyWindowSeconds,
  overflow: p.overflow.map((step) => ({ afterSeconds: step.afterSeconds, widen: step.widen, ...(step.teamIds ? { teamIds: [...step.teamIds] } : {}) })),
  capacity: p.capacity ? { ...p.capacity } : null,
  reassignAfterSeconds: p.reassignAfterSeconds,
  hours: p.schedule.hours ? { timezone: p.schedule.hours.timezone, days: p.schedule.hours.days.map((day) => day.map((span) => ({ ...span }))) } : null,
  holidays: [...p.schedule.holidays],
});
const TeamParams = z.strictObject({ teamId: Id });
const ok = z.object({ ok: z.literal(true) });

/** Presence and capacity, team queue policies, the queue, accepting and transferring, routing history. */
export function routingRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['routing'];
    const { routing, agentRouting, queuePolicies } = services;

    app.put('/agents/me/presence', { config: { access: 'agent' }, schema: { tags, summary: 'Go online, away or offline (and set your own capacity)', body: PresenceBody, response: responses({ 200: ok }) } }, async (request) => {
      const me = agentOf(request);
      await agentRouting.setPresence(me.workspaceId, me.agentId, request.body);
      return { ok: true as const };
    });
    app.put('/agents/:id/presence', { config: { access: 'admin' }, schema: { tags, summary: 'Set an agent’s status or capacity', params: IdParams, body: PresenceBody, response: responses({ 200: ok }) } }, async (request) => {
      await agentRouting.setPresence(agentOf(request).workspaceId, request.params.id, request.body);
      return { ok: true as const };
    });
    app.get('/routing/agents', { config: { access: 'agent' }, schema: { tags, summary: 'Every agent’s presence, capacity and load', response: responses({ 200: z.object({ items: z.array(RoutingAgent) }) }) } }, async (request) => ({
      items: (await agentRouting.agents(agentOf(request).workspaceId)).map(presentAgent),
    }));
    app.get('/routing/queue', { config: { access: 'agent' }, schema: { tags, summary: 'Conversations waiting for a person, in the order they will be taken', response: responses({ 200: z.object({ items: z.array(QueuePlace) }) }) } }, async (request) => ({
      items: (await routing.queue(agentOf(request).workspaceId)).map((p) => ({ ...p, opensAt: p.opensAt?.toISOString() ?? null })),
    }));

    app.get('/teams/:teamId/queue-policy', { config: { access: 'agent' }, schema: { tags, params: TeamParams, response: responses({ 200: QueuePolicy }) } }, async (request) =>
      presentPolicy(await queuePolicies.get(agentOf(request).workspaceId, request.params.teamId)),
    );
    app.put('/teams/:teamId/queue-policy', { config: { access: 'admin' }, schema: { tags, summary: 'Set how a team’s conversations are routed (validated against its agents’ skills)', params: TeamParams, body: QueuePolicyBody, response: responses({ 200: QueuePolicy }) } }, async (request) =>
      presentPolicy(await queuePolicies.save(agentOf(request).workspaceId, request.params.teamId, request.body)),
    );

    app.post('/conversations/:id/accept', { config: { access: 'agent' }, schema: { tags, summary: 'Take a waiting conversation (409 if someone else did first, or you are at capacity)', params: IdParams, response: responses({ 200: Conversation }) } }, async (request) => {
      const me = agentOf(request);
      return presentConversation(await agentRouting.accept(me.workspaceId, request.params.id, me.agentId));
    });
    app.post('/conversations/:id/transfer', { config: { access: 'agent' }, schema: { tags, summary: 'Pass a conversation to a team or an agent, with a private note', params: IdParams, body: TransferBody, response: responses({ 200: z.object({ assignedTo: z.object({ id: Id, name: z.string() }).nullable(), position: z.number().int().nullable(), expectedWaitSeconds: z.number().int().nullable() }) }) } }, async (request) => {
      const me = agentOf(request);
      return agentRouting.transfer(me.workspaceId, request.params.id, request.body, me.agentId);
    });
    app.get('/conversations/:id/routing-events', { config: { access: 'agent' }, schema: { tags, summary: 'Every routing decision about this conversation, with its reason', params: IdParams, response: responses({ 200: z.object({ items: z.array(RoutingEvent) }) }) } }, async (request) => ({
      items: (await routing.events(agentOf(request).workspaceId, request.params.id)).map((e) => ({ ...e, kind: e.kind as z.infer<typeof RoutingEvent>['kind'], createdAt: e.createdAt.toISOString() })),
    }));
  };
}
