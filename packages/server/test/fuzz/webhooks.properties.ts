// Property: a provider webhook (Twilio SMS form, WhatsApp Cloud API JSON) with random fields,
// correctly signed so the parser really reads it, is answered 2xx or a 4xx problem, never a
// 5xx (a 5xx makes the provider retry the same payload for hours). Unsigned junk gets a 403.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { call, createWorkspace, type TestApp } from '../harness.ts';
import { FAKE_CREDENTIALS, startFakeProviders } from '../fake-providers.ts';
import { signTwilioRequest } from '../../src/channels/sms/twilio.provider.ts';
import { signWhatsAppBody } from '../../src/channels/whatsapp/whatsapp.provider.ts';
import { twilioInboundForm, twilioStatusForm, whatsAppInboundPayload, whatsAppStatusPayload } from '../../src/channels/simulated-payloads.ts';
import { checkProperty, fuzzTimeout, nastyString } from './fuzz-settings.ts';
import { injectedInto, mutatedFrom } from './json-mutations.ts';

/** The app under test must be started with this PUBLIC_URL: Twilio signs the public URL. */
export const PUBLIC_URL = 'https://support.example.com';
const APP_SECRET = 'whatsapp-app-secret-1';
const SMS_NUMBER = '+15005550006';
const WA_PHONE_ID = '106540352242922';

