import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { FAKE_CREDENTIALS, startFakeProviders, type FakeProviders } from '../../../test/fake-providers.ts';
import type { OutboundMessage } from '../messaging-provider.ts';
import { WhatsAppConfig } from './whatsapp.config.ts';
import { whatsAppProvider } from './whatsapp.provider.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

describe('sending through the WhatsApp Cloud API', () => {
  let fake: FakeProviders;
  let config: WhatsAppConfig;
  before(async () => {
    fake = await startFakeProviders();
    config = WhatsAppConfig.parse({
      provider: 'whatsapp-cloud',
      phoneNumberId: '106540352242922',
      displayPhoneNumber: '+15550783881',
      accessToken: FAKE_CREDENTIALS.whatsAppAccessToken,
      appSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      verifyToken: 'tandem-verify-5f1c',
      apiBaseUrl: fake.baseUrl,
      templates: [{ name: 'order_update', language: 'vi', body: 'Chào {{1}}, đơn hàng {{2}} đang được giao.' }],
    });
  });
  after(() => fake.close());

  const text: OutboundMessage = { kind: 'text', to: '+989121234567', body: 'سفارش شما در راه است.' };
  const template: OutboundMessage = { kind: 'template', to: '+84901234567', template: { name: 'order_update', language: 'vi', parameters: ['Lan', '#4521'] } };

  test('a text is POSTed to /{phone-number-id}/messages with the bearer, and its wamid comes back', async () => {
    const result = await whatsAppProvider.send(text, config, fetch);
    assert.equal(result.kind, 'sent');
    assert.match(result.kind === 'sent' ? result.providerMessageId : '', /^wamid\./);
    const request = fake.requests.at(-1);
    assert.equal(request?.path, '/106540352242922/messages');
    assert.equal(request?.headers.authorization, `Bearer ${config.accessToken}`);
    assert.deepEqual(request?.body, { messaging_product: 'whatsapp', recipient_type: 'individual', to: '989121234567', type: 'text', text: { preview_url: false, body: 'سفارش شما در راه است.' } });
  });

  test('a template carries its name, language and body parameters', async () => {
    const result = await whatsAppProvider.send(template, config, fetch);
    assert.equal(result.kind, 'sent');
    assert.deepEqual(fake.requests.at(-1)?.body, {
      messaging_product: 'whatsapp',
      to: '84901234567',
      type: 'template',
      template: { name: 'order_update', language: { code: 'vi' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Lan' }, { type: 'text', text: '#4521' }] }] },
    });
  });

  test('a template without parameters sends no components', async () => {
    await whatsAppProvider.send({ kind: 'template', to: '+84901234567', template: { name: 'hello_world', language: 'en_US', parameters: [] } }, config, fetch);
    assert.deepEqual((fake.requests.at(-1)?.body as { template: unknown }).template, { name: 'hello_world', language: { code: 'en_US' }, components: [] });
  });

  test('a known template with the wrong number of parameters is refused without calling Meta', async () => {
    const before = fake.requests.length;
    const result = await whatsAppProvider.send({ ...template, template: { ...template.template, parameters: ['Lan'] } } as OutboundMessage, config, fetch);
    assert.deepEqual(result, { kind: 'failed', failure: 'rejected', error: 'template order_update (vi) takes 2 parameters, got 1' });
    assert.equal(fake.requests.length, before);
  });

  test('a recipient that is not E.164 is refused without calling Meta', async () => {
    const result = await whatsAppProvider.send({ ...text, to: '0901234567' } as OutboundMessage, config, fetch);
    assert.equal(result.kind === 'failed' && result.failure, 'rejected');
  });

  test('a wrong access token is an auth failure whose text does not contain either token', async () => {
    const wrong = { ...config, accessToken: 'EAAGwrongtoken0000000' };
    const result = await whatsAppProvider.send(text, wrong, fetch);
    assert.equal(result.kind === 'failed' && result.failure, 'auth');
    assert.match(result.kind === 'failed' ? result.error : '', /HTTP 401, code 190/);
    assert.ok(!JSON.stringify(result).includes(wrong.accessToken) && !JSON.stringify(result).includes(config.accessToken));
  });

  const recorded: Array<[string, string, number, 'auth' | 'temporary' | 'rejected', RegExp]> = [
    ['an expired token (190 on HTTP 400)', 'send-error-token-expired', 400, 'auth', /code 190\/463: Error validating access token/],
    ['the throughput limit (130429)', 'send-error-throughput', 400, 'temporary', /code 130429: \(#130429\) Rate limit hit — Cloud API message throughput/],
    ['the 24-hour window closing (131047)', 'send-error-reengagement', 400, 'rejected', /code 131047: .*more than 24 hours.*fbtrace_id AvVvNBh4BVNxRCnpT7Nkc9D/],
  ];
  for (const [what, name, status, failure, error] of recorded) {
    test(`${what} is classified ${failure}`, async () => {
      fake.failNext(/\/messages$/, status, fixture(name));
      const result = await whatsAppProvider.send(text, config, fetch);
      assert.equal(result.kind === 'failed' && result.failure, failure);
      assert.match(result.kind === 'failed' ? result.error : '', error);
    });
  }

  for (const [status, code] of [[429, 4], [400, 80007], [400, 131048], [400, 131056], [500, 131000], [503, undefined]] as const) {
    test(`HTTP ${status} with code ${code ?? 'none'} is temporary, and the next attempt goes through`, async () => {
      fake.failNext(/\/messages$/, status, code === undefined ? 'Service Unavailable' : { error: { message: 'limited', type: 'OAuthException', code } });
      const first = await whatsAppProvider.send(text, config, fetch);
      assert.equal(first.kind === 'failed' && first.failure, 'temporary');
      assert.equal((await whatsAppProvider.send(text, config, fetch)).kind, 'sent');
    });
  }

  test('an invalid parameter (100) is rejected', async () => {
    fake.failNext(/\/messages$/, 400, { error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100 } });
    const result = await whatsAppProvider.send(text, config, fetch);
    assert.equal(result.kind === 'failed' && result.failure, 'rejected');
  });

  test('a dropped connection is temporary', async () => {
    fake.failNext(/\/messages$/, 'disconnect');
    const result = await whatsAppProvider.send(text, config, fetch);
    assert.equal(result.kind === 'failed' && result.failure, 'temporary');
  });

  test('attachments are refused rather than silently dropped', async () => {
    const result = await whatsAppProvider.send({ ...text, mediaUrls: ['https://cdn.example.com/a.jpg'] } as OutboundMessage, config, fetch);
    assert.equal(result.kind === 'failed' && result.failure, 'rejected');
  });
});
