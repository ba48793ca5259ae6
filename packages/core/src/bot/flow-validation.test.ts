import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FlowDefinition, FlowStep } from './flow.ts';
import { validateFlow } from './flow-validation.ts';

const text = { en: 'x' };
const say = (id: string, next?: string, en = 'x'): FlowStep => ({ id, kind: 'message', text: { en }, next });
const ask = (id: string, slot: string, next: string): FlowStep => ({ id, kind: 'question', slot, slotKind: 'text', text, next });
const end = (id: string, en = 'x'): FlowStep => ({ id, kind: 'end', text: { en } });
const flow = (steps: FlowStep[], start = 'a'): FlowDefinition => ({ key: 'f', title: text, start, steps });
const reasons = (f: FlowDefinition, knownSlots: string[] = []) =>
  validateFlow(f, (name) => name === 'known', knownSlots).map((p) => `${p.step ?? '-'}: ${p.reason}`);

test('a flow with a loop back to a question is valid', () => {
  const steps: FlowStep[] = [
    ask('a', 'topic', 'pick'),
    { id: 'pick', kind: 'choice', text: { en: 'About {{slots.topic}}?' }, slot: 'sure', choices: [{ value: 'yes', label: text, next: 'call' }, { value: 'no', label: text, next: 'a' }] },
    { id: 'call', kind: 'action', webhook: 'known', input: { topic: '{{slots.topic}}', name: '{{customer.name}}' }, resultSlot: 'res', next: 'ok', onError: 'human' },
    { id: 'ok', kind: 'condition', branches: [{ when: { source: 'slot', name: 'res.id', op: 'exists' }, next: 'done' }], otherwise: 'human' },
    end('done', 'Case {{slots.res.id}}: {{result.id}} ({{slots.sure}}, {{attributes.plan}})'),
    { id: 'human', kind: 'handoff' },
  ];
  assert.deepEqual(reasons(flow(steps)), []);
});

test('a slot filled on only one branch may be read after the branches meet', () => {
  const steps: FlowStep[] = [
    { id: 'a', kind: 'condition', branches: [{ when: { source: 'segment', name: 'vip', op: 'exists' }, next: 'q' }], otherwise: 'b' },
    ask('q', 'email', 'b'),
    end('b', 'Mail to {{slots.email}}'),
  ];
  assert.deepEqual(reasons(flow(steps)), []);
});

test('slots the caller passes to startFlow count as filled', () => {
  assert.deepEqual(reasons(flow([end('a', 'Hi {{slots.topic}}')]), ['topic']), []);
});

const broken: Array<[string, FlowDefinition, RegExp]> = [
  ['duplicate ids', flow([end('a'), end('a')]), /a: duplicate step id/],
  ['a missing start', flow([end('a')], 'zz'), /-: start step "zz" does not exist/],
  ['a next to a missing step', flow([say('a', 'nowhere')]), /a: next leads to missing step "nowhere"/],
  ['a branch to a missing step', flow([{ id: 'a', kind: 'condition', branches: [{ when: { source: 'segment', name: 's', op: 'exists' }, next: 'zz' }], otherwise: 'b' }, end('b')]), /a: branch 1 leads to missing step "zz"/],
  ['an onError to a missing step', flow([{ id: 'a', kind: 'action', webhook: 'known', input: {}, next: 'b', onError: 'zz' }, end('b')]), /a: onError leads to missing step "zz"/],
  ['a choice to a missing step', flow([{ id: 'a', kind: 'choice', text, choices: [{ value: 'v', label: text, next: 'zz' }] }]), /a: choice "v" leads to missing step "zz"/],
  ['an unknown slot kind', flow([{ id: 'a', kind: 'question', slot: 's', slotKind: 'postcode' as never, text, next: 'b' }, end('b')]), /a: unknown slot kind "postcode"/],
  ['a choice without options', flow([{ id: 'a', kind: 'choice', text, choices: [] }]), /a: a choice needs at least one option/],
  ['an unknown webhook', flow([{ id: 'a', kind: 'action', webhook: 'nope', input: {}, next: 'b', onError: 'b' }, end('b')]), /a: no webhook "nope"/],
  ['a template with an unknown root', flow([end('a', 'Hi {{slot.name}}')]), /a: unknown template \{\{slot\.name\}\}/],
  ['a slot nobody fills', flow([say('a', 'b', 'Order {{slots.order}}'), end('b')]), /a: reads slot "order", which no earlier step fills/],
  ['a slot filled only after it is read', flow([say('a', 'q', '{{slots.email}}'), ask('q', 'email', 'b'), end('b')]), /a: reads slot "email"/],
  ['a condition on a slot nobody fills', flow([{ id: 'a', kind: 'condition', branches: [{ when: { source: 'slot', name: 'tier', op: 'equals', value: 'gold' }, next: 'b' }], otherwise: 'b' }, end('b')]), /a: reads slot "tier"/],
  ['a comparison without a value', flow([{ id: 'a', kind: 'condition', branches: [{ when: { source: 'attribute', name: 'plan', op: 'equals' }, next: 'b' }], otherwise: 'b' }, end('b')]), /condition "equals" on "plan" needs a value/],
  ['zero attempts', flow([{ id: 'a', kind: 'question', slot: 's', slotKind: 'text', text, maxAttempts: 0, next: 'b' }, end('b')]), /maxAttempts is a whole number, at least 1/],
  ['a step nobody reaches', flow([end('a'), end('orphan')]), /orphan: no step leads here/],
];
for (const [name, f, reason] of broken) {
  test(`${name} is refused`, () => assert.match(reasons(f).join('\n'), reason));
}

test('a result slot is filled on the success path only', () => {
  const f = flow([{ id: 'a', kind: 'action', webhook: 'known', input: {}, resultSlot: 'r', next: 'b', onError: 'c' }, end('b', '{{slots.r.x}}'), end('c', '{{slots.r.x}}')]);
  assert.deepEqual(reasons(f), ['c: reads slot "r.x", which no earlier step fills']);
});
