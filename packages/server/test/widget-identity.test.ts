import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';
import { startMailCatcher } from './mail-catcher.ts';
import { identityHash } from '../src/features/widget/identify.service.ts';

const smtp = await startMailCatcher();
after(() => smtp.close());
const app = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://tandem.test' } });
const key = () => `k-${randomUUID()}`;

async function visitor(ws: TestWorkspace) {
  const res = await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: {} });
  assert.equal(res.status, 201);
  return res.body as { token: string; customerId: string };
}

async function say(ws: TestWorkspace, token: string, body: string) {
  const res = await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token, body: { body, idempotencyKey: key() } });
  assert.equal(res.status, 201);
  return res.body;
}

async function secretOf(ws: TestWorkspace): Promise<string> {
  const res = await call(app, 'GET', '/api/v1/workspace/identity-secret', { token: ws.tokens.owner });
  assert.equal(res.status, 200);
  return res.body.secret;
}

describe('identify()', () => {
  it('a valid hash links the visitor to the known customer, keeping what they already said', async () => {
    const ws = await createWorkspace(app);
    const secret = await secretOf(ws);
    const first = await visitor(ws);
    const signedIn = await call(app, 'POST', `/api/v1/widget/${ws.id}/identify`, { token: first.token, body: { id: 'user-42', name: 'Sara Ahmadi', hash: identityHash(secret, 'user-42') } });
    assert.equal(signedIn.status, 200);
    assert.equal(signedIn.body.customerId, first.customerId, 'an anonymous visitor becomes the known user');
    assert.equal(signedIn.body.token, first.token, 'the session is unchanged');

    // Another browser: anonymous chat first, then sign-in joins it to user-42.
    const second = await visitor(ws);
    const opened = await say(ws, second.token, 'سلام، سفارشم کجاست؟');
    const joined = await call(app, 'POST', `/api/v1/widget/${ws.id}/identify`, { token: second.token, body: { id: 'user-42', hash: identityHash(secret, 'user-42') } });
    assert.equal(joined.status, 200);
    assert.equal(joined.body.customerId, first.customerId);
    assert.notEqual(joined.body.token, second.token);
    const conversations = await call(app, 'GET', `/api/v1/widget/${ws.id}/conversations`, { token: joined.body.token });
    assert.deepEqual(conversations.body.items.map((c: { id: string }) => c.id), [opened.conversation.id]);
  });

  it('a forged hash is refused and changes nothing', async () => {
    const ws = await createWorkspace(app);
    const secret = await secretOf(ws);
    const v = await visitor(ws);
    const forged = await call(app, 'POST', `/api/v1/widget/${ws.id}/identify`, { token: v.token, body: { id: 'victim', hash: identityHash(`${secret}x`, 'victim') } });
    assert.equal(forged.status, 403);
    assert.equal(forged.body.code, 'widget.identity_forged');
    const unverified = await call(app, 'POST', `/api/v1/widget/${ws.id}/identify`, { token: v.token, body: { id: 'victim' } });
    assert.equal(unverified.status, 403);
    assert.equal(unverified.body.code, 'widget.identity_unverified');
    const customer = await call(app, 'GET', `/api/v1/customers/${v.customerId}`, { token: ws.tokens.agent });
    assert.deepEqual(customer.body.identities.map((i: { kind: string }) => i.kind), ['web']);
  });

  it("one workspace's secret does not sign identities in another", async () => {
    const [mine, theirs] = [await createWorkspace(app), await createWorkspace(app)];
    const v = await visitor(theirs);
    const res = await call(app, 'POST', `/api/v1/widget/${theirs.id}/identify`, { token: v.token, body: { id: 'u1', hash: identityHash(await secretOf(mine), 'u1') } });
    assert.equal(res.body.code, 'widget.identity_forged');
  });

  it('without an id, name and attributes are saved on the visitor', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    const res = await call(app, 'POST', `/api/v1/widget/${ws.id}/identify`, { token: v.token, body: { name: 'Lan', attributes: { plan: 'pro' } } });
    assert.equal(res.status, 200);
    const customer = await call(app, 'GET', `/api/v1/customers/${v.customerId}`, { token: ws.tokens.agent });
    assert.equal(customer.body.name, 'Lan');
    assert.equal(customer.body.attributes.plan, 'pro');
  });
});

