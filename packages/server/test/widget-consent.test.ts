// The visitor's own privacy choices from the widget (privacy view, Tandem.setConsent): read and
// changed for the session's customer only, recorded on the journey, and obeyed at once by page
// tracking and proactive messages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { call, createWorkspace, startTestApp, type TestWorkspace } from './harness.ts';

const app = await startTestApp();

type Journey = Array<{ type: string; data: Record<string, unknown> }>;

async function visitor(ws: TestWorkspace, consent: Record<string, boolean> = { behaviour: true }) {
  const session = await call(app, 'POST', `/api/v1/widget/${ws.id}/sessions`, { body: { consent } });
  assert.equal(session.status, 201, JSON.stringify(session.body));
  const token = session.body.token as string;
  const customerId = session.body.customerId as string;
  return {
    token,
    customerId,
    consent: () => call(app, 'GET', `/api/v1/widget/${ws.id}/consent`, { token }),
    choose: (body: unknown) => call(app, 'PUT', `/api/v1/widget/${ws.id}/consent`, { token, body }),
    pageView: async () => (await call(app, 'POST', `/api/v1/widget/${ws.id}/events`, { token, body: { name: 'page.viewed', url: 'https://shop.example/pricing' } })).body.recorded as boolean,
    journey: async () => (await call(app, 'GET', `/api/v1/customers/${customerId}/timeline`, { token: ws.tokens.agent })).body.items as Journey,
    claim: async (ruleId: string, sessionId: string) =>
      (await call(app, 'POST', `/api/v1/widget/${ws.id}/proactive/exposures`, { token, body: { ruleId, sessionId, url: 'https://shop.example/pricing' } })).body as { outcome: string; reason: string | null },
  };
}

const consentOf = async (ws: TestWorkspace, customerId: string) => (await call(app, 'GET', `/api/v1/customers/${customerId}`, { token: ws.tokens.agent })).body.consent;

describe('consent from the widget', () => {
  it('the visitor reads and changes their own choices; purposes left out keep their value', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    const read = await v.consent();
    assert.deepEqual([read.status, read.body], [200, { automation: true, behaviour: true, marketing: false }]);
    const changed = await v.choose({ marketing: true, automation: false });
    assert.deepEqual([changed.status, changed.body], [200, { automation: false, behaviour: true, marketing: true }]);
    assert.deepEqual((await v.consent()).body, { automation: false, behaviour: true, marketing: true });
    assert.deepEqual(await consentOf(ws, v.customerId), { automation: false, behaviour: true, marketing: true }, 'agents see the same choices');
  });

  it('refuses bad input with a 400 and changes nothing', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    for (const body of [{}, { tracking: true }, { behaviour: 'no' }, { behaviour: false, extra: 1 }, { marketing: null }, [true]]) {
      const refused = await v.choose(body);
      assert.equal(refused.status, 400, JSON.stringify(body));
      assert.equal(refused.body.code, 'request.invalid', JSON.stringify(body));
    }
    assert.equal((await call(app, 'PUT', `/api/v1/widget/${ws.id}/consent`, { token: v.token })).status, 400, 'no body at all');
    assert.deepEqual((await v.consent()).body, { automation: true, behaviour: true, marketing: false });
    assert.deepEqual((await v.journey()).filter((e) => e.type === 'consent.changed'), []);
  });

  it("a visitor's token changes only their own customer, and only in its own workspace", async () => {
    const ws = await createWorkspace(app);
    const mine = await visitor(ws);
    const theirs = await visitor(ws);
    assert.equal((await mine.choose({ behaviour: false, marketing: true })).status, 200);
    assert.deepEqual(await consentOf(ws, theirs.customerId), { automation: true, behaviour: true, marketing: false });
    assert.deepEqual((await theirs.consent()).body, { automation: true, behaviour: true, marketing: false });
    assert.deepEqual((await theirs.journey()).filter((e) => e.type === 'consent.changed'), []);

    const other = await createWorkspace(app);
    const crossRead = await call(app, 'GET', `/api/v1/widget/${other.id}/consent`, { token: mine.token });
    const crossWrite = await call(app, 'PUT', `/api/v1/widget/${other.id}/consent`, { token: mine.token, body: { behaviour: true } });
    assert.deepEqual([crossRead.status, crossWrite.status], [403, 403]);
    assert.equal((await call(app, 'PUT', `/api/v1/widget/${ws.id}/consent`, { body: { behaviour: true } })).status, 401);
    assert.equal((await call(app, 'PUT', `/api/v1/widget/${ws.id}/consent`, { token: ws.tokens.owner, body: { behaviour: true } })).status, 403, 'agents use the customer API');
    assert.equal((await mine.consent()).body.behaviour, false);
  });

  it('records each real change on the journey with the new values, and repeats of the same choice not at all', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    await v.choose({ behaviour: false, marketing: true });
    // A cookie banner sends its decision on every page: the journey must not fill with it.
    await v.choose({ behaviour: false, marketing: true });
    await v.choose({ marketing: true, automation: true });
    await v.choose({ automation: false });
    const entries = (await v.journey()).filter((e) => e.type === 'consent.changed').map((e) => e.data);
    assert.deepEqual(entries.reverse(), [
      { automation: true, behaviour: false, marketing: true, changed: ['behaviour', 'marketing'] },
      { automation: false, behaviour: false, marketing: true, changed: ['automation'] },
    ]);
  });

  it('withdrawing behaviour consent stops page views being kept', async () => {
    const ws = await createWorkspace(app);
    const v = await visitor(ws);
    assert.equal(await v.pageView(), true);
    await v.choose({ behaviour: false });
    assert.equal(await v.pageView(), false);
    assert.equal((await v.journey()).filter((e) => e.type === 'page.viewed').length, 1);
  });

  it('an explicit opt-in outranks the browser asking not to be tracked', async () => {
    const ws = await createWorkspace(app);
    // What the widget sends when the browser has Do Not Track or Global Privacy Control on.
    const v = await visitor(ws, { behaviour: false });
    assert.equal(await v.pageView(), false);
    assert.equal((await v.choose({ behaviour: true })).body.behaviour, true);
    assert.equal(await v.pageView(), true);
  });

  it('withdrawing behaviour consent suppresses proactive messages with no_consent while the workspace requires consent', async () => {
    const ws = await createWorkspace(app);
    const rule = await call(app, 'POST', '/api/v1/proactive/rules', {
      token: ws.tokens.admin,
      body: { name: 'Pricing help', trigger: { kind: 'time_on_page', seconds: 20, urlPattern: '/pricing*' }, action: { kind: 'bot_message', text: { en: 'Questions about plans?' } } },
    });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const v = await visitor(ws);
    assert.equal((await v.claim(rule.body.id, 'tab-first-0001')).outcome, 'shown');
    await v.choose({ behaviour: false });
    const withdrawn = await v.claim(rule.body.id, 'tab-second-002');
    assert.deepEqual([withdrawn.outcome, withdrawn.reason], ['suppressed', 'no_consent']);
    const settings = await call(app, 'PUT', '/api/v1/proactive/settings', { token: ws.tokens.admin, body: { perSession: 1, perWeek: 10, requireConsent: false, purchaseUrlPatterns: [] } });
    assert.equal(settings.status, 200, JSON.stringify(settings.body));
    assert.equal((await v.claim(rule.body.id, 'tab-third-0003')).outcome, 'shown');
  });
});
