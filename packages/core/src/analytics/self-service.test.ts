import { test } from 'node:test';
import assert from 'node:assert/strict';
import { botContainment, selfServiceSessions, type HelpSession } from './self-service.ts';

const now = new Date('2026-11-30T12:00:00Z');
const session = (startedAt: string, conversationAt: string | null, did: 'search' | 'read' | 'both' | 'nothing' = 'search'): HelpSession => ({
  startedAt: new Date(startedAt),
  searched: did === 'search' || did === 'both',
  readArticle: did === 'read' || did === 'both',
  conversationStartedAt: conversationAt === null ? null : new Date(conversationAt),
});

const cases: Array<[string, HelpSession, { sessions: number; resolved: number }]> = [
  ['a search with no conversation afterwards is resolved', session('2026-11-28T09:00:00Z', null), { sessions: 1, resolved: 1 }],
  ['reading an article is enough to count', session('2026-11-28T09:00:00Z', null, 'read'), { sessions: 1, resolved: 1 }],
  ['a session that neither searched nor read is not counted', session('2026-11-28T09:00:00Z', null, 'nothing'), { sessions: 0, resolved: 0 }],
  // 28 Nov 09:00 → 28 Nov 15:00 is 6 h after: within 24 h.
  ['a conversation within 24 hours means it was not resolved', session('2026-11-28T09:00:00Z', '2026-11-28T15:00:00Z'), { sessions: 1, resolved: 0 }],
  // 28 Nov 09:00 + 24 h = 29 Nov 09:00; a conversation at 08:59 is inside.
  ['a conversation in the last minute of the 24 hours still follows it', session('2026-11-28T09:00:00Z', '2026-11-29T08:59:00Z'), { sessions: 1, resolved: 0 }],
  // Exactly 24 h later is outside the half-open window.
  ['a conversation exactly 24 hours later does not follow it', session('2026-11-28T09:00:00Z', '2026-11-29T09:00:00Z'), { sessions: 1, resolved: 1 }],
  ['a conversation that started before the session does not follow it', session('2026-11-28T09:00:00Z', '2026-11-28T08:00:00Z'), { sessions: 1, resolved: 1 }],
  // Now is 30 Nov 12:00: a session from 30 Nov 00:00 is 12 h old.
  ['a session less than 24 hours old is not counted yet', session('2026-11-30T00:00:00Z', null), { sessions: 0, resolved: 0 }],
  // 29 Nov 12:00 + 24 h = 30 Nov 12:00 = now.
  ['a session exactly 24 hours old is counted', session('2026-11-29T12:00:00Z', null), { sessions: 1, resolved: 1 }],
];
for (const [name, input, expected] of cases) {
  test(`self-service: ${name}`, () => {
    const { sessions, resolved } = selfServiceSessions([input], now);
    assert.deepEqual({ sessions, resolved }, expected);
  });
}

test('the self-service rate is resolved over counted sessions', () => {
  const sessions = [
    session('2026-11-27T09:00:00Z', null), // counted, resolved
    session('2026-11-27T10:00:00Z', null, 'read'), // counted, resolved
    session('2026-11-27T11:00:00Z', '2026-11-27T11:30:00Z', 'both'), // counted, not resolved
    session('2026-11-27T12:00:00Z', null, 'nothing'), // not counted: did nothing
    session('2026-11-30T11:00:00Z', null), // not counted: 1 h old
  ];
  // 2 resolved of 3 counted = 0.666… → 0.6667.
  assert.deepEqual(selfServiceSessions(sessions, now), { sessions: 3, resolved: 2, rate: 0.6667 });
  assert.deepEqual(selfServiceSessions([], now), { sessions: 0, resolved: 0, rate: null });
});

test('bot containment is resolved without a handoff over conversations the bot handled', () => {
  const conversations = [
    { botHandled: true, handedOff: false, resolved: true }, // contained
    { botHandled: true, handedOff: false, resolved: true }, // contained
    { botHandled: true, handedOff: true, resolved: true }, // a person resolved it
    { botHandled: true, handedOff: false, resolved: false }, // still open
    { botHandled: false, handedOff: false, resolved: true }, // never the bot's: not counted
  ];
  // 2 contained of 4 the bot handled = 0.5.
  assert.deepEqual(botContainment(conversations), { botConversations: 4, contained: 2, rate: 0.5 });
  assert.deepEqual(botContainment([]), { botConversations: 0, contained: 0, rate: null });
});
