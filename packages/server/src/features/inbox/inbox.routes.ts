import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { maskPersonalData } from '@tandem/core';
import { IdParams, InboxQuery, InboxRow, PREVIEW_MAX_CHARS, page } from '@tandem/protocol';
import { presentConversation } from '../../domain/present.ts';
import { agentOf } from '../../http/access.ts';
import { decodeActivityCursor, toPage } from '../../http/cursor.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';
import type { InboxItem } from './inbox.service.ts';

/** One line of text, cut by code points so an emoji is never split in half. */
function previewText(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  if (line.length <= PREVIEW_MAX_CHARS) return line;
  return Array.from(line.slice(0, PREVIEW_MAX_CHARS * 2)).slice(0, PREVIEW_MAX_CHARS).join('');
}

const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

function presentInboxRow(item: InboxItem, masks: boolean): InboxRow {
  const last = item.lastMessage;
  const body = last && masks ? maskPersonalData(last.body, 'partial').text : last?.body ?? '';
  return {
    conversation: presentConversation(item.conversation),
    customer: item.customer,
    preview: last && { body: previewText(body), author: last.author, private: last.private, createdAt: last.createdAt.toISOString() },
    waitingSince: isoOrNull(item.waitingSince),
    slaDueAt: isoOrNull(item.slaDueAt),
    slaBreached: item.slaBreached,
  };
}

/** The console's conversation list: each row with its customer, last message, wait and SLA deadline. */
export function inboxRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['inbox'];
    const { inbox } = services;
    app.get('/inbox', { config: { access: 'agent' }, schema: { tags, summary: 'Rows of the conversation list, most recently active first', querystring: InboxQuery, response: responses({ 200: page(InboxRow) }) } }, async (request) => {
      const { status, cursor, limit } = request.query;
      const { workspaceId } = agentOf(request);
      const items = await inbox.list(workspaceId, { statuses: status, before: decodeActivityCursor(cursor), limit: limit + 1 });
      const masks = await services.agentView.masks(workspaceId);
      return toPage(items, limit, (i) => [i.conversation.lastActivityAt.toISOString(), i.conversation.id], (i) => presentInboxRow(i, masks));
    });
    app.get('/inbox/:id', { config: { access: 'agent' }, schema: { tags, summary: 'One conversation’s row (for a conversation a feed event names)', params: IdParams, response: responses({ 200: InboxRow }) } }, async (request) => {
      const { workspaceId } = agentOf(request);
      return presentInboxRow(await inbox.get(workspaceId, request.params.id), await services.agentView.masks(workspaceId));
    });
  };
}
