import { test } from 'node:test';
import assert from 'node:assert/strict';
import { continueFlow, resumeAfterAction, startFlow, type FlowContext, type FlowDefinition, type FlowState, type FlowStep, type FlowTurn } from './flow.ts';

const now = new Date('2026-03-01T10:00:00Z');
const ctx = (over: Partial<FlowContext> = {}): FlowContext => ({ locale: 'en', now, attributes: {}, segments: [], ...over });
const flow = (steps: FlowStep[], start = steps[0]!.id): FlowDefinition => ({ key: 'f', title: { en: 'F' }, start, steps });
const said = (turn: FlowTurn) => turn.say.map((line) => line.text);
// The server stores the state as JSON between turns: every resumed state here went through it.
const stored = (turn: FlowTurn): FlowState => JSON.parse(JSON.stringify(turn.state));

const orderStatus = flow([
  { id: 'greet', kind: 'message', text: { en: 'Hi {{customer.name}}!', vi: 'Chào {{customer.name}}!' }, next: 'ask' },
  { id: 'ask', kind: 'question', slot: 'orderNumber', slotKind: 'order_number', text: { en: 'Your order number?' }, retryText: { en: 'Try again, like A-1042?' }, next: 'lookup' },
  { id: 'lookup', kind: 'action', webhook: 'order-status', input: { order: '{{slots.orderNumber}}', plan: '{{attributes.plan}}' }, resultSlot: 'order', next: 'branch', onError: 'sorry' },
  { id: 'branch', kind: 'condition', branches: [{ when: { source: 'slot', name: 'order.status', op: 'equals', value: 'shipped' }, next: 'shipped' }], otherwise: 'other' },
  { id: 'shipped', kind: 'message', text: { en: 'Order {{slots.orderNumber}} shipped: {{result.tracking}}' }, next: 'more' },
  { id: 'other', kind: 'message', text: { en: 'Order {{slots.orderNumber}} is {{slots.order.status}}.' }, next: 'more' },
  {
    id: 'more', kind: 'choice', text: { en: 'Anything else?', vi: 'Còn gì nữa không?' }, slot: 'more', choices: [
      { value: 'yes', label: { en: 'Yes', vi: 'Có' }, next: 'ask' },
      { value: 'no', label: { en: 'No', vi: 'Không' }, next: 'bye' },
      { value: 'agent', label: { en: 'Talk to a person', fa: 'صحبت با اپراتور' }, next: 'human' },
    ],
  },
  { id: 'bye', kind: 'end', text: { en: 'Bye!' } },
  { id: 'human', kind: 'handoff', text: { en: 'Connecting you…' }, reason: 'customer_asked' },
  { id: 'sorry', kind: 'handoff', text: { en: 'We could not look up your order.' }, reason: 'order_lookup_failed' },
]);

const atAsk = () => stored(startFlow(orderStatus, ctx()));
const atLookup = () => stored(continueFlow(orderStatus, atAsk(), '#a-1042', ctx()));
const atMore = () => stored(resumeAfterAction(orderStatus, atLookup(), { ok: true, data: { status: 'packing' } }, ctx()));

test('a flow starts with its messages and stops at the first question', () => {
  const turn = startFlow(orderStatus, ctx({ customer: { name: 'Ana' } }));
  assert.deepEqual(said(turn), ['Hi Ana!', 'Your order number?']);
  assert.deepEqual(turn.effect, { kind: 'await_input' });
  assert.deepEqual(turn.state, { flow: 'f', step: 'ask', slots: {}, attempts: 0, awaiting: 'input', startedAt: '2026-03-01T10:00:00.000Z' });
});

test("text is in the customer's locale, else English", () => {
  assert.deepEqual(said(startFlow(orderStatus, ctx({ locale: 'vi', customer: { name: 'Bảo' } }))), ['Chào Bảo!', 'Your order number?']);
  assert.deepEqual(said(startFlow(flow([{ id: 'a', kind: 'end', text: { fa: 'خداحافظ' } }]), ctx())), ['خداحافظ']);
});

