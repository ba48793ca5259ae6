// Properties of the pure definition checkers in core (bot flows, interactive guides): they never
// throw on any shape the API schema lets through, and what they accept really runs: a valid flow
// never reaches a missing step, and every path through a valid guide ends.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { continueFlow, LOCALES, resumeAfterAction, SLOT_KINDS, startFlow, validateFlow, validateGuide } from '@tandem/core';
import type { FlowContext, FlowDefinition, FlowStep, FlowTurn, GuideDefinition, GuideStep } from '@tandem/core';
import { checkProperty, nastyString } from './fuzz-settings.ts';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];
const target = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...IDS) }, { weight: 1, arbitrary: fc.constantFrom('missing', '') });
const template = fc.oneof(
  { weight: 4, arbitrary: nastyString(20).map((t) => t.replace(/[{}]/g, '')) },
  { weight: 1, arbitrary: nastyString(20) },
  { weight: 2, arbitrary: fc.constantFrom('Hi {{customer.name}}', 'Order {{slots.order}}', '{{result.status}}', '{{attributes.tier}}', '{{nope}}', '{{slots.}}', '{{ slots.x }}', '{{{{slots.y}}}}', '{{result.a.b}}') },
);
const text = fc.dictionary(fc.constantFrom(...LOCALES), template, { maxKeys: 3 });
const slot = fc.constantFrom('order', 'email', 'x', 'y', 'order.status');
const condition = fc.record({
  source: fc.constantFrom('slot', 'attribute', 'segment' as const),
  name: slot,
  op: fc.constantFrom('equals', 'not_equals', 'exists', 'in', 'contains' as const),
  value: fc.option(fc.oneof(nastyString(8), fc.array(nastyString(8), { maxLength: 3 })), { nil: undefined }),
}, { requiredKeys: ['source', 'name', 'op'] });

/** Steps with ids a, b, c... (a few duplicated), whose targets mostly lead on to the next one: most come out valid. */
function flowSteps(count: number): fc.Arbitrary<FlowStep[]> {
  const step = (i: number): fc.Arbitrary<FlowStep> => {
    const next = i + 1 < count ? IDS[i + 1]! : 'a';
    const to = fc.oneof({ weight: 6, arbitrary: fc.constant(next) }, { weight: 2, arbitrary: fc.constantFrom(...IDS.slice(0, count)) }, { weight: 1, arbitrary: target });
    const id = fc.oneof({ weight: 19, arbitrary: fc.constant(IDS[i]!) }, { weight: 1, arbitrary: fc.constantFrom(...IDS) });
    const last = i + 1 === count;
    return fc.oneof(
      fc.record({ id, kind: fc.constant('message' as const), text, next: last ? fc.constant(undefined) : fc.option(to, { nil: undefined }) }, { requiredKeys: ['id', 'kind', 'text'] }),
      fc.record({ id, kind: fc.constant('question' as const), slot, slotKind: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...SLOT_KINDS) }, { weight: 1, arbitrary: fc.constant('shoe_size' as never) }), text, maxAttempts: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }), next: to }, { requiredKeys: ['id', 'kind', 'slot', 'slotKind', 'text', 'next'] }),
      fc.record({ id, kind: fc.constant('choice' as const), text, slot: fc.option(slot, { nil: undefined }), choices: fc.array(fc.record({ value: nastyString(10), label: text, next: to }), { minLength: 1, maxLength: 3 }) }, { requiredKeys: ['id', 'kind', 'text', 'choices'] }),
      fc.record({ id, kind: fc.constant('condition' as const), branches: fc.array(fc.record({ when: condition, next: to }), { maxLength: 3 }), otherwise: to }),
      fc.record({ id, kind: fc.constant('action' as const), webhook: fc.oneof({ weight: 9, arbitrary: fc.constant('shop') }, { weight: 1, arbitrary: fc.constant('gone') }), input: fc.dictionary(fc.constantFrom('q', 'n'), template), resultSlot: fc.option(slot, { nil: undefined }), next: to, onError: to }, { requiredKeys: ['id', 'kind', 'webhook', 'input', 'next', 'onError'] }),
      fc.record({ id, kind: fc.constant('handoff' as const), text: fc.option(text, { nil: undefined }), reason: fc.option(nastyString(10), { nil: undefined }) }, { requiredKeys: ['id', 'kind'] }),
      fc.record({ id, kind: fc.constant('end' as const), text: fc.option(text, { nil: undefined }) }, { requiredKeys: ['id', 'kind'] }),
    );
  };
  return fc.tuple(...Array.from({ length: count }, (_, i) => step(i)));
}
const flow: fc.Arbitrary<FlowDefinition> = fc.integer({ min: 1, max: IDS.length }).chain((count) =>
  fc.record({ key: fc.constant('f'), title: text, start: fc.oneof({ weight: 9, arbitrary: fc.constant('a') }, { weight: 1, arbitrary: target }), steps: flowSteps(count) }));
