import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Conversation,
  CreateConversationBody,
  IdParams,
  InboundMessageBody,
  InboundMessageResult,
  LabelCount,
  ListConversationsQuery,
  ListMessagesQuery,
  MergeConversationsBody,
  Message,
  MessagesPage,
  PostMessageBody,
  SplitConversationBody,
  SplitResult,
  UpdateConversationBody,
  page,
} from '@tandem/protocol';
import { presentConversation, presentMessage } from '../../domain/present.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { agentOf } from '../../http/access.ts';
import { decodeActivityCursor, toPage } from '../../http/cursor.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';
import { listMessages } from '../messages/message.store.ts';

export function conversationRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['conversations'];
    const actorOf = (request: Parameters<typeof agentOf>[0]) => {
      const p = agentOf(request);
      return { type: 'agent' as const, id: p.agentId, role: p.role };
    };

    app.get('/conversations', { config: { access: 'agent' }, schema: { tags, querystring: ListConversationsQuery, response: responses({ 200: page(Conversation) }) } }, async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const before = decodeActivityCursor(cursor);
      const rows = await services.conversations.list(agentOf(request).workspaceId, filter, { before, limit: limit + 1 });
      return toPage(rows, limit, (c) => [c.lastActivityAt.toISOString(), c.id], presentConversation);
    });

    app.get('/labels', { config: { access: 'agent' }, schema: { tags, summary: 'Labels in use, with their open conversations', response: responses({ 200: z.object({ items: z.array(LabelCount) }) }) } }, async (request) => ({
      items: await services.conversations.labels(agentOf(request).workspaceId),
    }));

    app.post('/conversations', { config: { access: 'agent' }, schema: { tags, summary: 'Start a conversation with a customer', body: CreateConversationBody, response: responses({ 201: Conversation }) } }, async (request, reply) => {
      const principal = agentOf(request);
      const { message, ...input } = request.body;
      let conversation = await services.conversations.create(principal.workspaceId, input);
      if (message) {
        const posted = await services.postMessage.post({ workspaceId: principal.workspaceId, agentId: principal.agentId, conversationId: conversation.id, body: message.body, private: false, channel: input.channel, content: message.content, idempotencyKey: message.idempotencyKey ?? null });
        conversation = posted.conversation;
      }
      reply.code(201);
      return presentConversation(conversation);
    });

    app.get('/conversations/:id', { config: { access: 'agent' }, schema: { tags, params: IdParams, response: responses({ 200: Conversation }) } }, async (request) =>
      presentConversation(await services.conversations.get(agentOf(request).workspaceId, request.params.id)),
    );

    app.patch(
      '/conversations/:id',
      { config: { access: 'agent' }, schema: { tags, summary: 'Change status, assignee, team, priority, labels...', params: IdParams, body: UpdateConversationBody, response: responses({ 200: Conversation }) } },
      async (request) => presentConversation(await services.conversations.update(agentOf(request).workspaceId, request.params.id, request.body)),
    );

    app.post('/conversations/:id/merge', { config: { access: 'agent' }, schema: { tags, summary: 'Merge another conversation into this one', params: IdParams, body: MergeConversationsBody, response: responses({ 200: Conversation }) } }, async (request) => {
      const { workspaceId } = agentOf(request);
      return presentConversation(await services.mergeSplit.merge(workspaceId, request.params.id, request.body.conversationId, actorOf(request)));
    });

    app.post('/conversations/:id/split', { config: { access: 'agent' }, schema: { tags, summary: 'Move messages into a new conversation', params: IdParams, body: SplitConversationBody, response: responses({ 201: SplitResult }) } }, async (request, reply) => {
      const { workspaceId } = agentOf(request);
      const result = await services.mergeSplit.split(workspaceId, request.params.id, request.body.messageIds, actorOf(request));
      reply.code(201);
      return { conversation: presentConversation(result.conversation), movedMessageIds: result.movedMessageIds };
    });

    app.get('/conversations/:id/messages', { config: { access: 'agent' }, schema: { tags, params: IdParams, querystring: ListMessagesQuery, response: responses({ 200: MessagesPage }) } }, async (request) => {
      const { workspaceId } = agentOf(request);
      const conversation = await services.conversations.get(workspaceId, request.params.id);
      const { afterSeq, limit } = request.query;
      const rows = await listMessages(deps.db, workspaceId, conversation.id, { afterSeq, limit: limit + 1, includePrivate: true });
      return { items: await services.agentView.messages(workspaceId, rows.slice(0, limit).map(presentMessage)), hasMore: rows.length > limit };
    });

    app.post('/conversations/:id/messages', { config: { access: 'agent' }, schema: { tags, summary: 'Reply, or add a private note', params: IdParams, body: PostMessageBody, response: responses({ 201: Message, 200: Message }) } }, async (request, reply) => {
      const principal = agentOf(request);
      const { idempotencyKey, ...body } = request.body;
      const result = await services.postMessage.post({ workspaceId: principal.workspaceId, agentId: principal.agentId, conversationId: request.params.id, ...body, idempotencyKey: idempotencyKey ?? null });
      reply.code(result.duplicate ? 200 : 201);
      return presentMessage(result.message);
    });

    app.post(
      '/inbound-messages',
      { config: { access: 'agent' }, schema: { tags, summary: 'Deliver a customer message from any channel (integrations)', body: InboundMessageBody, response: responses({ 201: InboundMessageResult, 200: InboundMessageResult }) } },
      async (request, reply) => {
        const { workspaceId } = agentOf(request);
        const { idempotencyKey, threadKey, ...input } = request.body;
        const received = await services.receive.receiveFromIdentity({ workspaceId, ...input, threadKey: threadKey ?? null, idempotencyKey: idempotencyKey ?? null });
        reply.code(received.duplicate ? 200 : 201);
        return { conversation: presentConversation(received.conversation), message: presentMessage(received.message), duplicate: received.duplicate };
      },
    );
  };
}