test('missing template values render as nothing, never "undefined"', () => {
  const f = flow([{ id: 'a', kind: 'end', text: { en: '[{{customer.name}}|{{attributes.plan}}|{{slots.x}}|{{result.y}}|{{nope}}|{{ attributes.seats }}]' } }]);
  assert.deepEqual(said(startFlow(f, ctx({ attributes: { seats: 3 } }))), ['[|||||3]']);
});

test('slots passed at the start fill templates', () => {
  const f = flow([{ id: 'a', kind: 'end', text: { en: 'About {{slots.topic}}' } }]);
  assert.deepEqual(said(startFlow(f, ctx(), { topic: 'refunds' })), ['About refunds']);
});

test('a valid answer is stored and the action asks for a webhook call with templated input', () => {
  const turn = continueFlow(orderStatus, atAsk(), 'my order is #a-1042 please', ctx({ attributes: { plan: 'pro' } }));
  assert.deepEqual(turn.effect, { kind: 'call_webhook', webhook: 'order-status', payload: { order: 'A-1042', plan: 'pro' } });
  assert.deepEqual(turn.say, []);
  assert.equal(turn.state?.awaiting, 'action');
  assert.equal(turn.state?.slots.orderNumber, 'A-1042');
});

test("a webhook's data is stored flat under its result slot and read by the next steps", () => {
  const data = { status: 'shipped', tracking: 'TRK1', carrier: { name: 'VNPost' }, eta: null };
  const turn = resumeAfterAction(orderStatus, atLookup(), { ok: true, data }, ctx());
  assert.deepEqual(said(turn), ['Order A-1042 shipped: TRK1', 'Anything else?']);
  assert.deepEqual(turn.state?.slots, { orderNumber: 'A-1042', 'order.status': 'shipped', 'order.tracking': 'TRK1', 'order.carrier.name': 'VNPost' });
});

test('a huge webhook answer is stored as at most 100 values', () => {
  const data = { status: 'packing', lines: Array.from({ length: 500 }, (_, i) => ({ sku: `S${i}` })) };
  const turn = resumeAfterAction(orderStatus, atLookup(), { ok: true, data }, ctx());
  assert.equal(Object.keys(turn.state!.slots).filter((key) => key.startsWith('order.')).length, 100);
  assert.equal(turn.state?.slots['order.status'], 'packing');
});

test('a stored result slot is readable in later messages', () => {
  const turn = resumeAfterAction(orderStatus, atLookup(), { ok: true, data: { status: 'packing' } }, ctx());
  assert.deepEqual(said(turn), ['Order A-1042 is packing.', 'Anything else?']);
});

test("a failed webhook follows onError and never shows the webhook's error", () => {
  const turn = resumeAfterAction(orderStatus, atLookup(), { ok: false, error: 'ECONNREFUSED' }, ctx());
  assert.deepEqual(said(turn), ['We could not look up your order.']);
  assert.deepEqual(turn.effect, { kind: 'handoff', reason: 'order_lookup_failed' });
  assert.equal(turn.state, null);
});

test("calling the webhook again replaces the previous call's result slots", () => {
  const first = stored(resumeAfterAction(orderStatus, atLookup(), { ok: true, data: { status: 'shipped', tracking: 'TRK1' } }, ctx()));
  const again = stored(continueFlow(orderStatus, stored(continueFlow(orderStatus, first, 'yes', ctx())), 'B-7', ctx()));
  const turn = resumeAfterAction(orderStatus, again, { ok: true, data: { status: 'packing' } }, ctx());
  assert.deepEqual(turn.state?.slots, { orderNumber: 'B-7', more: 'yes', 'order.status': 'packing' });
});

test('an invalid answer is asked again with the retry text, then handed to a person', () => {
  const retry = continueFlow(orderStatus, atAsk(), 'no idea', ctx());
  assert.deepEqual(said(retry), ['Try again, like A-1042?']);
  assert.deepEqual([retry.state?.step, retry.state?.attempts], ['ask', 1]);
  const gaveUp = continueFlow(orderStatus, stored(retry), 'still no idea', ctx());
  assert.deepEqual(gaveUp, { say: [], state: null, effect: { kind: 'handoff', reason: 'flow_slot_invalid' } });
});

