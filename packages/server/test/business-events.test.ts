// Broadcasts to a segment and business events from the host system: a rule turns `order_delayed` into a message over the
// customer's channel (real SMTP on loopback), in a conversation they can answer; a retried post
// with the same key sends nothing new; the opt-out link stops the next one.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';
import { startMailCatcher } from './mail-catcher.ts';
import { until } from './poll.ts';

const catcher = await startMailCatcher();
after(() => catcher.close());
const app = await startTestApp({ env: { SMTP_URL: catcher.url } });
await app.listen();

const delayed = {
  name: 'Order delayed',
  trigger: { kind: 'business_event', event: 'order_delayed' },
  action: { kind: 'send_message', subject: 'Order {{orderId}} is late', openConversation: true, text: { en: 'Your order {{orderId}} arrives by {{eta}}.', fa: 'سفارش {{orderId}} تا {{eta}} می‌رسد.' } },
};

async function workspaceWithEmail(): Promise<TestWorkspace> {
  const ws = await createWorkspace(app);
  const channel = await call(app, 'POST', '/api/v1/channels', { token: ws.tokens.admin, body: { kind: 'email', name: 'Shop', config: { addresses: [`shop@${ws.slug}.example`], senderName: 'Shop' } } });
  assert.equal(channel.status, 201, JSON.stringify(channel.body));
  assert.equal((await call(app, 'POST', '/api/v1/proactive/rules', { token: ws.tokens.admin, body: delayed })).status, 201);
  return ws;
}

