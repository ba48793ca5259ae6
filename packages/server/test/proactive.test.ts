// Proactive rules through the API: authoring (with every reference checked), the widget's
// claims decided by caps, consent, do-not-disturb and the moment, each logged with its reason,
// and a rule's effect measured against its control group.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

const app = await startTestApp();

const timeOnPage = {
  name: 'Help on the pricing page',
  trigger: { kind: 'time_on_page', seconds: 20, urlPattern: '/pricing*' },
  action: { kind: 'bot_message', text: { en: 'Questions about plans?', fa: 'سؤالی دربارهٔ طرح‌ها دارید؟' }, quickReplies: [{ en: 'Compare plans', fa: 'مقایسهٔ طرح‌ها' }] },
};

async function rule(ws: TestWorkspace, body: Record<string, unknown>): Promise<string> {
  const created = await call(app, 'POST', '/api/v1/proactive/rules', { token: ws.tokens.admin, body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.id as string;
}

async function visitor(ws: TestWorkspace, options: { behaviour?: boolean; locale?: string } = {}) {
  const session = await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { consent: { behaviour: options.behaviour ?? true }, ...(options.locale ? { locale: options.locale } : {}) } });
  assert.equal(session.status, 201, JSON.stringify(session.body));
  const token = session.body.token as string;
  return {
    customerId: session.body.customerId as string,
    rules: (sessionId: string) => call(app, 'GET', `/api/v1/widget/${ws.id}/proactive?sessionId=${sessionId}`, { token }),
    claim: async (ruleId: string, sessionId: string, extra: Record<string, unknown> = {}) => {
      const claimed = await call(app, 'POST', `/api/v1/widget/${ws.id}/proactive/exposures`, { token, body: { ruleId, sessionId, url: 'https://shop.example/pricing', ...extra } });
      assert.equal(claimed.status, 201, JSON.stringify(claimed.body));
      return claimed.body as { id: string; outcome: string; reason: string | null };
    },
    token,
  };
}

