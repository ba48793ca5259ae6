import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateGuide, type GuideDefinition, type GuideStep } from './guide.ts';

const text = { en: 'x' };
const choose = (id: string, ...next: string[]): GuideStep => ({ id, text, choices: next.map((n) => ({ label: text, next: n })) });
const end = (id: string, article?: string): GuideStep => ({ id, text, end: article ? { kind: 'article', article } : { kind: 'handoff', message: text } });
const guide = (steps: GuideStep[], start = 'a'): GuideDefinition => ({ key: 'g', title: text, start, steps });
const reasons = (g: GuideDefinition) => validateGuide(g, (key) => key === 'known').map((p) => `${p.step ?? '-'}: ${p.reason}`);

test('a tree whose every path ends is valid', () => {
  assert.deepEqual(reasons(guide([choose('a', 'b', 'c'), end('b', 'known'), choose('c', 'd'), end('d')])), []);
});

test('two choices may lead to the same step: a diamond is not a loop', () => {
  assert.deepEqual(reasons(guide([choose('a', 'b', 'c'), choose('b', 'd'), choose('c', 'd'), end('d')])), []);
});

const broken: Array<[string, GuideDefinition, RegExp]> = [
  ['a missing start', guide([end('a')], 'zz'), /start step "zz" does not exist/],
  ['a choice to a missing step', guide([choose('a', 'nowhere')]), /missing step "nowhere"/],
  ['a loop', guide([choose('a', 'b'), choose('b', 'c', 'x'), choose('c', 'a'), end('x')]), /loop: a → b → c → a/],
  ['a step nobody reaches', guide([choose('a', 'b'), end('b'), end('orphan')]), /orphan: no choice leads here/],
  ['a step with neither choices nor an end', guide([{ id: 'a', text }]), /either choices or an end/],
  ['an end naming an unknown article', guide([end('a', 'unknown')]), /no article "unknown"/],
  ['duplicate ids', guide([end('a'), end('a')]), /duplicate step id/],
];
for (const [name, g, reason] of broken) {
  test(`${name} is refused`, () => assert.match(reasons(g).join('; '), reason));
}
