// The feedback API in memory for the inbox's tests: pages per kind, as the server sends them.
import type { Article, FeedbackItem } from '@tandem/protocol';
import { fakeHttp } from '../../test-support/fakes.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const CONVERSATION = uuid(101);
export const ARTICLE = uuid(201);
export const DRAFT = uuid(202);
export const BOT_ANSWER = uuid(301);

function item(fields: Partial<FeedbackItem> & Pick<FeedbackItem, 'kind' | 'id'>): FeedbackItem {
  return { createdAt: '2026-12-01T09:30:00.000Z', rating: null, comment: null, conversationId: null, articleId: null, articleTitle: null, intent: null, question: null, agentId: null, ...fields };
}

export const lowCsat = item({ kind: 'csat', id: 'csat-1', rating: 2, comment: 'Phải chờ quá lâu, và không ai giải thích vì sao.', conversationId: CONVERSATION, agentId: 'a1' });
export const goodCsat = item({ kind: 'csat', id: 'csat-2', rating: 5, conversationId: uuid(102) });
export const olderCsat = item({ kind: 'csat', id: 'csat-3', rating: 3, comment: 'OK, but slow.', conversationId: uuid(103) });
export const articleNo = item({ kind: 'article', id: 'vote-1', rating: 0, comment: 'Does not say how long a refund takes.', articleId: ARTICLE, articleTitle: 'Refund policy' });
export const wrongBot = item({ kind: 'bot', id: BOT_ANSWER, rating: 0, question: 'tôi muốn đổi địa chỉ giao hàng', intent: 'order_status', conversationId: uuid(104) });
export const hardHandoff = item({ kind: 'handoff', id: 'handoff-1', rating: 0, comment: 'The bot kept asking the same thing.', conversationId: uuid(105) });

const pages: Record<string, Record<string, { items: FeedbackItem[]; nextCursor: string | null }>> = {
  csat: { '': { items: [lowCsat, goodCsat], nextCursor: 'csat-page-2' }, 'csat-page-2': { items: [olderCsat], nextCursor: null } },
  article: { '': { items: [articleNo], nextCursor: null } },
  bot: { '': { items: [wrongBot], nextCursor: null } },
  handoff: { '': { items: [hardHandoff], nextCursor: null } },
};

const draft: Article = {
  id: DRAFT, key: 'delivery-delays', locale: 'en', title: 'Why is my delivery late?', summary: '', body: 'Deliveries can be late when…', bodyHtml: '<p>Deliveries can be late when…</p>',
  category: 'shipping', tags: [], sampleQuestions: [], related: [], status: 'draft', views: 0, helpful: 0, notHelpful: 0,
  createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z',
};

export const feedbackReads = () =>
  fakeHttp({
    '/feedback': (query) => pages[String(query.kind)]![String(query.cursor ?? '')]!,
    '/bot/intents': () => ({ items: [{ key: 'order_status', title: { en: 'Order status' }, phrases: {} }, { key: 'change_address', title: { en: 'Change the delivery address', vi: 'Đổi địa chỉ giao hàng' }, phrases: {} }] }),
    [`/kb/articles/${DRAFT}`]: () => draft,
    '/agents': () => ({ items: [{ id: 'a1', email: 'lan@example.com', handle: 'lan', name: 'Lan', role: 'agent', skills: [], createdAt: '2026-01-01T00:00:00.000Z' }], nextCursor: null }),
  });
