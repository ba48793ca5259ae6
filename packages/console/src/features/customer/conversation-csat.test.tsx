import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { Locale } from '@tandem/core';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { fakeHttp } from '../../test-support/fakes.ts';
import { ConversationCsat } from './conversation-csat.tsx';
import { sessionWrapper } from '../../test-support/session.tsx';

const answered = {
  conversationId: 'c1', rating: 4, comment: 'Nhân viên rất nhiệt tình', easyToReach: true, channel: 'web',
  status: 'answered', askedAt: '2026-12-01T11:00:00.000Z', answeredAt: '2026-12-01T11:05:00.000Z',
};

function setup(http: HttpClient, locale: Locale = 'en') {
  const wrap = sessionWrapper({ http, locale, role: 'agent' });
  return (conversationId: string) => wrap(<ConversationCsat conversationId={conversationId} />);
}

describe('the conversation’s satisfaction survey', () => {
  afterEach(cleanup);

  test('an answered survey shows the rating in stars, the comment in its own direction, and whether a person was easy to reach', async () => {
    render(setup(fakeHttp({ '/conversations/c1/csat': () => answered }))('c1'));
    expect(await screen.findByText('Satisfaction: ★★★★☆ (4/5)')).toBeTruthy();
    expect(screen.getByText('Nhân viên rất nhiệt tình').getAttribute('dir')).toBe('auto');
    expect(screen.getByText('Easy to reach a person: yes')).toBeTruthy();
  });

  test('in Persian, the rating uses Persian digits and the answer is translated', async () => {
    render(setup(fakeHttp({ '/conversations/c1/csat': () => ({ ...answered, easyToReach: false }) }), 'fa')('c1'));
    expect(await screen.findByText('رضایت: ★★★★☆ (۴ از ۵)')).toBeTruthy();
    expect(screen.getByText('دسترسی آسان به یک کارشناس: خیر')).toBeTruthy();
  });

  test('a survey sent but not answered says so; opening a conversation without one (404) shows nothing, not an error', async () => {
    const calls: string[] = [];
    const http = fakeHttp(
      {
        '/conversations/c1/csat': () => ({ ...answered, rating: null, comment: null, easyToReach: null, status: 'asked', answeredAt: null }),
        '/conversations/c2/csat': () => {
          throw new ProblemError(404, 'csat.not_found', 'No such survey');
        },
      },
      calls,
    );
    const show = setup(http);
    const view = render(show('c1'));
    expect(await screen.findByText('Survey sent, no answer yet')).toBeTruthy();
    view.rerender(show('c2'));
    await waitFor(() => expect(calls).toEqual(['GET /conversations/c1/csat', 'GET /conversations/c2/csat']));
    expect(screen.queryByTestId('conversation-csat')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