test('maxAttempts allows more tries, and without a retry text the question is repeated', () => {
  const f = flow([{ id: 'q', kind: 'question', slot: 'n', slotKind: 'number', text: { en: 'How many?' }, maxAttempts: 3, next: 'e' }, { id: 'e', kind: 'end' }]);
  const second = stored(continueFlow(f, stored(continueFlow(f, stored(startFlow(f, ctx())), 'x', ctx())), 'y', ctx()));
  assert.equal(second.attempts, 2);
  assert.equal(continueFlow(f, second, 'z', ctx()).effect.kind, 'handoff');
  assert.deepEqual(continueFlow(f, second, '2', ctx()).effect, { kind: 'done' });
});

test('a choice shows its localized options', () => {
  const turn = resumeAfterAction(orderStatus, atLookup(), { ok: true, data: { status: 'packing' } }, ctx({ locale: 'vi' }));
  assert.deepEqual(turn.say.at(-1), {
    text: 'Còn gì nữa không?',
    choices: [{ value: 'yes', label: 'Có' }, { value: 'no', label: 'Không' }, { value: 'agent', label: 'Talk to a person' }],
  });
});

// Where a turn leaves the conversation: at a step, or finished with an effect.
const where = (turn: FlowTurn) => (turn.state ? `at ${turn.state.step}` : turn.effect.kind === 'handoff' ? `handoff ${turn.effect.reason}` : turn.effect.kind);

const picks: Array<[string, string, string]> = [
  ['its number', '2', 'done'],
  ['its number in Persian digits', '۲', 'done'],
  ['its value', 'AGENT', 'handoff customer_asked'],
  ['its English label with punctuation', 'no!', 'done'],
  ['its Vietnamese label without diacritics', 'khong', 'done'],
  ['its label in a language other than the locale', 'صحبت با اپراتور', 'handoff customer_asked'],
  ['its value, looping back to an earlier question', 'Yes', 'at ask'],
];
for (const [how, input, expected] of picks) {
  test(`a choice is picked by ${how}`, () => assert.equal(where(continueFlow(orderStatus, atMore(), input, ctx())), expected));
}

test("a picked choice's value is stored in its slot and its next steps speak", () => {
  const bye = continueFlow(orderStatus, atMore(), 'no', ctx());
  assert.deepEqual(said(bye), ['Bye!']);
  const again = continueFlow(orderStatus, atMore(), '1', ctx());
  assert.equal(again.state?.slots.more, 'yes');
  assert.deepEqual(said(again), ['Your order number?']);
});

test('an unmatched choice is shown again and counts as a failed attempt', () => {
  const retry = continueFlow(orderStatus, atMore(), '7', ctx());
  assert.equal(retry.state?.attempts, 1);
  assert.equal(retry.say[0]?.choices?.length, 3);
  assert.equal(continueFlow(orderStatus, stored(retry), 'maybe', ctx()).effect.kind, 'handoff');
});

test('the stored state is never changed in place', () => {
  const state = atAsk();
  const copy = structuredClone(state);
  continueFlow(orderStatus, state, 'A-1042', ctx());
  assert.deepEqual(state, copy);
});

test('a message without next ends the flow, and a handoff without a reason gets a default', () => {
  assert.deepEqual(startFlow(flow([{ id: 'a', kind: 'message', text: { en: 'Done.' } }]), ctx()), { say: [{ text: 'Done.' }], state: null, effect: { kind: 'done' } });
  assert.deepEqual(startFlow(flow([{ id: 'a', kind: 'handoff' }]), ctx()), { say: [], state: null, effect: { kind: 'handoff', reason: 'flow_handoff' } });
});

test('a condition on segments and attributes picks the first branch that holds', () => {
  const f = flow([
    {
      id: 'route', kind: 'condition', otherwise: 'basic', branches: [
        { when: { source: 'segment', name: 'vip', op: 'exists' }, next: 'vip' },
        { when: { source: 'attribute', name: 'plan', op: 'in', value: ['pro', 'team'] }, next: 'pro' },
      ],
    },
    { id: 'vip', kind: 'end', text: { en: 'vip' } },
    { id: 'pro', kind: 'end', text: { en: 'pro' } },
    { id: 'basic', kind: 'end', text: { en: 'basic' } },
  ]);
  assert.deepEqual(said(startFlow(f, ctx({ segments: ['vip'], attributes: { plan: 'pro' } }))), ['vip']);
  assert.deepEqual(said(startFlow(f, ctx({ attributes: { plan: 'Team' } }))), ['pro']);
  assert.deepEqual(said(startFlow(f, ctx())), ['basic']);
});