/** Registers this file's properties against a running test app. */
export async function webhookProperties(app: TestApp): Promise<void> {
  const providers = await startFakeProviders();
  after(() => providers.close());
  providers.addMedia('photo', Buffer.from('89504e470d0a1a0a', 'hex'), 'image/png');
  const ws = await createWorkspace(app);
  const sms = await call(app, 'POST', '/api/v1/channels', { token: ws.tokens.admin, body: { kind: 'sms', name: 'SMS', config: { provider: 'twilio', accountSid: FAKE_CREDENTIALS.twilioAccountSid, authToken: FAKE_CREDENTIALS.twilioAuthToken, phoneNumber: SMS_NUMBER, apiBaseUrl: providers.baseUrl } } });
  const whatsapp = await call(app, 'POST', '/api/v1/channels', { token: ws.tokens.admin, body: { kind: 'whatsapp', name: 'WhatsApp', config: {
    provider: 'whatsapp-cloud', phoneNumberId: WA_PHONE_ID, displayPhoneNumber: '+15550783881', accessToken: FAKE_CREDENTIALS.whatsAppAccessToken,
    appSecret: APP_SECRET, verifyToken: 'verify-me-please', apiBaseUrl: providers.baseUrl,
  } } });
  assert.equal(sms.status, 201, JSON.stringify(sms.body));
  assert.equal(whatsapp.status, 201, JSON.stringify(whatsapp.body));
  const smsPath = (sms.body.webhookUrl as string).slice(PUBLIC_URL.length);
  const waPath = (whatsapp.body.webhookUrl as string).slice(PUBLIC_URL.length);

  function expectHandled(response: { statusCode: number; body: string; headers: Record<string, unknown> }, outcomes: Record<number, number>): void {
    outcomes[response.statusCode] = (outcomes[response.statusCode] ?? 0) + 1;
    assert.ok(response.statusCode < 500, `${response.statusCode} ${response.body}`);
    if (response.statusCode >= 400) assert.equal(typeof JSON.parse(response.body).code, 'string', response.body);
  }

  // Media URLs stay on loopback: a real fetch to the internet has no place in a test.
  const mediaUrl = fc.constantFrom(`${providers.baseUrl}/media/photo`, `${providers.baseUrl}/media/missing`, 'not a url', 'file:///etc/passwd', 'http://127.0.0.1:1/x', '');

  const twilioForm = fc.record({
    base: fc.oneof(
      fc.tuple(fc.constantFrom('+84901234567', '+1', '84901234567', '+8490123456789012', 'whatsapp:+84901234567'), nastyString(80)).map(([from, body]) => twilioInboundForm({ from, to: SMS_NUMBER, body })),
      fc.constantFrom('delivered', 'sent', 'failed', 'undelivered', 'received', 'bogus').map((status) => twilioStatusForm({ messageSid: 'SM0123', status, to: '+84901234567', from: SMS_NUMBER, errorCode: '30003' })),
    ),
    edits: fc.array(fc.tuple(fc.constantFrom('Body', 'From', 'To', 'MessageSid', 'NumMedia', 'MediaUrl0', 'MediaContentType0', 'ProfileName', 'MessageStatus', 'ErrorCode', 'Extra'), fc.option(fc.oneof(nastyString(40), mediaUrl, fc.constantFrom('0', '1', '2', '11', '-1', '1e3')))), { maxLength: 4 }),
  }).map(({ base, edits }) => {
    const form = { ...base };
    for (const [name, value] of edits) {
      if (value === null) delete form[name];
      else form[name] = value;
    }
    return form;
  });

  const whatsAppPayload = fc.oneof(
    fc.tuple(fc.constantFrom('989121234567', '+84901234567', '', 'abc'), nastyString(80)).map(([from, body]) => whatsAppInboundPayload({ phoneNumberId: WA_PHONE_ID, displayPhoneNumber: '+15550783881', from, name: 'سارا', body })),
    fc.constant(whatsAppInboundPayload({ phoneNumberId: WA_PHONE_ID, displayPhoneNumber: '+15550783881', from: '989121234567', name: 'x', body: 'photo', image: { id: '7788990011', mimeType: 'image/png', caption: 'c' } })),
    fc.constantFrom('delivered', 'read', 'failed', 'sent' as const).map((status) => whatsAppStatusPayload({ phoneNumberId: WA_PHONE_ID, displayPhoneNumber: '+15550783881', id: 'wamid.x', recipientId: '84901234567', status, error: { code: 131047, title: 'Re-engagement message' } })),
  ).chain((payload) => fc.oneof({ weight: 3, arbitrary: mutatedFrom(payload) }, { weight: 2, arbitrary: injectedInto(payload) }, { weight: 1, arbitrary: fc.constant(payload) }));

  describe('provider webhooks under random payloads', () => {
    it('a signed Twilio form with random fields is answered 2xx or 4xx, never 5xx', { timeout: fuzzTimeout() }, async (t) => {
      const outcomes: Record<number, number> = {};
      await checkProperty(t, fc.asyncProperty(twilioForm, async (form) => {
        const pairs = Object.entries(form);
        const response = await app.http.inject({
          method: 'POST', url: smsPath, payload: new URLSearchParams(pairs).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(`${PUBLIC_URL}${smsPath}`, form, FAKE_CREDENTIALS.twilioAuthToken) },
        });
        expectHandled(response, outcomes);
      }), 120);
      t.diagnostic(`statuses: ${JSON.stringify(outcomes)}`);
    });

    it('a signed WhatsApp payload with random fields is answered 2xx or 4xx, never 5xx', { timeout: fuzzTimeout() }, async (t) => {
      const outcomes: Record<number, number> = {};
      await checkProperty(t, fc.asyncProperty(whatsAppPayload, async (payload) => {
        const raw = JSON.stringify(payload) ?? '';
        const response = await app.http.inject({ method: 'POST', url: waPath, payload: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsAppBody(raw, APP_SECRET) } });
        expectHandled(response, outcomes);
      }), 120);
      t.diagnostic(`statuses: ${JSON.stringify(outcomes)}`);
    });

    it('signed or not, random bytes on either webhook are refused with a problem', { timeout: fuzzTimeout() }, async (t) => {
      const outcomes: Record<number, number> = {};
      const bytes = fc.oneof(fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)), nastyString(300).map((s) => Buffer.from(s)));
      await checkProperty(t, fc.asyncProperty(bytes, fc.boolean(), fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain'), async (raw, signed, type) => {
        const onSms = type !== 'application/json';
        const signature: Record<string, string> = onSms
          ? { 'x-twilio-signature': signed ? signTwilioRequest(`${PUBLIC_URL}${smsPath}`, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), FAKE_CREDENTIALS.twilioAuthToken) : 'bogus' }
          : { 'x-hub-signature-256': signed ? signWhatsAppBody(raw, APP_SECRET) : 'sha256=00' };
        const response = await app.http.inject({ method: 'POST', url: onSms ? smsPath : waPath, payload: raw, headers: { 'content-type': type, ...signature } });
        expectHandled(response, outcomes);
        if (!signed) assert.equal(response.statusCode, 403);
      }), 100);
      t.diagnostic(`statuses: ${JSON.stringify(outcomes)}`);
    });

    // Found by the properties above: the text reached the database, which refused it; the 500 made
    // Twilio and Meta retry the same payload for hours. A provider cannot resend it cleaner: we store it cleaned.
    it('an SMS or WhatsApp text holding a NUL or half a surrogate pair is stored without them', async () => {
      const form = twilioInboundForm({ from: '+84907777777', to: SMS_NUMBER, body: 'xin\u0000 chào\ud800' });
      const sms = await app.http.inject({ method: 'POST', url: smsPath, payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(`${PUBLIC_URL}${smsPath}`, form, FAKE_CREDENTIALS.twilioAuthToken) } });
      assert.equal(sms.statusCode, 204, sms.body);
      const raw = JSON.stringify(whatsAppInboundPayload({ phoneNumberId: WA_PHONE_ID, displayPhoneNumber: '+15550783881', from: '84908888888', name: 'Lan\u0000', body: 'hello\u0000' }));
      const wa = await app.http.inject({ method: 'POST', url: waPath, payload: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsAppBody(raw, APP_SECRET) } });
      assert.deepEqual(JSON.parse(wa.body), { messages: 1, duplicates: 0, statuses: 0 });
      const stored = await app.deps.db.query.messages.findMany({ where: (m, { eq }) => eq(m.workspaceId, ws.id), columns: { body: true } });
      assert.ok(stored.some((m) => m.body === 'xin chào\uFFFD'));
      assert.ok(stored.some((m) => m.body === 'hello'));
    });
  });
}
