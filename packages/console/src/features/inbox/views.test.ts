import { describe, expect, test } from 'vitest';
import { conversation, row } from '../../test-support/fakes.ts';
import { emptyFilter, inView, isUnread, selectRows, slaStateOf, unreadCount } from './views.ts';

const now = Date.parse('2026-12-01T12:00:00.000Z');
const context = { agentId: 'me', mentioned: new Set(['m1']), now };

describe('inbox views', () => {
  const mine = row(conversation({ id: 'a', assigneeId: 'me', lastSeq: 3, agentReadSeq: 1 }), { waitingSince: '2026-12-01T11:00:00.000Z' });
  const queued = row(conversation({ id: 'b', handler: 'queue', priority: 'urgent' }), { waitingSince: '2026-12-01T11:30:00.000Z' });
  const bot = row(conversation({ id: 'c', handler: 'bot' }));
  const mentioned = row(conversation({ id: 'm1', assigneeId: 'other', labels: ['vip'] }), { waitingSince: null, slaDueAt: '2026-12-01T12:10:00.000Z' });

  test.each([
    ['mine', ['a']],
    ['unassigned', ['b']],
    ['mentions', ['m1']],
    ['all', ['a', 'b', 'c', 'm1']],
  ] as const)('%s shows %j', (kind, ids) => {
    expect([mine, queued, bot, mentioned].filter((r) => inView(r, { kind }, context)).map((r) => r.conversation.id)).toEqual(ids);
  });

  test('sorting by waiting puts the longest wait first; by priority urgent first', () => {
    const rows = [queued, mentioned, mine];
    expect(selectRows(rows, { view: { kind: 'all' }, filter: emptyFilter, sort: 'waiting', context }).map((r) => r.conversation.id)).toEqual(['a', 'b', 'm1']);
    expect(selectRows(rows, { view: { kind: 'all' }, filter: emptyFilter, sort: 'priority', context })[0]!.conversation.id).toBe('b');
    expect(selectRows(rows, { view: { kind: 'all' }, filter: emptyFilter, sort: 'sla', context })[0]!.conversation.id).toBe('m1');
  });

  test('filters combine: label and SLA state', () => {
    expect(slaStateOf(mentioned, now)).toBe('due-soon');
    const filtered = selectRows([mine, queued, mentioned], { view: { kind: 'all' }, filter: { ...emptyFilter, labels: ['vip'], sla: ['due-soon'] }, sort: 'recent', context });
    expect(filtered.map((r) => r.conversation.id)).toEqual(['m1']);
  });

  test('a segment filter keeps the customers in it now', () => {
    const gold = row(conversation({ id: 'g' }), { customer: { id: 'cg', name: 'Lan', email: null, segments: ['gold', 'vi-speakers'] } });
    const filtered = selectRows([mine, gold], { view: { kind: 'all' }, filter: { ...emptyFilter, segments: ['gold'] }, sort: 'recent', context });
    expect(filtered.map((r) => r.conversation.id)).toEqual(['g']);
  });

  test('unread: the customer waits and an agent has not seen the last message', () => {
    expect(isUnread(mine)).toBe(true);
    expect(isUnread(mentioned)).toBe(false);
    expect(unreadCount([mine, queued, mentioned], { kind: 'mine' }, context)).toBe(1);
  });
});
