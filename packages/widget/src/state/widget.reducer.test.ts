import { describe, expect, test } from 'vitest';
import { widgetReducer, type WidgetAction } from './widget.reducer.ts';
import { queueStanding, timeline, unreadCount } from './widget.selectors.ts';
import { toPersisted } from './persisted-state.ts';
import { createInitialState, type WidgetState } from './widget-state.ts';
import { aConversation, aMessage, anOutboxItem, aWidgetRule, CONVERSATION_ID, CUSTOMER_ID, EXPOSURE_ID, RULE_ID } from './widget.fixtures.ts';

const run = (actions: WidgetAction[], state: WidgetState = createInitialState('en')) => actions.reduce(widgetReducer, state);

describe('the outbox and the timeline', () => {
  test('a queued message shows once as "queued" until the server acknowledges it', () => {
    const state = run([{ type: 'message.queued', item: anOutboxItem('key-0001') }]);
    const items = timeline(state);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'local', status: 'queued' });
  });

  test('the acked copy replaces the queued one, and replayed or live copies of it never add a second', () => {
    const own = aMessage(1, { author: 'customer', idempotencyKey: 'key-0001', body: 'hello' });
    const state = run([
      { type: 'message.queued', item: anOutboxItem('key-0001', { body: 'hello' }) },
      { type: 'message.received', message: own }, // live echo before the ack
      { type: 'message.acked', idempotencyKey: 'key-0001', message: own },
      { type: 'message.received', message: own }, // replayed after a reconnect
    ]);
    expect(state.outbox).toEqual([]);
    const bodies = timeline(state).map((item) => (item.kind === 'message' ? item.message.body : item.kind));
    expect(bodies).toEqual(['hello']);
  });

  test('a rejected message is marked failed with the reason, and retry queues it again under the same key', () => {
    const failed = run([
      { type: 'message.queued', item: anOutboxItem('key-0002') },
      { type: 'message.failed', idempotencyKey: 'key-0002', error: 'Message is too long' },
    ]);
    expect(failed.outbox[0]).toMatchObject({ status: 'failed', error: 'Message is too long' });
    const retried = widgetReducer(failed, { type: 'message.retried', idempotencyKey: 'key-0002' });
    expect(retried.outbox[0]).toMatchObject({ idempotencyKey: 'key-0002', status: 'queued', error: null });
  });

  test('deleting a failed message removes it', () => {
    const state = run([
      { type: 'message.queued', item: anOutboxItem('key-0003') },
      { type: 'message.failed', idempotencyKey: 'key-0003', error: 'no' },
      { type: 'message.discarded', idempotencyKey: 'key-0003' },
    ]);
    expect(state.outbox).toEqual([]);
  });

  test('messages are ordered by seq whatever order they arrive in', () => {
    const state = run([3, 1, 2].map((seq) => ({ type: 'message.received', message: aMessage(seq) }) as const));
    expect(state.conversations[CONVERSATION_ID]?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  test('a private note never reaches the customer timeline', () => {
    const state = run([{ type: 'message.received', message: aMessage(1, { private: true }) }]);
    expect(timeline(state)).toEqual([]);
  });
});

describe('read state', () => {
  test('agent and bot messages past what the customer has read are unread; their own are not', () => {
    const state = run([
      { type: 'message.received', message: aMessage(1, { author: 'customer' }) },
      { type: 'message.received', message: aMessage(2, { author: 'bot' }) },
      { type: 'message.received', message: aMessage(3, { author: 'agent' }) },
    ]);
    expect(unreadCount(state)).toBe(2);
    expect(unreadCount(widgetReducer(state, { type: 'customer.read', conversationId: CONVERSATION_ID, seq: 3 }))).toBe(0);
  });

  test("own messages show Seen once the agent's read receipt covers them", () => {
    const state = run([
      { type: 'message.received', message: aMessage(1, { author: 'customer' }) },
      { type: 'message.received', message: aMessage(2, { author: 'customer' }) },
      { type: 'agent.read', conversationId: CONVERSATION_ID, readSeq: 1 },
    ]);
    expect(timeline(state).map((item) => item.kind === 'message' && item.status)).toEqual(['seen', 'sent']);
  });
});

describe('sessions', () => {
  test('becoming another customer drops their conversations but keeps unsent messages, unbound', () => {
    const state = run([
      { type: 'session.started', token: 't1', customerId: CUSTOMER_ID },
      { type: 'conversations.loaded', conversations: [aConversation()] },
      { type: 'message.queued', item: anOutboxItem('key-0004', { conversationId: CONVERSATION_ID }) },
      { type: 'session.started', token: 't2', customerId: 'another-customer' },
    ]);
    expect(state.conversations).toEqual({});
    expect(state.outbox).toEqual([expect.objectContaining({ idempotencyKey: 'key-0004', conversationId: null })]);
  });

  test('an agent typing expires on its own after six seconds', () => {
    const typing = run([{ type: 'agent.typing', conversationId: CONVERSATION_ID, isTyping: true, name: 'Linh', now: 1_000 }]);
    expect(widgetReducer(typing, { type: 'typing.expired', now: 6_999 }).conversations[CONVERSATION_ID]?.typing).not.toBeNull();
    expect(widgetReducer(typing, { type: 'typing.expired', now: 7_000 }).conversations[CONVERSATION_ID]?.typing).toBeNull();
  });
});

describe('waiting for a person', () => {
  const waiting = aConversation({ handler: 'queue', assigneeId: null });

  test("routing's queue figures show while the conversation waits, in whole minutes", () => {
    const state = run([
      { type: 'conversation.updated', conversation: waiting },
      { type: 'queue.updated', conversationId: CONVERSATION_ID, position: 3, expectedWaitSeconds: 200 },
    ]);
    expect(queueStanding(state)).toEqual({ position: 3, minutes: 3 });
  });

  test('nothing is shown once a person has it, or when routing clears the figures', () => {
    const queued: WidgetAction = { type: 'queue.updated', conversationId: CONVERSATION_ID, position: 2, expectedWaitSeconds: null };
    const assigned = run([{ type: 'conversation.updated', conversation: waiting }, queued, { type: 'conversation.updated', conversation: { ...waiting, handler: 'agent', assigneeId: CUSTOMER_ID } }]);
    expect(queueStanding(assigned)).toBeNull();
    const cleared = run([{ type: 'conversation.updated', conversation: waiting }, queued, { type: 'queue.updated', conversationId: CONVERSATION_ID, position: null, expectedWaitSeconds: null }]);
    expect(queueStanding(cleared)).toBeNull();
  });
});

describe('proactive prompts', () => {
  const prompt = { exposureId: EXPOSURE_ID, ruleId: RULE_ID, action: aWidgetRule({ kind: 'page_view' }).action };

  test('opening the panel answers the prompt; closing it does not bring the prompt back', () => {
    const opened = run([{ type: 'proactive.shown', prompt }, { type: 'panel.toggled', isOpen: true }]);
    expect(opened.proactive).toBeNull();
    expect(run([{ type: 'panel.toggled', isOpen: false }], opened).proactive).toBeNull();
  });

  test('a guide requested from a prompt ends when the panel closes', () => {
    const state = run([{ type: 'guide.requested', key: 'returns' }, { type: 'panel.toggled', isOpen: true }]);
    expect(state.requestedGuide).toBe('returns');
    expect(run([{ type: 'panel.toggled', isOpen: false }], state).requestedGuide).toBeNull();
  });

  test('neither survives a reload', () => {
    const state = run([{ type: 'proactive.shown', prompt }, { type: 'guide.requested', key: 'returns' }]);
    const saved = JSON.stringify(toPersisted(state));
    expect(saved).not.toContain(EXPOSURE_ID);
    expect(saved).not.toContain('returns');
  });
});
