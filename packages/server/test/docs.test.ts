import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PROBLEM_CODES } from '@tandem/protocol';
import { STATUS_BY_KIND } from '../src/http/problem.ts';
import { SETTINGS } from '../src/config/schema.ts';
import { METRIC_DEFINITIONS } from '@tandem/core';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('documentation stays true', () => {
  it('docs/errors.md lists every problem code with its status, and nothing else', () => {
    const documented = new Map(
      [...read('docs/errors.md').matchAll(/^\| `([a-z0-9_.]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]),
    );
    const expected = new Map(
      Object.entries(PROBLEM_CODES).map(([code, { kind }]) => [code, code === 'server.internal' ? 500 : STATUS_BY_KIND[kind]]),
    );
    assert.deepEqual(Object.fromEntries(documented), Object.fromEntries(expected));
  });

  it('the README configuration table lists every environment variable', () => {
    const readme = read('README.md');
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
    assert.deepEqual(documented, Object.keys(SETTINGS).sort());
  });

  it('docs/analytics.md publishes every metric definition word for word', () => {
    const doc = read('docs/analytics.md');
    for (const [id, text] of Object.entries(METRIC_DEFINITIONS)) assert.ok(doc.includes(`- **\`${id}\`**: ${text}`), `${id} is missing or out of date`);
  });
});
