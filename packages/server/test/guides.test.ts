import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp } from './harness.ts';
import { seedDemoKnowledgeBase } from '../src/admin/demo-seed.ts';

const app = await startTestApp();
const ws = await createWorkspace(app);
await seedDemoKnowledgeBase(app.services, app.deps, ws.id);
const page = async (url: string) => (await app.http.inject({ method: 'GET', url })).body;
const nextLinks = (body: string) => [...body.matchAll(/href="([^"]*\?step=[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('guides', () => {
  it('the demo guides are imported with the knowledge base and listed on the help center', async () => {
    const list = await call(app, 'GET', '/api/v1/kb/guides', { token: ws.tokens.agent });
    assert.deepEqual(list.body.items.map((g: { key: string }) => g.key), ['payment-problem', 'where-is-my-order']);
    assert.match(await page(`/help/${ws.slug}/vi`), /Hướng dẫn từng bước/);
  });

  it('a guide runs without JavaScript, step by step to an article, and every step is counted', async () => {
    const first = await page(`/help/${ws.slug}/en/guides/where-is-my-order`);
    assert.match(first, /what status does your order show\?/);
    const shipped = nextLinks(first).find((href) => href.includes('step=shipped'))!;
    const second = await page(shipped);
    const ending = nextLinks(second)[0]!;
    const last = await page(ending);
    assert.match(last, /Start over/);
    const stats = await call(app, 'GET', '/api/v1/kb/guides/where-is-my-order/stats', { token: ws.tokens.agent });
    assert.equal(stats.body.started, 1);
    assert.equal(stats.body.steps['ask-status'], 1);
    assert.equal(stats.body.steps.shipped, 1);
    assert.equal(stats.body.completed + stats.body.handedOff, 1);
    assert.equal(stats.body.abandoned, 0);
  });

  it('a run that stops half way counts as abandoned', async () => {
    await page(`/help/${ws.slug}/fa/guides/payment-problem`);
    const stats = await call(app, 'GET', '/api/v1/kb/guides/payment-problem/stats', { token: ws.tokens.agent });
    assert.equal(stats.body.started, 1);
    assert.equal(stats.body.abandoned, 1);
  });

  it('the widget runs the same guide as JSON steps, ending in the article with its help-center link', async () => {
    const visitor = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {} })).body;
    const step = (body: object) => call(app, 'POST', `/api/v1/widget/${ws.id}/guides/where-is-my-order/steps?locale=vi`, { token: visitor.token, body });
    const first = (await step({})).body;
    assert.equal(first.stepId, 'ask-status');
    assert.ok(first.choices.length >= 2);
    const shipped = (await step({ step: 'shipped', runId: first.runId })).body;
    const last = (await step({ step: shipped.choices[0].next, runId: first.runId })).body;
    assert.ok(last.end, 'the run ends');
    if (last.end.kind === 'article') assert.match(last.end.article.url, new RegExp(`^/help/${ws.slug}/vi/articles/`));
    const list = await call(app, 'GET', `/api/v1/widget/${ws.id}/guides`, { token: visitor.token });
    assert.equal(list.body.items.length, 2);
  });

  it('a guide that points to a missing step, loops or names an unknown article is refused; a valid one is versioned', async () => {
    const text = { en: 'x' };
    const save = (steps: object[]) => call(app, 'PUT', '/api/v1/kb/guides/test-guide', { token: ws.tokens.admin, body: { key: 'test-guide', title: text, start: 'a', steps } });
    const missing = await save([{ id: 'a', text, choices: [{ label: text, next: 'nowhere' }] }]);
    assert.equal(missing.status, 400);
    assert.equal(missing.body.code, 'guide.invalid');
    const loop = await save([{ id: 'a', text, choices: [{ label: text, next: 'b' }] }, { id: 'b', text, choices: [{ label: text, next: 'a' }] }]);
    assert.match(loop.body.errors[0].message, /loop/);
    const article = await save([{ id: 'a', text, end: { kind: 'article', article: 'no-such-article' } }]);
    assert.match(article.body.errors[0].message, /no article/);
    const ok = await save([{ id: 'a', text, end: { kind: 'article', article: 'refund-timeline' } }]);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.version, 1);
    assert.equal((await save([{ id: 'a', text, end: { kind: 'resolved', message: text } }])).body.version, 2);
  });
});
