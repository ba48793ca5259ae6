import { test } from 'node:test';
import assert from 'node:assert/strict';
import { METRIC_DEFINITIONS, METRIC_IDS } from './definitions.ts';
import { DEFAULT_COMEBACK_DAYS } from './honest-resolution.ts';
import { DEFAULT_JOURNEY_STEPS } from './journeys.ts';
import { SELF_SERVICE_WINDOW_HOURS } from './self-service.ts';

test('every metric has a definition and nothing else does', () => {
  assert.deepEqual(Object.keys(METRIC_DEFINITIONS).sort(), [...METRIC_IDS].sort());
});

test('definitions are one or two sentences of plain text', () => {
  for (const id of METRIC_IDS) {
    const text = METRIC_DEFINITIONS[id];
    const sentences = text.split(/(?<=[.;])\s+(?=[A-Z])/).length;
    assert.ok(sentences >= 1 && sentences <= 2, `${id}: ${sentences} sentences`);
    assert.ok(text.endsWith('.'), `${id} ends with a full stop`);
    assert.ok(text.length <= 400, `${id} is ${text.length} characters`);
  }
});

test('the published windows match the constants the numbers are computed with', () => {
  // If a default changes, the words published next to the numbers must change with it.
  assert.match(METRIC_DEFINITIONS.honestResolution, new RegExp(`within ${DEFAULT_COMEBACK_DAYS} × 24 hours`));
  assert.match(METRIC_DEFINITIONS.selfServiceRate, new RegExp(`within ${SELF_SERVICE_WINDOW_HOURS} hours`));
  assert.match(METRIC_DEFINITIONS.journeys, new RegExp(`cut after ${DEFAULT_JOURNEY_STEPS} steps`));
  assert.match(METRIC_DEFINITIONS.csatSatisfied, /4 or 5/);
});
