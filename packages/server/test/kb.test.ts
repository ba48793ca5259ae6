import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

const app = await startTestApp();

async function withCategory(ws: TestWorkspace) {
  const res = await call(app, 'PUT', '/api/v1/kb/categories/accounts', { token: ws.tokens.admin, body: { names: { en: 'Accounts', vi: 'Tài khoản', fa: 'حساب کاربری' } } });
  assert.equal(res.status, 200);
}

const article = (overrides: object = {}) => ({
  key: 'reset-password',
  locale: 'vi',
  title: 'Đặt lại mật khẩu',
  summary: 'Lấy lại quyền truy cập tài khoản.',
  category: 'accounts',
  sampleQuestions: ['quên mật khẩu'],
  body: '## Các bước\n\n1. Bấm **Quên mật khẩu**.\n2. Mở email.',
  ...overrides,
});

describe('knowledge base', () => {
  it('an admin writes articles; the body is rendered safely and every save keeps a revision', async () => {
    const ws = await createWorkspace(app);
    await withCategory(ws);
    const created = await call(app, 'POST', '/api/v1/kb/articles', { token: ws.tokens.admin, body: article({ body: 'Hi <script>alert(1)</script> [x](javascript:alert(1))' }) });
    assert.equal(created.status, 201);
    assert.doesNotMatch(created.body.bodyHtml, /<script|href="javascript:/);
    assert.match(created.body.bodyHtml, /&lt;script&gt;/);
    const updated = await call(app, 'PATCH', `/api/v1/kb/articles/${created.body.id}`, { token: ws.tokens.admin, body: { title: 'Cách đặt lại mật khẩu' } });
    assert.equal(updated.body.title, 'Cách đặt lại mật khẩu');
    const revisions = await call(app, 'GET', `/api/v1/kb/articles/${created.body.id}/revisions`, { token: ws.tokens.agent });
    assert.deepEqual(revisions.body.items.map((r: { title: string }) => r.title), ['Cách đặt lại mật khẩu', 'Đặt lại mật khẩu']);
    assert.equal(revisions.body.items[0].authorId, ws.agentIds.admin);
  });

  it('bad articles are refused and change nothing', async () => {
    const ws = await createWorkspace(app);
    await withCategory(ws);
    const cases: Array<[object, number, string]> = [
      [article({ category: 'nope' }), 400, 'article.unknown_category'],
      [article({ locale: 'de' }), 400, 'request.invalid'],
      [article({ key: 'Not A Key' }), 400, 'request.invalid'],
      [article({ title: '' }), 400, 'request.invalid'],
    ];
    for (const [body, status, code] of cases) {
      const res = await call(app, 'POST', '/api/v1/kb/articles', { token: ws.tokens.admin, body });
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(res.body.code, code);
    }
    assert.equal((await call(app, 'POST', '/api/v1/kb/articles', { token: ws.tokens.agent, body: article() })).status, 403, 'agents read, admins write');
    assert.equal((await call(app, 'POST', '/api/v1/kb/articles', { token: ws.tokens.admin, body: article() })).status, 201);
    const again = await call(app, 'POST', '/api/v1/kb/articles', { token: ws.tokens.admin, body: article() });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'article.key_taken');
    const list = await call(app, 'GET', '/api/v1/kb/articles', { token: ws.tokens.agent });
    assert.equal(list.body.items.length, 1);
  });

  it('search finds published articles in their language, without diacritics too, and logs what was clicked', async () => {
    const ws = await createWorkspace(app);
    await withCategory(ws);
    const published = (await call(app, 'POST', '/api/v1/kb/articles', { token: ws.tokens.admin, body: article() })).body;
    await call(app, 'POST', '/api/v1/kb/articles', { token: ws.tokens.admin, body: article({ key: 'draft-one', title: 'Mật khẩu nháp', status: 'draft' }) });
    const found = await call(app, 'GET', '/api/v1/kb/search?q=quen%20mat%20khau&locale=vi', { token: ws.tokens.agent });
    assert.equal(found.status, 200);
    assert.deepEqual(found.body.items.map((i: { key: string }) => i.key), ['reset-password'], 'drafts are not searchable');
    assert.equal(found.body.items[0].url, `/help/${ws.slug}/vi/articles/reset-password`);
    assert.equal((await call(app, 'GET', '/api/v1/kb/search?q=mat%20khau&locale=en', { token: ws.tokens.agent })).body.items.length, 0);

    // A visitor searches from the widget and opens the result.
    const visitor = (await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {} })).body;
    assert.equal((await call(app, 'GET', `/api/v1/widget/${ws.id}/config`)).body.helpSearch, true);
    const hits = await call(app, 'GET', `/api/v1/widget/${ws.id}/help/search?q=m%E1%BA%ADt%20kh&locale=vi`, { token: visitor.token });
    assert.equal(hits.body.items[0].articleId, published.id, 'search as you type');
    const click = await call(app, 'POST', `/api/v1/widget/${ws.id}/help/searches/${hits.body.searchId}/clicks`, { token: visitor.token, body: { articleId: published.id } });
    assert.equal(click.status, 202);
    const foreign = await call(app, 'POST', `/api/v1/widget/${ws.id}/help/searches/${hits.body.searchId}/clicks`, { token: visitor.token, body: { articleId: ws.id } });
    assert.equal(foreign.body.code, 'kb_search.not_found', 'only a result of that search can be clicked');
  });

  it('an edit is searchable at once, and unpublishing removes it', async () => {
    const ws = await createWorkspace(app);
    await withCategory(ws);
    const search = async (q: string) => (await call(app, 'GET', `/api/v1/kb/search?q=${encodeURIComponent(q)}&locale=vi`, { token: ws.tokens.agent })).body.items.length;
    const created = (await call(app, 'POST', '/api/v1/kb/articles', { token: ws.tokens.admin, body: article() })).body;
    assert.equal(await search('mật khẩu'), 1);
    await call(app, 'PATCH', `/api/v1/kb/articles/${created.id}`, { token: ws.tokens.admin, body: { title: 'Thẻ quà tặng', sampleQuestions: [], body: 'Thẻ quà tặng.', summary: '' } });
    await waitFor(async () => (await search('mật khẩu')) === 0 && (await search('thẻ quà tặng')) === 1);
    await call(app, 'PATCH', `/api/v1/kb/articles/${created.id}`, { token: ws.tokens.admin, body: { status: 'archived' } });
    await waitFor(async () => (await search('thẻ quà tặng')) === 0);
  });

  it("one workspace never sees or finds another's articles", async () => {
    const [a, b] = [await createWorkspace(app), await createWorkspace(app)];
    await withCategory(a);
    const created = (await call(app, 'POST', '/api/v1/kb/articles', { token: a.tokens.admin, body: article() })).body;
    assert.equal((await call(app, 'GET', `/api/v1/kb/articles/${created.id}`, { token: b.tokens.agent })).status, 404);
    assert.equal((await call(app, 'GET', '/api/v1/kb/search?q=mat%20khau&locale=vi', { token: b.tokens.agent })).body.items.length, 0);
  });
});

/** The index is refreshed from the event bus after commit: poll briefly. */
async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail('condition not met within 2.5 s');
}