test('replies and webhook answers that arrive out of turn change nothing', () => {
  const waitingForWebhook = atLookup();
  assert.deepEqual(continueFlow(orderStatus, waitingForWebhook, 'hello?', ctx()), { say: [], state: waitingForWebhook, effect: { kind: 'none' } });
  const waitingForReply = atAsk();
  assert.deepEqual(resumeAfterAction(orderStatus, waitingForReply, { ok: true, data: {} }, ctx()), { say: [], state: waitingForReply, effect: { kind: 'none' } });
});

const brokenHandoff = { kind: 'handoff', reason: 'flow_broken' };

test('a broken flow hands the customer to a person instead of throwing', () => {
  assert.deepEqual(startFlow(flow([{ id: 'a', kind: 'end' }], 'missing'), ctx()).effect, brokenHandoff);
  const dangling = startFlow(flow([{ id: 'a', kind: 'message', text: { en: 'Hello' }, next: 'gone' }]), ctx());
  assert.deepEqual([said(dangling), dangling.effect], [['Hello'], brokenHandoff]);
  const oddKind = flow([{ id: 'q', kind: 'question', slot: 's', slotKind: 'postcode' as never, text: { en: '?' }, next: 'q' }]);
  assert.deepEqual(continueFlow(oddKind, stored(startFlow(oddKind, ctx())), '12345', ctx()).effect, brokenHandoff);
});

test('a stored state the flow no longer matches hands the customer to a person', () => {
  const unknownStep = { ...atAsk(), step: 'deleted' };
  assert.deepEqual(continueFlow(orderStatus, unknownStep, 'A-1042', ctx()), { say: [], state: null, effect: brokenHandoff });
  assert.deepEqual(continueFlow(orderStatus, { ...atAsk(), flow: 'other' }, 'A-1042', ctx()).effect, brokenHandoff);
  // The flow was edited: the step the customer was asked at is now a message.
  assert.deepEqual(continueFlow(orderStatus, { ...atAsk(), step: 'greet' }, 'A-1042', ctx()).effect, brokenHandoff);
  assert.deepEqual(resumeAfterAction(orderStatus, { ...atLookup(), step: 'ask' }, { ok: true, data: {} }, ctx()).effect, brokenHandoff);
});

test('a loop of automatic steps stops after 50 steps and says nothing', () => {
  const f = flow([
    { id: 'a', kind: 'message', text: { en: 'again' }, next: 'b' },
    { id: 'b', kind: 'condition', branches: [], otherwise: 'a' },
  ]);
  assert.deepEqual(startFlow(f, ctx()), { say: [], state: null, effect: { kind: 'handoff', reason: 'flow_loop' } });
});

test('the loop guard allows 50 steps in one turn, no more', () => {
  const chain = (messages: number) => flow([...Array.from({ length: messages }, (_, i): FlowStep => ({ id: `m${i}`, kind: 'message', text: { en: `${i}` }, next: `m${i + 1}` })), { id: `m${messages}`, kind: 'end' }]);
  assert.equal(startFlow(chain(49), ctx()).say.length, 49);
  assert.deepEqual(startFlow(chain(50), ctx()).effect, { kind: 'handoff', reason: 'flow_loop' });
});

test('a handoff step may name the team that takes over', () => {
  const billing = flow([{ id: 'h', kind: 'handoff', text: { en: 'Passing you to Billing.' }, reason: 'billing', teamId: '00000000-0000-4000-8000-00000000b111' }]);
  assert.deepEqual(startFlow(billing, ctx()).effect, { kind: 'handoff', reason: 'billing', teamId: '00000000-0000-4000-8000-00000000b111' });
  assert.deepEqual(startFlow(flow([{ id: 'h', kind: 'handoff' }]), ctx()).effect, { kind: 'handoff', reason: 'flow_handoff' });
});
