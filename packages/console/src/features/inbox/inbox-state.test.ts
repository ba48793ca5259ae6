import { describe, expect, test } from 'vitest';
import type { FeedEvent } from '@tandem/protocol';
import { applyFeedEvent, emptyInbox, withRows } from './inbox-state.ts';
import { conversation, message, row } from '../../test-support/fakes.ts';

const event = (seq: number, overrides: Partial<FeedEvent>): FeedEvent => ({ seq, type: 'conversation.updated', conversationId: null, data: {}, createdAt: '2026-12-01T10:05:00.000Z', ...overrides });

describe('inbox live updates', () => {
  test('a new customer message moves into the preview and keeps the earliest waiting time', () => {
    const c = conversation();
    const state = withRows(emptyInbox, [row(c)]);
    const next = { ...c, lastSeq: 2, lastActivityAt: '2026-12-01T10:05:00.000Z' };
    const updated = applyFeedEvent(state, event(7, { type: 'message.created', conversationId: c.id, conversation: next, message: message(next, { body: 'سلام، سفارشم   کجاست؟' }) }));
    const r = updated.rows.get(c.id)!;
    expect(r.preview?.body).toBe('سلام، سفارشم کجاست؟');
    expect(r.waitingSince).toBe(c.lastActivityAt);
    expect(r.conversation.lastSeq).toBe(2);
    expect(updated.seq).toBe(7);
  });

  test('an agent reply stops the wait; a private note does not', () => {
    const c = conversation();
    let state = withRows(emptyInbox, [row(c)]);
    const noted = { ...c, lastSeq: 2 };
    state = applyFeedEvent(state, event(1, { type: 'message.created', conversationId: c.id, conversation: noted, message: message(noted, { author: 'agent', private: true }) }));
    expect(state.rows.get(c.id)!.waitingSince).not.toBeNull();
    const replied = { ...c, lastSeq: 3 };
    state = applyFeedEvent(state, event(2, { type: 'message.created', conversationId: c.id, conversation: replied, message: message(replied, { author: 'agent' }) }));
    expect(state.rows.get(c.id)!.waitingSince).toBeNull();
  });

  test("the bot's handoff line leaves the customer waiting; the handoff itself refetches the row", () => {
    const c = conversation({ handler: 'bot' });
    let state = withRows(emptyInbox, [row(c)]);
    const queued = { ...c, handler: 'queue' as const, lastSeq: 2 };
    state = applyFeedEvent(state, event(1, { type: 'message.created', conversationId: c.id, conversation: queued, message: message(queued, { author: 'bot' }) }));
    expect(state.rows.get(c.id)!.waitingSince).toBe(c.lastActivityAt);
    expect(state.stale.has(c.id)).toBe(true);
  });

  test('a replayed event (seq already applied) changes nothing', () => {
    const c = conversation();
    const state = applyFeedEvent(withRows(emptyInbox, [row(c)]), event(5, { conversationId: c.id, conversation: { ...c, priority: 'urgent' } }));
    const replayed = applyFeedEvent(state, event(5, { conversationId: c.id, conversation: { ...c, priority: 'low' } }));
    expect(replayed).toBe(state);
    expect(replayed.rows.get(c.id)!.conversation.priority).toBe('urgent');
  });

  test('a conversation the inbox does not know yet is marked to be fetched', () => {
    const c = conversation();
    const state = applyFeedEvent(emptyInbox, event(1, { type: 'conversation.created', conversationId: c.id, conversation: c }));
    expect(state.stale.has(c.id)).toBe(true);
    expect(withRows(state, [row(c)]).stale.size).toBe(0);
  });

  test('a conversation merged into another leaves the list; an SLA warning refetches its row', () => {
    const a = conversation();
    const b = conversation();
    let state = withRows(emptyInbox, [row(a), row(b)]);
    state = applyFeedEvent(state, event(1, { conversationId: a.id, conversation: { ...a, mergedIntoId: b.id } }));
    expect([...state.rows.keys()]).toEqual([b.id]);
    state = applyFeedEvent(state, event(2, { type: 'sla.warned', conversationId: b.id }));
    expect(state.stale.has(b.id)).toBe(true);
  });
});