const context: fc.Arbitrary<FlowContext> = fc.record({
  locale: fc.constantFrom(...LOCALES),
  now: fc.constant(new Date('2026-06-11T08:00:00Z')),
  attributes: fc.dictionary(fc.constantFrom('tier', 'x'), fc.jsonValue({ maxDepth: 1 })),
  segments: fc.array(fc.constantFrom('gold', 'x'), { maxLength: 2 }),
});
// What the customer types and what webhooks answer, turn by turn.
const replies = fc.array(fc.oneof(nastyString(30), fc.constantFrom('A-1042', 'lan@example.com', '+84901234567', '2026-06-12', '42', 'yes', '1')), { maxLength: 6 });
const outcomes = fc.array(fc.oneof(fc.record({ ok: fc.constant(true as const), data: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })) }), fc.record({ ok: fc.constant(false as const), error: fc.string() })), { maxLength: 6 });

function checkTurn(turn: FlowTurn): void {
  assert.ok(Array.isArray(turn.say) && turn.say.every((line) => typeof line.text === 'string'));
  if (turn.effect.kind === 'await_input') assert.equal(turn.state?.awaiting, 'input');
  if (turn.effect.kind === 'call_webhook') assert.equal(turn.state?.awaiting, 'action');
  if (turn.effect.kind === 'done' || turn.effect.kind === 'handoff') assert.equal(turn.state, null);
}

// Guides: a decision tree over the same ids, mostly leading forward to ends (a few loop back).
function guideSteps(count: number): fc.Arbitrary<GuideStep[]> {
  const step = (i: number): fc.Arbitrary<GuideStep> => {
    const later = IDS.slice(i + 1, count);
    const to = later.length > 0 ? fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...later) }, { weight: 1, arbitrary: target }) : target;
    const end = fc.oneof(fc.record({ kind: fc.constant('article' as const), article: fc.oneof({ weight: 5, arbitrary: fc.constant('known') }, { weight: 1, arbitrary: fc.constant('unknown') }) }), fc.record({ kind: fc.constantFrom('resolved', 'handoff' as const), message: text }));
    const choices = fc.array(fc.record({ label: text, next: to }), { minLength: 1, maxLength: 3 });
    const shape = later.length > 0 ? fc.oneof({ weight: 3, arbitrary: choices.map((c) => ({ choices: c })) }, { weight: 1, arbitrary: end.map((e) => ({ end: e })) }, { weight: 1, arbitrary: fc.record({ choices, end }) }) : end.map((e) => ({ end: e }));
    return fc.tuple(fc.oneof({ weight: 19, arbitrary: fc.constant(IDS[i]!) }, { weight: 1, arbitrary: fc.constantFrom(...IDS) }), text, shape).map(([id, t, rest]) => ({ id, text: t, ...rest }));
  };
  return fc.tuple(...Array.from({ length: count }, (_, i) => step(i)));
}
const guide: fc.Arbitrary<GuideDefinition> = fc.integer({ min: 1, max: IDS.length }).chain((count) =>
  fc.record({ key: fc.constant('g'), title: text, start: fc.oneof({ weight: 9, arbitrary: fc.constant('a') }, { weight: 1, arbitrary: target }), steps: guideSteps(count) }));

describe('flow and guide definitions', () => {
  it('validateFlow never throws, and a flow it accepts runs without ever reaching a missing step', async (t) => {
    let valid = 0;
    await checkProperty(t, fc.property(flow, context, replies, outcomes, (definition, ctx, answers, results) => {
      const problems = validateFlow(definition, (name) => name === 'shop');
      assert.ok(problems.every((p) => typeof p.reason === 'string' && p.reason.length > 0));
      if (problems.length > 0) return;
      valid++;
      let turn = startFlow(definition, ctx);
      for (let i = 0; i < 6 && turn.state; i++) {
        checkTurn(turn);
        turn = turn.state.awaiting === 'input' ? continueFlow(definition, turn.state, answers[i] ?? '', ctx) : resumeAfterAction(definition, turn.state, results[i] ?? { ok: false, error: 'timeout' }, ctx);
      }
      checkTurn(turn);
      assert.notEqual(turn.effect.kind === 'handoff' ? turn.effect.reason : null, 'flow_broken', 'an accepted flow reached a step that is not there');
    }), 200);
    t.diagnostic(`accepted flows exercised: ${valid}`);
  });

  it('validateGuide never throws, and every path through a guide it accepts reaches an end', async (t) => {
    let valid = 0;
    await checkProperty(t, fc.property(guide, fc.array(fc.nat(), { maxLength: 10 }), (definition, picks) => {
      const problems = validateGuide(definition, (key) => key === 'known');
      assert.ok(problems.every((p) => typeof p.reason === 'string' && p.reason.length > 0));
      if (problems.length > 0) return;
      valid++;
      const steps = new Map(definition.steps.map((s) => [s.id, s]));
      let current = steps.get(definition.start);
      for (let moves = 0; current && !current.end; moves++) {
        assert.ok(moves < definition.steps.length, 'a path longer than the guide: a loop got through');
        const choices = current.choices ?? [];
        assert.ok(choices.length > 0, `step ${current.id} has neither choices nor an end`);
        current = steps.get(choices[(picks[moves] ?? 0) % choices.length]!.next);
      }
      assert.ok(current?.end, 'the walk ended on a step that is not there');
    }), 200);
    t.diagnostic(`accepted guides walked: ${valid}`);
  });
});
