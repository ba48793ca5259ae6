import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ListMentionsQuery, MarkMentionsSeenBody, Mention, MentionsSeen } from '@tandem/protocol';
import { toJson } from '../../platform/json.ts';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';

/** The caller's own mentions in colleagues' private notes. */
export function mentionRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['mentions'];
    const { mentions } = services;
    app.get('/mentions', { config: { access: 'agent' }, schema: { tags, summary: 'Where colleagues mentioned you (@handle in a private note), newest first, at most 200', querystring: ListMentionsQuery, response: responses({ 200: z.object({ items: z.array(Mention) }) }) } }, async (request) => {
      const me = agentOf(request);
      return { items: (await mentions.list(me.workspaceId, me.agentId, { unseenOnly: request.query.unseen === 'true' })).map(toJson) };
    });
    app.post('/mentions/seen', { config: { access: 'agent' }, schema: { tags, summary: 'Mark your mentions in a conversation seen', body: MarkMentionsSeenBody, response: responses({ 200: MentionsSeen }) } }, async (request) => {
      const me = agentOf(request);
      return { ok: true as const, count: await mentions.markSeen(me.workspaceId, me.agentId, request.body.conversationId) };
    });
  };
}