describe('business events', () => {
  it('message the customer over their channel, in a conversation they can answer, once per idempotency key', async () => {
    const ws = await workspaceWithEmail();
    const to = `minh@${ws.slug}.example`;
    const event = { name: 'order_delayed', customer: { externalId: 'acct-42', email: to }, data: { orderId: 'A-1042', eta: 'Friday' }, idempotencyKey: 'delay-A-1042' };
    const posted = await call(app, 'POST', '/api/v1/events', { token: ws.tokens.admin, body: event });
    assert.equal(posted.status, 200, JSON.stringify(posted.body));
    assert.equal(posted.body.duplicate, false);
    assert.deepEqual(posted.body.sent.map((s: { channel: string }) => s.channel), ['email']);
    const mail = await catcher.waitFor(to, 10_000);
    assert.equal(mail.subject.includes('Order A-1042 is late'), true, mail.subject);
    assert.match(mail.text, /Your order A-1042 arrives by Friday\./);
    assert.match(mail.text, /\/unsubscribe\//);

    const replay = await call(app, 'POST', '/api/v1/events', { token: ws.tokens.admin, body: event });
    assert.deepEqual([replay.body.duplicate, replay.body.sent], [true, posted.body.sent]);
    const conversation = await call(app, 'GET', `/api/v1/conversations/${posted.body.sent[0].conversationId}`, { token: ws.tokens.agent });
    assert.equal(conversation.body.status, 'pending', 'pre-opened, waiting on the customer');
    const messages = await call(app, 'GET', `/api/v1/conversations/${posted.body.sent[0].conversationId}/messages`, { token: ws.tokens.agent });
    assert.equal(messages.body.items.length, 1, 'the replay stored nothing');

    // The customer follows the link and stops the notices: the next event is skipped, with the reason.
    const link = /(http:\/\/[^\s]+\/unsubscribe\/[^\s]+)/.exec(mail.text)![1]!;
    const page = await fetch(link, { headers: { 'accept-language': 'fa' } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /dir="rtl"/);
    assert.equal((await fetch(link, { method: 'POST' })).status, 200);
    const next = await call(app, 'POST', '/api/v1/events', { token: ws.tokens.admin, body: { ...event, idempotencyKey: 'delay-A-1043' } });
    assert.deepEqual([next.body.sent, next.body.skipped.map((s: { reason: string }) => s.reason)], [[], ['opted_out']]);
    const forged = await fetch(link.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')));
    assert.equal(forged.status, 404, 'a tampered link unsubscribes nobody');
  });

  it('a broadcast reaches a segment, skipping who opted out', async () => {
    const ws = await workspaceWithEmail();
    const segment = await call(app, 'PUT', '/api/v1/segments/gold', { token: ws.tokens.admin, body: { name: { en: 'Gold', vi: 'Vàng' }, rule: { field: 'attributes.tier', op: 'equals', value: 'gold' } } });
    assert.equal(segment.status, 200, JSON.stringify(segment.body));
    const people = [['lan', 'gold'], ['minh', 'Gold'], ['reza', 'gold'], ['sam', 'silver']] as const;
    const ids = {} as Record<(typeof people)[number][0], string>;
    for (const [name, tier] of people) {
      const created = await call(app, 'POST', '/api/v1/customers', { token: ws.tokens.admin, body: { name, attributes: { tier }, identities: [{ kind: 'email', value: `${name}@${ws.slug}.example` }] } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      ids[name] = created.body.id;
    }
    await call(app, 'PATCH', `/api/v1/customers/${ids.reza}/contact-preferences`, { token: ws.tokens.agent, body: { noticesOptedOut: true } });
    const created = await call(app, 'POST', '/api/v1/broadcasts', { token: ws.tokens.admin, body: {
      name: 'Gold tasting', audience: { kind: 'segment', segment: 'gold' }, channels: ['email'],
      message: { text: { en: 'A tasting for our gold members.', vi: 'Buổi thử trà cho thành viên vàng.' }, subject: 'Tasting' },
    } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const done = await until(async () => {
      const p = (await call(app, 'GET', `/api/v1/broadcasts/${created.body.id}`, { token: ws.tokens.admin })).body as { status: string; counts: Record<string, number> };
      return p.status === 'done' && !p.counts.queued ? p : null;
    }, 10_000);
    assert.deepEqual(done.counts, { sent: 2, skipped: 1 });
    const recipients = (await call(app, 'GET', `/api/v1/broadcasts/${created.body.id}/recipients`, { token: ws.tokens.admin })).body.items as Array<{ customerId: string; status: string; reason: string | null; channel: string | null }>;
    const byId = new Map(recipients.map((r) => [r.customerId, r]));
    assert.deepEqual([...byId.keys()].sort(), [ids.lan, ids.minh, ids.reza].sort(), 'the segment, in any case of "gold", and nobody else');
    assert.deepEqual([byId.get(ids.reza)!.status, byId.get(ids.reza)!.reason], ['skipped', 'opted_out']);
    assert.deepEqual([byId.get(ids.lan)!.status, byId.get(ids.lan)!.channel], ['sent', 'email']);
    for (const name of ['lan', 'minh']) assert.match((await catcher.waitFor(`${name}@${ws.slug}.example`, 10_000)).text, /A tasting for our gold members\./);
    assert.equal(catcher.mails.some((m) => m.to.includes(`reza@${ws.slug}.example`)), false);
    assert.equal((await call(app, 'POST', `/api/v1/broadcasts/${created.body.id}/cancel`, { token: ws.tokens.admin })).status, 409, 'a finished broadcast cannot be cancelled');
  });

  it('refuse bad input with a clear error and change nothing', async () => {
    const ws = await workspaceWithEmail();
    const noCustomer = await call(app, 'POST', '/api/v1/events', { token: ws.tokens.admin, body: { name: 'order_delayed', customer: {}, data: {} } });
    assert.equal(noCustomer.status, 400);
    const badName = await call(app, 'POST', '/api/v1/events', { token: ws.tokens.admin, body: { name: 'order delayed!', customer: { externalId: 'x' } } });
    assert.equal(badName.status, 400);
    assert.equal((await call(app, 'POST', '/api/v1/events', { token: ws.tokens.agent, body: { name: 'order_delayed', customer: { externalId: 'x' } } })).status, 403);
    const unmatched = await call(app, 'POST', '/api/v1/events', { token: ws.tokens.admin, body: { name: 'payment_failed', customer: { phone: '+84901234567' } } });
    assert.deepEqual([unmatched.status, unmatched.body.sent, unmatched.body.skipped], [200, [], []]);
    assert.deepEqual((await call(app, 'GET', '/api/v1/conversations', { token: ws.tokens.admin })).body.items, []);
  });
});
