import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CustomerConversation,
  CreateWidgetSessionBody,
  CustomerMessageResult,
  ListMessagesQuery,
  MessagesPage,
  WidgetConversationParams,
  WidgetMessageBody,
  WidgetParams,
  ArticleHits,
  BotAnswerRatingBody,
  Id,
  SearchArticlesQuery,
  TrackEventBody,
  WidgetConfig,
  WidgetSession,
} from '@tandem/protocol';
import { presentCustomerConversation, presentMessage } from '../../domain/present.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { appError } from '../../platform/app-error.ts';
import { customerOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';
import { listMessages } from '../messages/message.store.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { customerConversations } from '../conversations/conversation.store.ts';
import { presentWidgetConfig } from './widget-config.ts';
import { hasPublishedArticles } from '../kb/kb.store.ts';
import { receiveFromWidget } from './widget-inbound.ts';

/** What the web-messaging widget calls, with a widget session token (one customer). */
export function widgetRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['widget'];

    app.get(
      '/widget/:workspaceId/config',
      { config: { access: 'public' }, schema: { tags, summary: 'Appearance, availability and limits for the widget', params: WidgetParams, response: responses({ 200: WidgetConfig }) } },
      async (request, reply) => {
        const workspace = await findWorkspace(deps.db, request.params.workspaceId);
        if (!workspace) throw appError('workspace.not_found');
        reply.header('cache-control', 'public, max-age=60');
        const helpSearch = await hasPublishedArticles(deps.db, workspace.id);
        return presentWidgetConfig(workspace, deps.clock(), { uploadMaxBytes: deps.config.UPLOAD_MAX_BYTES, helpSearch });
      },
    );

    app.post(
      '/widget/:workspaceId/sessions',
      { config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { tags, summary: 'Start a visitor session (a new anonymous customer)', params: WidgetParams, body: CreateWidgetSessionBody, response: responses({ 201: WidgetSession }) } },
      async (request, reply) => {
        reply.code(201);
        return services.widget.startSession(request.params.workspaceId, request.body);
      },
    );

    app.post(
      '/widget/:workspaceId/messages',
      { config: { access: 'customer' }, schema: { tags, summary: 'Send a message (stored before the reply)', params: WidgetParams, body: WidgetMessageBody, response: responses({ 201: CustomerMessageResult, 200: CustomerMessageResult }) } },
      async (request, reply) => {
        const { workspaceId, customerId } = customerOf(request);
        const { content, ...message } = request.body;
        const received = await receiveFromWidget(services, { workspaceId, customerId, ...message, attachments: content.attachments });
        reply.code(received.duplicate ? 200 : 201);
        return { conversation: presentCustomerConversation(received.conversation), message: presentMessage(received.message), duplicate: received.duplicate };
      },
    );

    app.get(
      '/widget/:workspaceId/conversations',
      { config: { access: 'customer' }, schema: { tags, summary: "The visitor's conversations", params: WidgetParams, response: responses({ 200: z.object({ items: z.array(CustomerConversation) }) }) } },
      async (request) => {
        const { workspaceId, customerId } = customerOf(request);
        return { items: (await customerConversations(deps.db, workspaceId, customerId)).map(presentCustomerConversation) };
      },
    );

    app.get(
      '/widget/:workspaceId/conversations/:id/messages',
      { config: { access: 'customer' }, schema: { tags, params: WidgetConversationParams, querystring: ListMessagesQuery, response: responses({ 200: MessagesPage }) } },
      async (request) => {
        const { workspaceId, customerId } = customerOf(request);
        const conversation = await services.conversations.get(workspaceId, request.params.id);
        if (conversation.customerId !== customerId) throw appError('conversation.not_found');
        const { afterSeq, limit } = request.query;
        const rows = await listMessages(deps.db, workspaceId, conversation.id, { afterSeq, limit: limit + 1, includePrivate: false });
        return { items: rows.slice(0, limit).map(presentMessage), hasMore: rows.length > limit };
      },
    );

    app.post(
      '/widget/:workspaceId/conversations/:id/handoff',
      { config: { access: 'customer' }, schema: { tags, summary: 'Talk to a person: hand the conversation to the team', params: WidgetConversationParams, response: responses({ 200: CustomerConversation }) } },
      async (request) => {
        const { workspaceId, customerId } = customerOf(request);
        return presentCustomerConversation(await services.widget.handoff(workspaceId, customerId, request.params.id));
      },
    );

    app.get(
      '/widget/:workspaceId/help/search',
      { config: { access: 'customer' }, schema: { tags, summary: 'Search the help center as the visitor types', params: WidgetParams, querystring: SearchArticlesQuery, response: responses({ 200: ArticleHits }) } },
      async (request) => {
        const { workspaceId, customerId } = customerOf(request);
        const workspace = (await findWorkspace(deps.db, workspaceId))!;
        const { q, locale, limit } = request.query;
        return services.articleSearch.search({ workspaceId, workspaceSlug: workspace.slug, query: q, locale, limit, source: 'widget', customerId });
      },
    );

    app.post(
      '/widget/:workspaceId/help/searches/:id/clicks',
      { config: { access: 'customer' }, schema: { tags, summary: 'The visitor opened a search result', params: WidgetConversationParams, body: z.strictObject({ articleId: Id }), response: responses({ 202: z.object({ ok: z.literal(true) }) }) } },
      async (request, reply) => {
        await services.articleSearch.click(customerOf(request).workspaceId, request.params.id, request.body.articleId);
        reply.code(202);
        return { ok: true as const };
      },
    );

    app.post(
      '/widget/:workspaceId/messages/:id/rating',
      { config: { access: 'customer' }, schema: { tags, summary: "Thumbs up or down on one of the bot's answers", params: WidgetConversationParams, body: BotAnswerRatingBody, response: responses({ 200: z.object({ ok: z.literal(true) }) }) } },
      async (request) => {
        const { workspaceId, customerId } = customerOf(request);
        await services.botRatings.rate(workspaceId, customerId, request.params.id, request.body.helpful);
        return { ok: true as const };
      },
    );

    app.post(
      '/widget/:workspaceId/events',
      { config: { access: 'customer' }, schema: { tags, summary: "Record a page view or custom event on the customer's journey", params: WidgetParams, body: TrackEventBody, response: responses({ 202: z.object({ recorded: z.boolean() }) }) } },
      async (request, reply) => {
        const { workspaceId, customerId } = customerOf(request);
        reply.code(202);
        return { recorded: await services.widget.track(workspaceId, customerId, request.body) };
      },
    );
  };
}
