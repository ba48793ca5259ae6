import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journeySankey, leaveFunnel, topCounts, type FunnelStage } from './journeys.ts';

const node = (id: string) => ({ id, label: id.slice(id.indexOf(':') + 1) });

test('journeys become step-prefixed nodes and links counting the journeys that made each move', () => {
  const sankey = journeySankey([
    ['help_center', 'bot', 'person'],
    ['help_center', 'bot', 'person'],
    ['help_center', 'bot'],
    ['widget', 'email'],
  ]);
  assert.deepEqual(sankey, {
    nodes: [node('1:help_center'), node('1:widget'), node('2:bot'), node('2:email'), node('3:person')],
    links: [
      // three journeys go help_center → bot; two of them go on to a person.
      { source: '1:help_center', target: '2:bot', value: 3 },
      { source: '1:widget', target: '2:email', value: 1 },
      { source: '2:bot', target: '3:person', value: 2 },
    ],
  });
});

test('repeats in a row collapse before steps are counted', () => {
  // bot, bot, person → bot, person.
  assert.deepEqual(journeySankey([['bot', 'bot', 'bot', 'person']]).links, [{ source: '1:bot', target: '2:person', value: 1 }]);
});

test('a journey that returns to a touchpoint gets a new node, so the graph stays acyclic', () => {
  // bot → person → bot is 1:bot → 2:person → 3:bot, not a cycle.
  assert.deepEqual(journeySankey([['bot', 'person', 'bot']]).links, [
    { source: '1:bot', target: '2:person', value: 1 },
    { source: '2:person', target: '3:bot', value: 1 },
  ]);
});

test('journeys are cut to maxSteps touchpoints, 4 by default, after collapsing', () => {
  // a a b c d e → a b c d e → first four: a b c d (3 links); maxSteps 2 → a b (1 link).
  const path = ['a', 'a', 'b', 'c', 'd', 'e'];
  assert.deepEqual(journeySankey([path]).links.map((l) => `${l.source}>${l.target}`), ['1:a>2:b', '2:b>3:c', '3:c>4:d']);
  assert.deepEqual(journeySankey([path], { maxSteps: 2 }).links.map((l) => `${l.source}>${l.target}`), ['1:a>2:b']);
});

test('single-touchpoint and empty journeys move nowhere and add nothing', () => {
  assert.deepEqual(journeySankey([['help_center'], [], ['bot', 'bot']]), { nodes: [], links: [] });
});

test('the funnel counts sessions that reached each stage, in fixed order', () => {
  const sessions: Array<{ stages: Set<FunnelStage> }> = [
    { stages: new Set(['entry', 'search', 'article', 'resolved']) },
    { stages: new Set(['entry', 'search', 'bot', 'handoff']) },
    { stages: new Set(['entry', 'bot', 'resolved']) },
    { stages: new Set(['guide']) },
  ];
  // entry 3; search 2 (1st, 2nd); article 1; guide 1 (4th); bot 2 (2nd, 3rd); handoff 1; resolved 2 (1st, 3rd).
  assert.deepEqual(leaveFunnel(sessions), [
    { stage: 'entry', sessions: 3 },
    { stage: 'search', sessions: 2 },
    { stage: 'article', sessions: 1 },
    { stage: 'guide', sessions: 1 },
    { stage: 'bot', sessions: 2 },
    { stage: 'handoff', sessions: 1 },
    { stage: 'resolved', sessions: 2 },
  ]);
});

const topCases: Array<[string, string[], number, Array<{ key: string; count: number }>]> = [
  // refund ×3, shipping ×2, login ×2, invoice ×1: the tie between login and shipping goes by key.
  ['most frequent first, ties by key', ['shipping', 'refund', 'login', 'refund', 'invoice', 'login', 'shipping', 'refund'], 3, [
    { key: 'refund', count: 3 }, { key: 'login', count: 2 }, { key: 'shipping', count: 2 },
  ]],
  ['a limit above the number of keys returns them all', ['b', 'a'], 10, [{ key: 'a', count: 1 }, { key: 'b', count: 1 }]],
  ['a zero limit returns nothing', ['a'], 0, []],
  ['no items, no counts', [], 5, []],
];
for (const [name, items, limit, expected] of topCases) {
  test(`topCounts: ${name}`, () => assert.deepEqual(topCounts(items, limit), expected));
}
