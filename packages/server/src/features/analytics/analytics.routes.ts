import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AgentStats, AnalyticsQuery, FeedbackItem, FeedbackQuery, Id, Journeys, Overview, SelfService, Staffing } from '@tandem/protocol';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';

const tags = ['analytics'];

/** The managers' numbers: dashboards and the feedback inbox (admins and owners). */
export function analyticsRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const admin = { access: 'admin' } as const;
    app.get('/analytics/overview', { config: admin, schema: { tags, summary: 'Volume, response and resolution times, SLA, CSAT, honest and loose resolution', querystring: AnalyticsQuery, response: responses({ 200: Overview }) } }, async (request) =>
      services.analytics.overview(agentOf(request).workspaceId, request.query));
    app.get('/analytics/self-service', { config: admin, schema: { tags, summary: 'Help center, searches with no result, articles, guides, self-service rate, bot containment', querystring: AnalyticsQuery, response: responses({ 200: SelfService }) } }, async (request) =>
      services.analytics.selfService(agentOf(request).workspaceId, request.query));
    app.get('/analytics/journeys', { config: admin, schema: { tags, summary: 'Paths between channels, where customers leave, handoff reasons and content gaps', querystring: AnalyticsQuery, response: responses({ 200: Journeys }) } }, async (request) =>
      services.analytics.journeys(agentOf(request).workspaceId, request.query));
    app.get('/analytics/staffing', { config: admin, schema: { tags, summary: 'Arrivals per 30 minutes by weekday and the agents Erlang C says are needed', querystring: AnalyticsQuery, response: responses({ 200: Staffing }) } }, async (request) =>
      services.analytics.staffing(agentOf(request).workspaceId, request.query));
    app.get('/analytics/agents', { config: admin, schema: { tags, summary: 'Per agent: conversations, first response, CSAT', querystring: AnalyticsQuery, response: responses({ 200: AgentStats }) } }, async (request) =>
      services.analytics.agents(agentOf(request).workspaceId, request.query));

    app.get('/feedback', { config: admin, schema: { tags: ['feedback'], summary: 'Low CSAT, unhelpful articles, wrong bot answers, hard handoffs: newest first', querystring: FeedbackQuery, response: responses({ 200: z.object({ items: z.array(FeedbackItem), nextCursor: z.string().nullable() }) }) } }, async (request) =>
      services.analytics.feedback(agentOf(request).workspaceId, request.query));

    app.post('/feedback/article-drafts', { config: admin, schema: { tags: ['feedback'], summary: 'A draft article from a resolved conversation', body: z.strictObject({ conversationId: Id }), response: responses({ 201: z.object({ articleId: Id, title: z.string() }) }) } }, async (request, reply) => {
      const { workspaceId, agentId } = agentOf(request);
      reply.code(201);
      return services.analytics.articleDraft(workspaceId, request.body.conversationId, agentId);
    });
  };
}
