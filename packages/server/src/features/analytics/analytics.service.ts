import type { AnalyticsQuery } from '@tandem/protocol';
import { FEEDBACK_KINDS } from '@tandem/protocol';
import type { Locale } from '@tandem/core';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { ArticleService } from '../kb/article.service.ts';
import { listCategories } from '../kb/kb.store.ts';
import { findConversation } from '../conversations/conversation.store.ts';
import { listMessages } from '../messages/message.store.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { workspaceTimeZone } from './facts.service.ts';
import { FEEDBACK_QUERIES, type FeedbackCursor, type FeedbackKind } from './feedback.store.ts';
import { journeys } from './journeys.query.ts';
import { overview } from './overview.query.ts';
import { searchSessions, selfService } from './self-service.query.ts';
import { agentStats, staffing } from './staffing.query.ts';

const encodeCursor = (c: FeedbackCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(text: string | undefined): FeedbackCursor | null {
  if (!text) return null;
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as FeedbackCursor;
    if (typeof c.at === 'string' && typeof c.id === 'string' && !Number.isNaN(Date.parse(c.at))) return c;
  } catch {
    // fall through: a cursor we did not write
  }
  throw appError('request.invalid', 'The cursor is not one this API gave.', { fields: [{ path: 'cursor', message: 'invalid' }] });
}

/** The dashboards and the feedback inbox, read from the rollups the analytics pass keeps. */
export function createAnalyticsService(deps: ServiceDeps & { articles: ArticleService }) {
  const { db, clock } = deps;
  const zoneOf = async (workspaceId: string) => workspaceTimeZone((await findWorkspace(db, workspaceId))?.settings);

  return {
    overview: async (workspaceId: string, q: AnalyticsQuery) => {
      const timeZone = await zoneOf(workspaceId);
      const sessions = searchSessions(db, workspaceId, q, timeZone, clock());
      return overview(db, workspaceId, q, { now: clock(), timeZone, selfServiceResolved: sessions.then((s) => s.resolved) });
    },
    selfService: async (workspaceId: string, q: AnalyticsQuery) => selfService(db, workspaceId, q, await zoneOf(workspaceId), clock()),
    journeys: (workspaceId: string, q: AnalyticsQuery) => journeys(db, workspaceId, q),
    staffing: async (workspaceId: string, q: AnalyticsQuery) => staffing(db, workspaceId, q, await zoneOf(workspaceId)),
    agents: (workspaceId: string, q: AnalyticsQuery) => agentStats(db, workspaceId, q),

    /** Newest first across the kinds asked for; the cursor is the last item's time and id. */
    async feedback(workspaceId: string, query: { kind?: FeedbackKind | undefined; cursor?: string | undefined; limit: number }) {
      const cursor = decodeCursor(query.cursor);
      const kinds = query.kind ? [query.kind] : FEEDBACK_KINDS;
      const lists = await Promise.all(kinds.map((kind) => FEEDBACK_QUERIES[kind](db, workspaceId, cursor, query.limit + 1)));
      const merged = lists.flat().sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
      const items = merged.slice(0, query.limit);
      const last = items.at(-1);
      return { items, nextCursor: merged.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
    },

    /** A draft article from a conversation: the customer's words as the question, the team's public replies as the answer. */
    async articleDraft(workspaceId: string, conversationId: string, agentId: string) {
      const conversation = await findConversation(db, workspaceId, conversationId);
      if (!conversation) throw appError('conversation.not_found');
      const [category] = await listCategories(db, workspaceId);
      if (!category) throw appError('article.unknown_category', 'Create a knowledge-base category first.');
      const messages = (await listMessages(db, workspaceId, conversationId, { afterSeq: 0, limit: 200, includePrivate: false }));
      const asked = messages.filter((m) => m.author === 'customer').map((m) => m.body);
      const answered = messages.filter((m) => m.author === 'agent').map((m) => m.body);
      const title = (conversation.subject ?? asked[0] ?? 'Draft').replace(/\s+/g, ' ').trim().slice(0, 120) || 'Draft';
      const article = await deps.articles.create(workspaceId, {
        key: `from-conversation-${conversationId.slice(-12)}`, locale: (conversation.language ?? 'en') as Locale, title, summary: '', category: category.key, tags: [],
        sampleQuestions: asked.slice(0, 3).map((q) => q.slice(0, 300)), related: [], status: 'draft',
        body: `## ${title}\n\n${asked.map((q) => `> ${q.replace(/\n/g, '\n> ')}`).join('\n>\n')}\n\n${answered.join('\n\n') || '…'}\n`,
      }, agentId);
      return { articleId: article.id, title: article.title };
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
