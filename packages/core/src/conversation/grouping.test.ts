import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseConversation, type ConversationCandidate, type GroupingSettings } from './grouping.ts';

const now = new Date('2026-11-23T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

function candidate(over: Partial<ConversationCandidate> & { id: string }): ConversationCandidate {
  return {
    status: 'open',
    lastChannel: 'web',
    threadKey: null,
    lastActivityAt: hoursAgo(1),
    resolvedAt: null,
    ...over,
  };
}

const contact: GroupingSettings = { policy: 'contact', reopenWindowHours: 72 };
const thread: GroupingSettings = { policy: 'thread', reopenWindowHours: 72 };

describe('chooseConversation', () => {
  const cases: Array<{
    name: string;
    settings: GroupingSettings;
    candidates: ConversationCandidate[];
    inbound: { channel: 'web' | 'email'; threadKey: string | null };
    expected: ReturnType<typeof chooseConversation>;
  }> = [
    {
      name: 'a customer with no conversation gets a new one',
      settings: contact,
      candidates: [],
      inbound: { channel: 'web', threadKey: null },
      expected: { kind: 'create' },
    },
    {
      name: 'an email from a customer who chatted in the widget joins the open conversation (contact)',
      settings: contact,
      candidates: [candidate({ id: 'chat', lastChannel: 'web' })],
      inbound: { channel: 'email', threadKey: '<a@mail>' },
      expected: { kind: 'append', conversationId: 'chat' },
    },
    {
      name: 'the newest unresolved conversation wins',
      settings: contact,
      candidates: [
        candidate({ id: 'old', lastActivityAt: hoursAgo(50) }),
        candidate({ id: 'new', status: 'pending', lastActivityAt: hoursAgo(2) }),
      ],
      inbound: { channel: 'web', threadKey: null },
      expected: { kind: 'append', conversationId: 'new' },
    },
    {
      name: 'a message soon after resolution reopens the conversation',
      settings: contact,
      candidates: [candidate({ id: 'done', status: 'resolved', resolvedAt: hoursAgo(71) })],
      inbound: { channel: 'email', threadKey: null },
      expected: { kind: 'reopen', conversationId: 'done' },
    },
    {
      name: 'a message long after resolution starts a new conversation',
      settings: contact,
      candidates: [candidate({ id: 'done', status: 'resolved', resolvedAt: hoursAgo(73) })],
      inbound: { channel: 'web', threadKey: null },
      expected: { kind: 'create' },
    },
    {
      name: 'under thread grouping another channel thread starts a new conversation',
      settings: thread,
      candidates: [candidate({ id: 'chat', lastChannel: 'web', threadKey: 'w1' })],
      inbound: { channel: 'email', threadKey: '<a@mail>' },
      expected: { kind: 'create' },
    },
    {
      name: 'under thread grouping the same thread is appended to',
      settings: thread,
      candidates: [
        candidate({ id: 'other', lastChannel: 'email', threadKey: '<b@mail>' }),
        candidate({ id: 'mine', lastChannel: 'email', threadKey: '<a@mail>', lastActivityAt: hoursAgo(30) }),
      ],
      inbound: { channel: 'email', threadKey: '<a@mail>' },
      expected: { kind: 'append', conversationId: 'mine' },
    },
    {
      name: 'under thread grouping a message without a thread reference never merges',
      settings: thread,
      candidates: [candidate({ id: 'x', lastChannel: 'email', threadKey: null })],
      inbound: { channel: 'email', threadKey: null },
      expected: { kind: 'create' },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(chooseConversation(c.settings, c.candidates, c.inbound, now), c.expected);
    });
  }
});
