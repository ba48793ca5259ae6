import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'wouter';
import { recording, renderAt } from '../analytics/console-harness.fake.tsx';
import { ARTICLE, BOT_ANSWER, CONVERSATION, DRAFT, feedbackReads } from './feedback-api.fake.ts';
import { FeedbackRoute } from './feedback-route.tsx';

const SLOW = { timeout: 4000 };
const route = <Route path="/feedback/*?" component={FeedbackRoute} />;

function open(path: string, options: { locale?: 'en' | 'fa'; role?: 'admin' | 'agent' } = {}) {
  const api = recording(feedbackReads(), (sent) => (sent.path === '/feedback/article-drafts' ? { articleId: DRAFT, title: 'Why is my delivery late?' } : { ok: true }));
  return { ...api, ...renderAt(path, route, { http: api.http, ...options }) };
}

const items = () => screen.getAllByTestId('feedback-item');

describe('feedback inbox', () => {
  beforeAll(() => import('./feedback-page.tsx'));
  afterEach(cleanup);

  test('the ratings tab lists ratings as stars with the comment, the agent and a link to the conversation', async () => {
    const { gets } = open('/feedback');
    const low = await screen.findByRole('img', { name: '2 of 5 stars' }, SLOW);
    expect(low.textContent).toBe('★★☆☆☆');
    const first = within(items()[0]!);
    expect(first.getByText('Phải chờ quá lâu, và không ai giải thích vì sao.')).toBeTruthy();
    expect(await first.findByText('Agent: Lan')).toBeTruthy();
    expect(first.getByRole('link', { name: 'Open the conversation' }).getAttribute('href')).toBe(`/inbox/all/${CONVERSATION}`);
    expect(within(items()[1]!).getByText('No comment.')).toBeTruthy();
    expect(gets.find((g) => g.path === '/feedback')!.query).toEqual({ kind: 'csat', limit: 50 });
  });

  test('each tab asks for its own kind and shows what matters for it', async () => {
    const { gets } = open('/feedback/csat');
    await screen.findAllByTestId('feedback-item', {}, SLOW);
    fireEvent.click(screen.getByRole('link', { name: 'Articles' }));
    expect(await screen.findByText('Did not help')).toBeTruthy();
    expect(screen.getByText('Does not say how long a refund takes.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Edit the article Refund policy' }).getAttribute('href')).toBe(`/feedback/edit/${ARTICLE}?back=article`);
    expect(screen.queryByRole('button', { name: 'Create article from conversation' })).toBeNull();

    fireEvent.click(screen.getByRole('link', { name: 'Handoffs' }));
    expect(await screen.findByText('Hard to reach a person')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create article from conversation' })).toBeTruthy();

    fireEvent.click(screen.getByRole('link', { name: 'Bot answers' }));
    expect(await screen.findByText('tôi muốn đổi địa chỉ giao hàng')).toBeTruthy();
    expect(screen.getByText('order_status')).toBeTruthy();
    expect(gets.filter((g) => g.path === '/feedback').map((g) => g.query.kind)).toEqual(['csat', 'article', 'handoff', 'bot']);
  });

  test('"Create article from conversation" posts the conversation, then opens the draft in the article editor', async () => {
    const { sent, location } = open('/feedback/csat');
    await screen.findAllByTestId('feedback-item', {}, SLOW);
    fireEvent.click(within(items()[0]!).getByRole('button', { name: 'Create article from conversation' }));
    expect((await screen.findByLabelText('Title', {}, SLOW) as HTMLInputElement).value).toBe('Why is my delivery late?');
    expect(sent).toEqual([{ method: 'POST', path: '/feedback/article-drafts', body: { conversationId: CONVERSATION } }]);
    expect(location.history.at(-1)).toBe(`/feedback/edit/${DRAFT}?back=csat`);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(location.history.at(-1)).toBe('/feedback/csat'));
  });

  test('"More" reads the next page with the cursor and adds it under the first, until there is none', async () => {
    const { gets } = open('/feedback/csat');
    await screen.findAllByTestId('feedback-item', {}, SLOW);
    expect(items()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'More' }));
    expect(await screen.findByText('OK, but slow.')).toBeTruthy();
    expect(items()).toHaveLength(3);
    expect(gets.filter((g) => g.path === '/feedback').at(-1)!.query).toEqual({ kind: 'csat', limit: 50, cursor: 'csat-page-2' });
    expect(screen.queryByRole('button', { name: 'More' })).toBeNull();
  });

  test('a wrong bot answer becomes a training phrase of the intent the customer meant', async () => {
    const { sent } = open('/feedback/bot');
    await screen.findByText('tôi muốn đổi địa chỉ giao hàng', {}, SLOW);
    const add = screen.getByRole('button', { name: 'Add as training phrase' });
    expect(add.hasAttribute('disabled')).toBe(true);
    await screen.findByRole('option', { name: 'Change the delivery address' });
    fireEvent.change(screen.getByLabelText('The customer meant'), { target: { value: 'change_address' } });
    fireEvent.click(add);
    expect((await screen.findByRole('status')).textContent).toBe('Added to “Change the delivery address”. The bot retrains in the background.');
    expect(sent).toEqual([{ method: 'POST', path: `/messages/${BOT_ANSWER}/bot-feedback`, body: { correct: false, intent: 'change_address', addAsPhrase: true } }]);
  });

  test('in Persian the tabs and stars are translated, and an agent is told the inbox is for admins', async () => {
    open('/feedback', { locale: 'fa' });
    expect(await screen.findByRole('img', { name: '۲ از ۵ ستاره' }, SLOW)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'پاسخ‌های ربات' })).toBeTruthy();
    cleanup();
    const { gets } = open('/feedback', { role: 'agent' });
    expect(await screen.findByText('Only admins and owners can read customer feedback.', {}, SLOW)).toBeTruthy();
    expect(gets.some((g) => g.path === '/feedback')).toBe(false);
  });
});
