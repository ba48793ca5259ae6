import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp } from './harness.ts';
import { sql } from 'drizzle-orm';
import { seedDemoKnowledgeBase } from '../src/admin/demo-seed.ts';
import { rowsOf } from '../src/adapters/postgres/database.ts';

const app = await startTestApp({ env: { PUBLIC_URL: 'https://support.example.com' } });
const ws = await createWorkspace(app);
await seedDemoKnowledgeBase(app.services, app.deps, ws.id);

const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await app.http.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, body: res.body, headers: res.headers };
};

describe('help center', () => {
  it('sends a visitor to their language, from Accept-Language', async () => {
    const res = await get(`/help/${ws.slug}`, { 'accept-language': 'fa-IR,fa;q=0.9,en;q=0.5' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, `/help/${ws.slug}/fa`);
  });

  it('home lists categories and popular articles in each language; Persian is right to left', async () => {
    for (const [locale, dir, category] of [['en', 'ltr', 'Billing'], ['vi', 'ltr', 'Thanh toán'], ['fa', 'rtl', 'پرداخت']] as const) {
      const res = await get(`/help/${ws.slug}/${locale}`);
      assert.equal(res.status, 200);
      assert.match(res.body, new RegExp(`<html lang="${locale}" dir="${dir}">`));
      assert.match(res.body, new RegExp(category));
      assert.match(String(res.headers['content-security-policy']), /script-src 'self';.*frame-ancestors 'none'/);
      assert.match(res.body, /<link rel="alternate" hreflang="vi" href="https:\/\/support.example.com\/help\//);
    }
  });

  it('an article page has its body, canonical and hreflang links to its translations, and counts the view', async () => {
    const res = await get(`/help/${ws.slug}/vi/articles/reset-password`);
    assert.equal(res.status, 200);
    assert.match(res.body, /<h2>/, 'Markdown rendered');
    assert.match(res.body, new RegExp(`<link rel="canonical" href="https://support.example.com/help/${ws.slug}/vi/articles/reset-password">`));
    for (const l of ['en', 'vi', 'fa']) assert.match(res.body, new RegExp(`hreflang="${l}" href="https://support.example.com/help/${ws.slug}/${l}/articles/reset-password"`));
    const list = await call(app, 'GET', '/api/v1/kb/articles?locale=vi&limit=200', { token: ws.tokens.agent });
    assert.equal(list.body.items.find((a: { key: string }) => a.key === 'reset-password').views, 1);
  });

  it('search works without JavaScript, in Vietnamese without diacritics and Persian with Arabic letters', async () => {
    const vi = await get(`/help/${ws.slug}/vi/search?q=${encodeURIComponent('quen mat khau')}`);
    const link = new RegExp(`href="(/help/${ws.slug}/vi/articles/reset-password\\?search=[0-9a-f-]{36})"`).exec(vi.body);
    assert.ok(link, 'the result links to the article, naming the search');
    assert.equal((await get(link[1]!)).status, 200);
    const searches = await app.deps.db.execute(sql`select clicked_id from kb_searches where workspace_id = ${ws.id} and query = 'quen mat khau'`);
    assert.equal(rowsOf<{ clicked_id: string | null }>(searches)[0]!.clicked_id !== null, true, 'the click is logged');
    const fa = await get(`/help/${ws.slug}/fa/search?q=${encodeURIComponent('رمز عبور را فراموش كردم')}`);
    assert.match(fa.body, new RegExp(`href="/help/${ws.slug}/fa/articles/reset-password\\?search=`));
  });

  it('what a visitor types is escaped on the page', async () => {
    const res = await get(`/help/${ws.slug}/en/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.match(res.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('"Did this answer your question?" is a plain form: the vote is stored and the page thanks, then offers help', async () => {
    const res = await app.http.inject({ method: 'POST', url: `/help/${ws.slug}/en/articles/refund-timeline/feedback`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'helpful=no&comment=Still+waiting' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/help/${ws.slug}/en/articles/refund-timeline?thanks=1`);
    const after = await get(String(res.headers.location));
    assert.match(after.body, /Thank you for your feedback/);
    assert.match(after.body, /Still need help\?/);
    const list = await call(app, 'GET', '/api/v1/kb/articles?locale=en&limit=200', { token: ws.tokens.agent });
    assert.equal(list.body.items.find((a: { key: string }) => a.key === 'refund-timeline').notHelpful, 1);
  });

  it('unknown workspaces, locales and articles are 404 pages, and drafts are not shown', async () => {
    assert.equal((await get('/help/no-such-workspace/en')).status, 404);
    assert.equal((await get(`/help/${ws.slug}/de`)).status, 404);
    assert.equal((await get(`/help/${ws.slug}/en/articles/no-such-article`)).status, 404);
  });

  it('sitemap.xml lists every published article with its translations', async () => {
    const res = await get(`/help/${ws.slug}/sitemap.xml`);
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /xml/);
    assert.ok((res.body.match(/<url>/g) ?? []).length >= 90);
    assert.match(res.body, /hreflang="fa"/);
  });
});
