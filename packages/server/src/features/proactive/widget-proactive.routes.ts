import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DoNotDisturbBody, ExposureClaim, ExposureClaimBody, ExposureEngagementBody, Id, Ok, WidgetParams, WidgetProactive, WidgetProactiveQuery } from '@tandem/protocol';
import { customerOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';

/** The widget's proactive calls: rules to evaluate on the page, claims when one fires, do-not-disturb. */
export function widgetProactiveRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['widget'];
    const customer = { access: 'customer' as const };
    const { widgetProactive } = services;

    app.get('/widget/:workspaceId/proactive', { config: customer, schema: { tags, summary: 'Rules this visitor may meet, in their language', params: WidgetParams, querystring: WidgetProactiveQuery, response: responses({ 200: WidgetProactive }) } }, async (request) => {
      const { workspaceId, customerId } = customerOf(request);
      return widgetProactive.rulesFor(workspaceId, customerId, request.query.sessionId);
    });
    app.post('/widget/:workspaceId/proactive/exposures', { config: customer, schema: { tags, summary: 'A rule fired: may it show? (caps, consent, holdout; every answer is logged)', params: WidgetParams, body: ExposureClaimBody, response: responses({ 201: ExposureClaim }) } }, async (request, reply) => {
      const { workspaceId, customerId } = customerOf(request);
      reply.code(201);
      return widgetProactive.claim(workspaceId, customerId, request.body);
    });
    app.post('/widget/:workspaceId/proactive/exposures/:id/engagement', { config: customer, schema: { tags, summary: 'The visitor clicked or dismissed a shown message', params: WidgetParams.extend({ id: Id }), body: ExposureEngagementBody, response: responses({ 200: Ok }) } }, async (request) => {
      const { workspaceId, customerId } = customerOf(request);
      await widgetProactive.engage(workspaceId, customerId, request.params.id, request.body.engagement);
      return { ok: true as const };
    });
    app.put('/widget/:workspaceId/proactive/do-not-disturb', { config: customer, schema: { tags, summary: 'One click: no proactive messages for this visitor (or again, with on: false)', params: WidgetParams, body: DoNotDisturbBody, response: responses({ 200: z.object({ on: z.boolean() }) }) } }, async (request) => {
      const { workspaceId, customerId } = customerOf(request);
      await widgetProactive.setDoNotDisturb(workspaceId, customerId, request.body.on);
      return { on: request.body.on };
    });
  };
}
