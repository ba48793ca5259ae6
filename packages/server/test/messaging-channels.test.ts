// SMS (Twilio) and WhatsApp (Cloud API) over their real wire formats: signed webhooks into the
// product, replies out to a loopback server speaking the providers' REST APIs.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, createWorkspace, call, type TestWorkspace } from './harness.ts';
import { startFakeProviders, FAKE_CREDENTIALS } from './fake-providers.ts';
import { until } from './poll.ts';
import { signTwilioRequest } from '../src/channels/sms/twilio.provider.ts';
import { signWhatsAppBody } from '../src/channels/whatsapp/whatsapp.provider.ts';
import { twilioInboundForm, twilioStatusForm, whatsAppInboundPayload, whatsAppStatusPayload } from '../src/channels/simulated-payloads.ts';

const PUBLIC_URL = 'https://support.example.com';
let now = new Date('2026-12-06T08:00:00Z');
const providers = await startFakeProviders();
const app = await startTestApp({ env: { PUBLIC_URL }, clock: () => now });
after(() => providers.close());

const APP_SECRET = 'whatsapp-app-secret-1';
const SMS_NUMBER = '+15005550006';
const WA_PHONE_ID = '106540352242922';

async function messagingWorkspace() {
  const ws = await createWorkspace(app);
  const sms = await call(app, 'POST', '/api/v1/channels', { token: ws.tokens.admin, body: { kind: 'sms', name: 'SMS', config: { provider: 'twilio', accountSid: FAKE_CREDENTIALS.twilioAccountSid, authToken: FAKE_CREDENTIALS.twilioAuthToken, phoneNumber: SMS_NUMBER, apiBaseUrl: providers.baseUrl } } });
  const whatsapp = await call(app, 'POST', '/api/v1/channels', { token: ws.tokens.admin, body: { kind: 'whatsapp', name: 'WhatsApp', config: {
    provider: 'whatsapp-cloud', phoneNumberId: WA_PHONE_ID, displayPhoneNumber: '+15550783881', accessToken: FAKE_CREDENTIALS.whatsAppAccessToken,
    appSecret: APP_SECRET, verifyToken: 'verify-me-please', apiBaseUrl: providers.baseUrl,
    templates: [{ name: 'order_update', language: 'fa', body: 'سلام {{1}}، سفارش شما {{2}} است.' }],
  } } });
  assert.equal(sms.status, 201, JSON.stringify(sms.body));
  assert.equal(whatsapp.status, 201, JSON.stringify(whatsapp.body));
  assert.equal(sms.body.config.authToken, '********', 'secrets never come back');
  return { ws, sms: sms.body as { id: string; webhookUrl: string }, whatsapp: whatsapp.body as { id: string; webhookUrl: string } };
}

async function postTwilio(url: string, form: Record<string, string>, signature = signTwilioRequest(url, form, FAKE_CREDENTIALS.twilioAuthToken)) {
  const response = await app.http.inject({ method: 'POST', url: url.slice(PUBLIC_URL.length), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, payload: new URLSearchParams(form).toString() });
  return { status: response.statusCode, body: response.body };
}

async function postWhatsApp(url: string, payload: unknown, secret = APP_SECRET) {
  const raw = JSON.stringify(payload);
  const response = await app.http.inject({ method: 'POST', url: url.slice(PUBLIC_URL.length), headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsAppBody(raw, secret) }, payload: raw });
  return { status: response.statusCode, body: response.json() as Record<string, any> };
}

const conversationsOf = async (ws: TestWorkspace) => (await call(app, 'GET', '/api/v1/conversations?limit=50', { token: ws.tokens.agent })).body.items as Array<Record<string, any>>;
const messagesOf = async (ws: TestWorkspace, id: string) => (await call(app, 'GET', `/api/v1/conversations/${id}/messages?limit=100`, { token: ws.tokens.agent })).body.items as Array<Record<string, any>>;

test('a signed SMS lands once however often Twilio retries it; a bad signature or a malformed body stores nothing', async () => {
  const { ws, sms } = await messagingWorkspace();
  const form = twilioInboundForm({ from: '+84901234567', to: SMS_NUMBER, body: 'Đơn hàng của tôi ở đâu?' });
  assert.equal((await postTwilio(sms.webhookUrl, form)).status, 204);
  assert.equal((await postTwilio(sms.webhookUrl, form)).status, 204);
  assert.equal((await postTwilio(sms.webhookUrl, { ...form, Body: 'changed' }, signTwilioRequest(sms.webhookUrl, form, FAKE_CREDENTIALS.twilioAuthToken))).status, 403);
  const { From: _dropped, ...noSender } = twilioInboundForm({ from: '+84901234567', to: SMS_NUMBER, body: 'x' });
  assert.equal((await postTwilio(sms.webhookUrl, noSender)).status, 400);
  const [conversation] = await conversationsOf(ws);
  const messages = await messagesOf(ws, conversation!.id);
  assert.deepEqual(messages.map((m) => [m.channel, m.body]), [['sms', 'Đơn hàng của tôi ở đâu?']]);
  const customer = await call(app, 'GET', `/api/v1/customers/${conversation!.customerId}`, { token: ws.tokens.agent });
  assert.deepEqual(customer.body.identities.map((i: { kind: string; value: string }) => [i.kind, i.value]), [['phone', '+84901234567']]);
});