describe('proactive rules', () => {
  it('are authored by admins, with every reference checked and nothing stored on a refusal', async () => {
    const ws = await createWorkspace(app);
    assert.equal((await call(app, 'POST', '/api/v1/proactive/rules', { token: ws.tokens.agent, body: timeOnPage })).status, 403);
    const mismatched = await call(app, 'POST', '/api/v1/proactive/rules', { token: ws.tokens.admin, body: { ...timeOnPage, trigger: { kind: 'business_event', event: 'order_delayed' } } });
    assert.equal(mismatched.status, 400);
    assert.deepEqual(mismatched.body.errors.map((e: { path: string }) => e.path), ['action.kind']);
    const noSegment = await call(app, 'POST', '/api/v1/proactive/rules', { token: ws.tokens.admin, body: { ...timeOnPage, audience: { segments: ['vip'] } } });
    assert.deepEqual([noSegment.status, noSegment.body.errors[0].path], [400, 'audience.segments']);
    const badHoldout = await call(app, 'POST', '/api/v1/proactive/rules', { token: ws.tokens.admin, body: { ...timeOnPage, holdoutPercent: 80 } });
    assert.equal(badHoldout.status, 400);
    assert.deepEqual((await call(app, 'GET', '/api/v1/proactive/rules', { token: ws.tokens.admin })).body.items, []);

    const id = await rule(ws, timeOnPage);
    const patched = await call(app, 'PATCH', `/api/v1/proactive/rules/${id}`, { token: ws.tokens.admin, body: { enabled: false } });
    assert.deepEqual([patched.status, patched.body.enabled, patched.body.trigger.seconds], [200, false, 20]);
    assert.equal((await call(app, 'DELETE', `/api/v1/proactive/rules/${id}`, { token: ws.tokens.admin })).status, 200);
    assert.equal((await call(app, 'GET', `/api/v1/proactive/rules/${id}`, { token: ws.tokens.admin })).status, 404);
  });

  it('gives the widget its rules in the visitor’s language, then holds the caps per session and per week', async () => {
    const ws = await createWorkspace(app);
    const id = await rule(ws, timeOnPage);
    const v = await visitor(ws, { locale: 'fa' });
    const offered = (await v.rules('tab-one-0001')).body;
    assert.equal(offered.rules.length, 1);
    assert.deepEqual([offered.rules[0].action.text, offered.rules[0].action.quickReplies], ['سؤالی دربارهٔ طرح‌ها دارید؟', ['مقایسهٔ طرح‌ها']]);
    assert.equal((await v.claim(id, 'tab-one-0001')).outcome, 'shown');
    assert.deepEqual(await v.claim(id, 'tab-one-0001').then((c) => [c.outcome, c.reason]), ['suppressed', 'session_cap']);
    assert.equal((await v.rules('tab-one-0001')).body.sessionCapReached, true);
    // The visitor clicks it: the agent sees it on their journey.
    const shown = (await call(app, 'GET', `/api/v1/proactive/exposures?ruleId=${id}&outcome=shown`, { token: ws.tokens.admin })).body.items[0];
    assert.equal((await call(app, 'POST', `/api/v1/widget/${ws.id}/proactive/exposures/${shown.id}/engagement`, { token: v.token, body: { engagement: 'clicked' } })).status, 200);
    const journey = (await call(app, 'GET', `/api/v1/customers/${v.customerId}/timeline`, { token: ws.tokens.agent })).body.items as Array<{ type: string; data: Record<string, string> }>;
    assert.deepEqual(journey.filter((e) => e.type === 'proactive.clicked').map((e) => e.data.title), ['سؤالی دربارهٔ طرح‌ها دارید؟']);
    // New sessions (another tab, another day): one each, up to three a week.
    assert.equal((await v.claim(id, 'tab-two-0002')).outcome, 'shown');
    assert.equal((await v.claim(id, 'tab-three-003')).outcome, 'shown');
    assert.deepEqual(await v.claim(id, 'tab-four-0004').then((c) => [c.outcome, c.reason]), ['suppressed', 'weekly_cap']);
    const settings = await call(app, 'PUT', '/api/v1/proactive/settings', { token: ws.tokens.admin, body: { perSession: 1, perWeek: 10, requireConsent: true, purchaseUrlPatterns: ['/checkout*'] } });
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    assert.equal((await v.claim(id, 'tab-four-0004')).outcome, 'shown');
  });

  it('never shows to a visitor who said "do not disturb", gave no consent, is typing or paying — and logs why', async () => {
    const ws = await createWorkspace(app);
    const id = await rule(ws, timeOnPage);
    const v = await visitor(ws);
    assert.deepEqual(await v.claim(id, 'session-typing', { typing: true }).then((c) => c.reason), 'typing');
    assert.deepEqual(await v.claim(id, 'session-paying', { url: 'https://shop.example/checkout/pay' }).then((c) => c.reason), 'purchasing');
    const dnd = await call(app, 'PUT', `/api/v1/widget/${ws.id}/proactive/do-not-disturb`, { token: v.token, body: { on: true } });
    assert.equal(dnd.status, 200);
    const after = (await v.rules('session-after')).body;
    assert.deepEqual([after.doNotDisturb, after.rules], [true, []]);
    assert.equal((await v.claim(id, 'session-after')).reason, 'do_not_disturb');
    const private_ = await visitor(ws, { behaviour: false });
    assert.equal((await private_.rules('private-tab-1')).body.rules.length, 0);
    assert.equal((await private_.claim(id, 'private-tab-1')).reason, 'no_consent');

    const log = (await call(app, 'GET', `/api/v1/proactive/exposures?ruleId=${id}&outcome=suppressed`, { token: ws.tokens.admin })).body.items as Array<{ reason: string }>;
    assert.deepEqual(log.map((e) => e.reason).sort(), ['do_not_disturb', 'no_consent', 'purchasing', 'typing']);
    const other = await createWorkspace(app);
    assert.deepEqual((await call(app, 'GET', '/api/v1/proactive/exposures', { token: other.tokens.admin })).body.items, [], 'another workspace sees nothing');
    assert.equal((await call(app, 'POST', `/api/v1/widget/${other.id}/proactive/exposures`, { token: v.token, body: { ruleId: id, sessionId: 'session-cross' } })).status, 403, 'a visitor token is for its own workspace');
  });

  it('keeps a stable share of visitors as a control group and reports the rule’s effect against it', async () => {
    const ws = await createWorkspace(app);
    const id = await rule(ws, { ...timeOnPage, holdoutPercent: 50 });
    const outcomes: Array<{ v: Awaited<ReturnType<typeof visitor>>; outcome: string }> = [];
    for (let i = 0; i < 16; i++) {
      const v = await visitor(ws);
      outcomes.push({ v, outcome: (await v.claim(id, `visit-${i}-session`)).outcome });
    }
    const shown = outcomes.filter((o) => o.outcome === 'shown');
    const control = outcomes.filter((o) => o.outcome === 'holdout');
    assert.equal(shown.length + control.length, 16);
    assert.ok(shown.length >= 3 && control.length >= 3, `a real split: ${shown.length}/${control.length}`);
    // The same visitor stays on the same side.
    assert.equal((await control[0]!.v.claim(id, 'again-session-1')).outcome, 'holdout');
    // Two exposed visitors buy, one control visitor opens a conversation.
    for (const o of shown.slice(0, 2)) {
      assert.equal((await call(app, 'POST', `/api/v1/widget/${ws.id}/events`, { token: o.v.token, body: { name: 'purchase', props: { total: 42 } } })).status < 300, true);
    }
    await call(app, 'POST', `/api/v1/widget/${ws.id}/messages`, { token: control[1]!.v.token, body: { body: 'Which plan fits me?', idempotencyKey: 'control-question-1' } });
    const report = await call(app, 'GET', `/api/v1/proactive/rules/${id}/report`, { token: ws.tokens.admin });
    assert.equal(report.status, 200, JSON.stringify(report.body));
    assert.deepEqual([report.body.shown, report.body.holdout], [shown.length, control.length + 1]);
    assert.deepEqual(report.body.groups.exposed, { customers: shown.length, conversationsOpened: 0, selfServiceResolved: 0, purchases: 2 });
    assert.deepEqual(report.body.groups.control, { customers: control.length, conversationsOpened: 1, selfServiceResolved: 0, purchases: 0 });
  });
});
