import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOCALES } from '@tandem/core';
import { loadDemoKnowledgeBase } from './demo-kb.ts';

const { articles, categories } = await loadDemoKnowledgeBase();

test('the demo knowledge base has at least 30 articles in each language, the same topics in all three', () => {
  const keysOf = (locale: string) => articles.filter((a) => a.locale === locale).map((a) => a.meta.key).sort();
  assert.ok(keysOf('en').length >= 30, `${keysOf('en').length} English articles`);
  for (const locale of LOCALES) assert.deepEqual(keysOf(locale), keysOf('en'), `${locale} covers the same topics`);
});

test('every demo article is published, has sample questions, and links only to articles that exist', () => {
  const keys = new Set(articles.map((a) => a.meta.key));
  for (const { meta, locale } of articles) {
    assert.equal(meta.status, 'published');
    assert.ok(meta.sampleQuestions.length >= 3, `${locale}/${meta.key} has sample questions`);
    for (const related of meta.related) assert.ok(keys.has(related), `${locale}/${meta.key} → ${related}`);
  }
});

test('the demo articles cover billing, accounts, orders and technical topics', () => {
  const used = new Set(articles.map((a) => a.meta.category));
  assert.deepEqual([...used].sort(), ['accounts', 'billing', 'orders', 'technical']);
  assert.deepEqual(categories.map((c) => c.key).sort(), [...used].sort());
});