test('an SMS reply goes to Twilio and its status callbacks move the message forward, never back', async () => {
  const { ws, sms } = await messagingWorkspace();
  await postTwilio(sms.webhookUrl, twilioInboundForm({ from: '+84907654321', to: SMS_NUMBER, body: 'Shop mở cửa mấy giờ?' }));
  const [conversation] = await conversationsOf(ws);
  const reply = await call(app, 'POST', `/api/v1/conversations/${conversation!.id}/messages`, { token: ws.tokens.agent, body: { body: 'Từ 9 giờ sáng ạ.' } });
  assert.equal(reply.status, 201);
  const sent = await until(async () => (await messagesOf(ws, conversation!.id)).find((m) => m.id === reply.body.id && m.deliveryStatus === 'sent'));
  const request = providers.requests.find((r) => r.path.endsWith('/Messages.json') && (r.body as Record<string, string>).To === '+84907654321');
  assert.equal((request!.body as Record<string, string>).Body, 'Từ 9 giờ sáng ạ.');
  assert.equal(sent.deliveryError, null);
  const sid = (await app.deps.db.query.deliveries.findFirst({ where: (d, { eq }) => eq(d.messageId, reply.body.id) }))!.providerMessageId!;
  assert.equal((await postTwilio(sms.webhookUrl, twilioStatusForm({ messageSid: sid, status: 'delivered', to: '+84907654321', from: SMS_NUMBER }))).status, 204);
  assert.equal((await postTwilio(sms.webhookUrl, twilioStatusForm({ messageSid: sid, status: 'sent', to: '+84907654321', from: SMS_NUMBER }))).status, 204);
  assert.equal((await messagesOf(ws, conversation!.id)).find((m) => m.id === reply.body.id)!.deliveryStatus, 'delivered');
});

test('a reply the provider refuses for a while is retried with backoff, and the wait shows on the message', async () => {
  const { ws, sms } = await messagingWorkspace();
  await postTwilio(sms.webhookUrl, twilioInboundForm({ from: '+84905550000', to: SMS_NUMBER, body: 'Alo?' }));
  const [conversation] = await conversationsOf(ws);
  providers.failNext(/Messages\.json$/, 503, { code: 20503, message: 'Service unavailable' });
  const reply = await call(app, 'POST', `/api/v1/conversations/${conversation!.id}/messages`, { token: ws.tokens.agent, body: { body: 'Dạ shop nghe.' } });
  const waiting = await until(async () => (await messagesOf(ws, conversation!.id)).find((m) => m.id === reply.body.id && m.deliveryError));
  assert.equal(waiting.deliveryStatus, 'stored');
  assert.match(waiting.deliveryError, /retrying/);
  await app.services.deliveries.pass(ws.id);
  assert.equal((await messagesOf(ws, conversation!.id)).find((m) => m.id === reply.body.id)!.deliveryStatus, 'stored', 'not before its time');
  now = new Date(now.getTime() + 31_000);
  await app.services.deliveries.pass(ws.id);
  const sent = (await messagesOf(ws, conversation!.id)).find((m) => m.id === reply.body.id)!;
  assert.deepEqual([sent.deliveryStatus, sent.deliveryError], ['sent', null]);
});

