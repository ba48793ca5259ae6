import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { FAKE_CREDENTIALS, startFakeProviders, type FakeProviders } from '../../../test/fake-providers.ts';
import { TwilioConfig } from './twilio.config.ts';
import { twilioProvider } from './twilio.provider.ts';

describe('sending through Twilio', () => {
  let fake: FakeProviders;
  let config: TwilioConfig;
  before(async () => {
    fake = await startFakeProviders();
    config = TwilioConfig.parse({
      provider: 'twilio',
      accountSid: FAKE_CREDENTIALS.twilioAccountSid,
      authToken: FAKE_CREDENTIALS.twilioAuthToken,
      phoneNumber: '+14155550100',
      apiBaseUrl: fake.baseUrl,
    });
  });
  after(() => fake.close());

  const text = { kind: 'text', to: '+84901234567', body: 'Đơn hàng của bạn đang được giao.' } as const;

  test('a text goes out as a form POST with Basic auth and comes back with the message sid', async () => {
    const result = await twilioProvider.send(text, config, fetch);
    assert.equal(result.kind, 'sent');
    assert.match(result.kind === 'sent' ? result.providerMessageId : '', /^SM[0-9a-f]{32}$/);
    const request = fake.requests.at(-1);
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, `/2010-04-01/Accounts/${config.accountSid}/Messages.json`);
    assert.equal(request?.headers.authorization, `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`);
    assert.deepEqual(request?.body, { To: '+84901234567', From: '+14155550100', Body: 'Đơn hàng của bạn đang được giao.' });
  });

  test('each media URL is sent as a repeated MediaUrl field', async () => {
    const urls = ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.pdf'];
    await twilioProvider.send({ ...text, mediaUrls: urls }, config, fetch);
    assert.deepEqual((fake.requests.at(-1)?.body as Record<string, unknown>).MediaUrl, urls);
  });

  test('a template is refused without calling Twilio', async () => {
    const before = fake.requests.length;
    const result = await twilioProvider.send({ kind: 'template', to: '+84901234567', template: { name: 'order_update', language: 'vi', parameters: [] } }, config, fetch);
    assert.deepEqual(result, { kind: 'failed', failure: 'rejected', error: 'SMS has no templates' });
    assert.equal(fake.requests.length, before);
  });

  test('a wrong auth token is an auth failure whose text does not contain the token', async () => {
    const wrong = { ...config, authToken: '0000aaaa1111bbbb2222cccc3333dddd' };
    const result = await twilioProvider.send(text, wrong, fetch);
    assert.equal(result.kind === 'failed' && result.failure, 'auth');
    assert.match(result.kind === 'failed' ? result.error : '', /401, 20003: Authenticate/);
    assert.ok(!JSON.stringify(result).includes(wrong.authToken));
  });

  test("Twilio's 400 is a rejection that quotes Twilio's code and message", async () => {
    const recorded = JSON.parse(readFileSync(new URL('./fixtures/send-error-invalid-to.json', import.meta.url), 'utf8'));
    fake.failNext(/Messages\.json$/, 400, recorded);
    const result = await twilioProvider.send(text, config, fetch);
    assert.deepEqual(result, { kind: 'failed', failure: 'rejected', error: "Twilio HTTP 400, 21211: Invalid 'To' Phone Number: +1415555" });
  });

  test('an error body that echoes the auth token is redacted', async () => {
    fake.failNext(/Messages\.json$/, 400, { code: 20001, message: `token ${config.authToken} is not allowed here` });
    const result = await twilioProvider.send(text, config, fetch);
    assert.equal(result.kind === 'failed' ? result.error : '', 'Twilio HTTP 400, 20001: token [redacted] is not allowed here');
  });

  for (const status of [429, 500, 503]) {
    test(`HTTP ${status} is temporary, and the next attempt goes through`, async () => {
      fake.failNext(/Messages\.json$/, status, { code: 20429, message: 'Too Many Requests', status });
      const first = await twilioProvider.send(text, config, fetch);
      assert.equal(first.kind === 'failed' && first.failure, 'temporary');
      const retry = await twilioProvider.send(text, config, fetch);
      assert.equal(retry.kind, 'sent');
    });
  }

  test('a dropped connection is temporary', async () => {
    fake.failNext(/Messages\.json$/, 'disconnect');
    const result = await twilioProvider.send(text, config, fetch);
    assert.equal(result.kind === 'failed' && result.failure, 'temporary');
    assert.match(result.kind === 'failed' ? result.error : '', /^network error/);
  });

  test('an API nobody answers on is temporary', async () => {
    const gone = await startFakeProviders();
    await gone.close();
    const result = await twilioProvider.send(text, { ...config, apiBaseUrl: gone.baseUrl }, fetch);
    assert.equal(result.kind === 'failed' && result.failure, 'temporary');
    assert.match(result.kind === 'failed' ? result.error : '', /ECONNREFUSED/);
  });
});