describe('magic links', () => {
  it('an emailed link continues the same conversation on another device, once', async () => {
    const ws = await createWorkspace(app);
    const phone = await visitor(ws);
    const opened = await say(ws, phone.token, 'Đơn hàng của tôi bị giao nhầm');
    const asked = await call(app, 'POST', `/api/v1/widget/${ws.id}/magic-links`, { token: phone.token, body: { email: 'Minh@Example.com', locale: 'vi', returnUrl: 'http://tandem.test/demo?lang=vi' } });
    assert.equal(asked.status, 202);
    const mail = await smtp.waitFor('minh@example.com');
    assert.match(mail.subject, /Tiếp tục cuộc trò chuyện/);
    const token = /#tandem-magic=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    assert.ok(token, 'the link carries its token in the fragment');
    assert.match(mail.text, /http:\/\/tandem\.test\/demo\?lang=vi#tandem-magic=/);

    const laptop = await call(app, 'POST', `/api/v1/widget/${ws.id}/magic-links/redeem`, { body: { token } });
    assert.equal(laptop.status, 200);
    assert.equal(laptop.body.customerId, phone.customerId);
    const conversations = await call(app, 'GET', `/api/v1/widget/${ws.id}/conversations`, { token: laptop.body.token });
    assert.deepEqual(conversations.body.items.map((c: { id: string }) => c.id), [opened.conversation.id]);
    const customer = await call(app, 'GET', `/api/v1/customers/${phone.customerId}`, { token: ws.tokens.agent });
    assert.ok(customer.body.identities.some((i: { kind: string; value: string }) => i.kind === 'email' && i.value === 'minh@example.com'));

    const again = await call(app, 'POST', `/api/v1/widget/${ws.id}/magic-links/redeem`, { body: { token } });
    assert.equal(again.status, 400);
    assert.equal(again.body.code, 'widget.magic_link_invalid');
  });

  it('a link for an address someone else already uses joins that customer and signs out the requester', async () => {
    const ws = await createWorkspace(app);
    const known = await call(app, 'POST', '/api/v1/customers', { token: ws.tokens.agent, body: { name: 'Olivia', identities: [{ kind: 'email', value: 'olivia@example.com' }] } });
    const stranger = await visitor(ws);
    await call(app, 'POST', `/api/v1/widget/${ws.id}/magic-links`, { token: stranger.token, body: { email: 'olivia@example.com' } });
    const token = /#tandem-magic=([A-Za-z0-9_-]+)/.exec((await smtp.waitFor('olivia@example.com')).text)![1];
    const redeemed = await call(app, 'POST', `/api/v1/widget/${ws.id}/magic-links/redeem`, { body: { token } });
    assert.equal(redeemed.body.customerId, known.body.id);
    // Whoever asked for a link to someone else's address holds nothing afterwards.
    const stale = await call(app, 'GET', `/api/v1/widget/${ws.id}/conversations`, { token: stranger.token });
    assert.equal(stale.status, 401);
  });

  it('links only lead to the workspace sites', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    const res = await call(app, 'POST', `/api/v1/widget/${ws.id}/magic-links`, { token: v.token, body: { email: 'a@example.com', returnUrl: 'https://evil.example/steal' } });
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].path, 'body.returnUrl');
    assert.equal(smtp.mails.filter((m) => m.to.includes('a@example.com')).length, 0);
  });

  it('an unknown or expired token is refused', async () => {
    const ws = await createWorkspace(app);
    const res = await call(app, 'POST', `/api/v1/widget/${ws.id}/magic-links/redeem`, { body: { token: 'x'.repeat(43) } });
    assert.equal(res.body.code, 'widget.magic_link_invalid');
  });
});