test('WhatsApp: a Persian message with a photo arrives; after 24 hours only an approved template goes out', async () => {
  const { ws, whatsapp } = await messagingWorkspace();
  const handshake = await app.http.inject({ method: 'GET', url: `${whatsapp.webhookUrl.slice(PUBLIC_URL.length)}?hub.mode=subscribe&hub.verify_token=verify-me-please&hub.challenge=1158201444` });
  assert.deepEqual([handshake.statusCode, handshake.body], [200, '1158201444']);
  providers.addMedia('7788990011', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c40000000049454e44ae426082', 'hex'), 'image/png');
  const payload = whatsAppInboundPayload({ phoneNumberId: WA_PHONE_ID, displayPhoneNumber: '+15550783881', from: '989121234567', name: 'سارا', body: 'سفارش من کجاست؟', image: { id: '7788990011', mimeType: 'image/png', caption: 'سفارش من کجاست؟' } });
  assert.equal((await postWhatsApp(whatsapp.webhookUrl, payload, 'wrong-secret')).status, 403);
  assert.deepEqual((await postWhatsApp(whatsapp.webhookUrl, payload)).body, { messages: 1, duplicates: 0, statuses: 0 });
  assert.deepEqual((await postWhatsApp(whatsapp.webhookUrl, payload)).body, { messages: 0, duplicates: 1, statuses: 0 });
  const [conversation] = await conversationsOf(ws);
  const [message] = await messagesOf(ws, conversation!.id);
  assert.equal(message!.body, 'سفارش من کجاست؟');
  assert.equal(message!.content.attachments[0].contentType, 'image/png');

  now = new Date(now.getTime() + 25 * 3_600_000);
  const late = await call(app, 'POST', `/api/v1/conversations/${conversation!.id}/messages`, { token: ws.tokens.agent, body: { body: 'سلام!' } });
  assert.equal(late.body.code, 'conversation.whatsapp_window_closed');
  const wrong = await call(app, 'POST', `/api/v1/conversations/${conversation!.id}/messages`, { token: ws.tokens.agent, body: { body: 'x', content: { template: { name: 'order_update', language: 'fa', parameters: ['سارا'] } } } });
  assert.equal(wrong.body.code, 'conversation.template_invalid');
  const templated = await call(app, 'POST', `/api/v1/conversations/${conversation!.id}/messages`, { token: ws.tokens.agent, body: { body: 'x', content: { template: { name: 'order_update', language: 'fa', parameters: ['سارا', 'ارسال شده'] } } } });
  assert.equal(templated.status, 201, JSON.stringify(templated.body));
  assert.equal(templated.body.body, 'سلام سارا، سفارش شما ارسال شده است.');
  await until(async () => (await messagesOf(ws, conversation!.id)).find((m) => m.id === templated.body.id && m.deliveryStatus === 'sent'));
  const sentRequest = providers.requests.findLast((r) => r.path === `/${WA_PHONE_ID}/messages`)!.body as Record<string, any>;
  assert.deepEqual([sentRequest.type, sentRequest.to, sentRequest.template.name], ['template', '989121234567', 'order_update']);

  const wamid = (await app.deps.db.query.deliveries.findFirst({ where: (d, { eq }) => eq(d.messageId, templated.body.id) }))!.providerMessageId!;
  const read = await postWhatsApp(whatsapp.webhookUrl, whatsAppStatusPayload({ phoneNumberId: WA_PHONE_ID, displayPhoneNumber: '+15550783881', id: wamid, status: 'read', recipientId: '989121234567' }));
  assert.equal(read.body.statuses, 1);
  assert.equal((await messagesOf(ws, conversation!.id)).find((m) => m.id === templated.body.id)!.deliveryStatus, 'read');
});

test('an SMS "STOP" (or "HỦY", "لغو") stops notices; an agent can record it, or undo it, by hand', async () => {
  const { ws, sms } = await messagingWorkspace();
  await postTwilio(sms.webhookUrl, twilioInboundForm({ from: '+84905550001', to: SMS_NUMBER, body: 'Hủy' }));
  await postTwilio(sms.webhookUrl, twilioInboundForm({ from: '+84905550002', to: SMS_NUMBER, body: 'hủy đơn hàng A-1042 giúp tôi' }));
  const conversations = await conversationsOf(ws);
  const preferencesOf = async (phone: string) => {
    const customers = await Promise.all(conversations.map(async (c) => (await call(app, 'GET', `/api/v1/customers/${c.customerId}`, { token: ws.tokens.agent })).body));
    const customerId = customers.find((c) => c.identities.some((i: { value: string }) => i.value === phone))!.id as string;
    return { customerId, prefs: (await call(app, 'GET', `/api/v1/customers/${customerId}/contact-preferences`, { token: ws.tokens.agent })).body };
  };
  const stopped = await preferencesOf('+84905550001');
  assert.deepEqual(stopped.prefs, { doNotDisturb: false, noticesOptedOut: true });
  const asked = await preferencesOf('+84905550002');
  assert.deepEqual(asked.prefs, { doNotDisturb: false, noticesOptedOut: false }, 'a sentence that mentions cancelling is a question, not an opt-out');
  const undone = await call(app, 'PATCH', `/api/v1/customers/${stopped.customerId}/contact-preferences`, { token: ws.tokens.agent, body: { noticesOptedOut: false } });
  assert.deepEqual(undone.body, { doNotDisturb: false, noticesOptedOut: false });
  assert.equal((await call(app, 'PATCH', `/api/v1/customers/${stopped.customerId}/contact-preferences`, { token: ws.tokens.agent, body: { noticesOptedOut: 'yes' } })).status, 400);
});
