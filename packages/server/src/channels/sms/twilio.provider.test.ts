import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { WebhookRequest } from '../messaging-provider.ts';
import { TwilioConfig } from './twilio.config.ts';
import { RECEIVED_AT_HEADER, signTwilioRequest, twilioProvider } from './twilio.provider.ts';

const fixture = (name: string): Record<string, string> => JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

const WEBHOOK_URL = 'https://support.example.com/webhooks/sms/ch_01';
const RECEIVED_AT = '2025-06-08T20:59:43.000Z';
const config = TwilioConfig.parse({
  provider: 'twilio',
  accountSid: 'ACa2f3b4c5d6e7f8091a2b3c4d5e6f7081',
  authToken: '9a8b7c6d5e4f30211f2e3d4c5b6a7988',
  phoneNumber: '+14155550100',
});

function signedRequest(params: Record<string, string>, options: { url?: string; signUrl?: string; rawBody?: Buffer } = {}): WebhookRequest {
  const url = options.url ?? WEBHOOK_URL;
  return {
    url,
    headers: { 'x-twilio-signature': signTwilioRequest(options.signUrl ?? url, params, config.authToken), [RECEIVED_AT_HEADER]: RECEIVED_AT },
    rawBody: options.rawBody ?? Buffer.from(new URLSearchParams(params).toString()),
  };
}

function parseForm(params: Record<string, string>, headers: Record<string, string> = { [RECEIVED_AT_HEADER]: RECEIVED_AT }) {
  return twilioProvider.parse({ url: WEBHOOK_URL, headers, rawBody: Buffer.from(new URLSearchParams(params).toString()) });
}

function parsedContent(params: Record<string, string>) {
  const result = parseForm(params);
  assert.equal(result.kind, 'parsed', result.kind === 'malformed' ? result.reason : '');
  return result.content;
}

describe('Twilio webhook signature', () => {
  test("reproduces the signature of Twilio's documented example", () => {
    const example = JSON.parse(readFileSync(new URL('./fixtures/signature-docs-example.json', import.meta.url), 'utf8'));
    assert.equal(signTwilioRequest(example.url, example.params, example.authToken), example.signature);
    // The same example, as a posted form body through the provider's own decoding and sorting.
    const posted = { url: example.url, headers: { 'x-twilio-signature': example.signature }, rawBody: Buffer.from(new URLSearchParams(example.params).toString()) };
    assert.equal(twilioProvider.verify(posted, { ...config, authToken: example.authToken }), true);
  });

  test('signs parameters in case-sensitive name order, whatever order they were posted in', () => {
    const example = JSON.parse(readFileSync(new URL('./fixtures/signature-docs-example.json', import.meta.url), 'utf8'));
    const reversed: Record<string, string> = Object.fromEntries(Object.entries(example.params as Record<string, string>).reverse());
    assert.equal(signTwilioRequest(example.url, reversed, example.authToken), example.signature);
    // 'Z' (0x5A) sorts before 'a' (0x61) in Twilio's order; a locale-aware sort would put 'a' first.
    const expected = createHmac('sha1', 'token').update('https://x.test/sZ2a1').digest('base64');
    assert.equal(signTwilioRequest('https://x.test/s', { a: '1', Z: '2' }, 'token'), expected);
  });

  test('accepts a request signed with the auth token', () => {
    assert.equal(twilioProvider.verify(signedRequest(fixture('inbound-sms')), config), true);
  });

  test('rejects a request without the X-Twilio-Signature header', () => {
    const request = signedRequest(fixture('inbound-sms'));
    assert.equal(twilioProvider.verify({ ...request, headers: { [RECEIVED_AT_HEADER]: RECEIVED_AT } }, config), false);
  });

  test('rejects a signature made with another auth token', () => {
    const request = signedRequest(fixture('inbound-sms'));
    assert.equal(twilioProvider.verify(request, { ...config, authToken: 'ffffffffffffffffffffffffffffffff' }), false);
  });

  test('rejects a body changed after signing', () => {
    const tampered = Buffer.from(new URLSearchParams({ ...fixture('inbound-sms'), Body: 'Refund me twice' }).toString());
    assert.equal(twilioProvider.verify(signedRequest(fixture('inbound-sms'), { rawBody: tampered }), config), false);
  });

  test('rejects a signature made for another URL', () => {
    const request = signedRequest(fixture('inbound-sms'), { signUrl: 'https://attacker.example.com/webhooks/sms/ch_01' });
    assert.equal(twilioProvider.verify(request, config), false);
  });

  test('accepts a signature Twilio made over the URL with its default port', () => {
    const request = signedRequest(fixture('inbound-sms'), { signUrl: 'https://support.example.com:443/webhooks/sms/ch_01' });
    assert.equal(twilioProvider.verify(request, config), true);
  });

  test('rejects a body that is not UTF-8 even with a matching header', () => {
    const request = signedRequest({ Body: 'x' }, { rawBody: Buffer.from('Body=%FF') });
    assert.equal(twilioProvider.verify(request, config), false);
  });
});

describe('Twilio webhook parsing', () => {
  test('an inbound SMS becomes one message from the customer', () => {
    const content = parsedContent(fixture('inbound-sms'));
    assert.deepEqual(content, {
      messages: [{
        providerMessageId: 'SM1f0e8ae6ade43cb3c0ce4525424e404f',
        from: '+14155552671',
        to: '+14155550100',
        body: 'Hi, where is my order #4521?',
        media: [],
        sentAt: new Date(RECEIVED_AT),
      }],
      statuses: [],
    });
  });

  for (const [name, body] of [['inbound-sms-vietnamese', 'Đơn hàng của tôi ở đâu?'], ['inbound-sms-persian', 'سفارش من کجاست؟']] as const) {
    test(`keeps a non-Latin body exactly (${name})`, () => {
      assert.equal(parsedContent(fixture(name)).messages[0]?.body, body);
    });
  }

  test('an MMS lists every media URL with its content type', () => {
    const [message] = parsedContent(fixture('inbound-mms')).messages;
    assert.deepEqual(message?.media.map((m) => m.contentType), ['image/jpeg', 'application/pdf']);
    assert.match(message?.media[1]?.ref ?? '', /\/Media\/ME9f8e7d6c5b4a39281706f5e4d3c2b1a0$/);
  });

  test('the profile name is kept when Twilio sends one', () => {
    assert.equal(parsedContent({ ...fixture('inbound-sms'), ProfileName: 'Sheena' }).messages[0]?.profileName, 'Sheena');
  });

  test('a delivered callback is a status, not a message', () => {
    assert.deepEqual(parsedContent(fixture('status-delivered')), {
      messages: [],
      statuses: [{ providerMessageId: 'SM5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d', status: 'delivered', at: new Date(RECEIVED_AT) }],
    });
  });

  test('an undelivered callback is a failure carrying the Twilio error code and text', () => {
    const [status] = parsedContent(fixture('status-undelivered')).statuses;
    assert.equal(status?.status, 'failed');
    assert.equal(status?.error, '30003: Unreachable destination handset');
  });

  test('progress states (queued, sending, accepted, scheduled) produce nothing', () => {
    for (const state of ['queued', 'sending', 'accepted', 'scheduled']) {
      assert.deepEqual(parsedContent({ ...fixture('status-sending'), MessageStatus: state }), { messages: [], statuses: [] }, state);
    }
  });

  test('without a received-at stamp the message is dated now', () => {
    const before = Date.now();
    const result = parseForm(fixture('inbound-sms'), {});
    assert.equal(result.kind, 'parsed');
    const sentAt = result.kind === 'parsed' ? result.content.messages[0]?.sentAt.getTime() ?? 0 : 0;
    assert.ok(sentAt >= before && sentAt <= Date.now());
  });

  test('a From with surrounding spaces is trimmed to E.164', () => {
    assert.equal(parsedContent({ ...fixture('inbound-sms'), From: ' +14155552671 ' }).messages[0]?.from, '+14155552671');
  });

  const { MessageSid: _m, SmsMessageSid: _s, ...withoutSid } = fixture('inbound-sms');
  const { From: _f, ...withoutFrom } = fixture('inbound-sms');
  const malformed: Array<[string, Record<string, string>, RegExp]> = [
    ['no MessageSid', withoutSid, /MessageSid is missing/],
    ['no From', withoutFrom, /From is missing/],
    ['a From that is not E.164', { ...fixture('inbound-sms'), From: 'whatsapp:+14155552671' }, /From is not an E\.164/],
    ['more media announced than sent', { ...fixture('inbound-sms'), NumMedia: '1' }, /MediaUrl0 is missing/],
    ['a NumMedia that is not a number', { ...fixture('inbound-sms'), NumMedia: 'lots' }, /NumMedia/],
  ];
  for (const [what, params, reason] of malformed) {
    test(`a webhook with ${what} is malformed`, () => {
      const result = parseForm(params);
      assert.equal(result.kind, 'malformed');
      assert.match(result.kind === 'malformed' ? result.reason : '', reason);
    });
  }

  for (const [what, rawBody] of [['raw bytes', Buffer.from([0x42, 0x6f, 0x64, 0x79, 0x3d, 0xff, 0xfe])], ['percent-encoded bytes', Buffer.from('MessageSid=SM1&From=%2B14155552671&To=%2B1&Body=%C3%28')]] as const) {
    test(`a body that is not UTF-8 (${what}) is malformed`, () => {
      const result = twilioProvider.parse({ url: WEBHOOK_URL, headers: {}, rawBody });
      assert.deepEqual(result, { kind: 'malformed', reason: 'body is not UTF-8 form data' });
    });
  }

  test('an unreadable received-at stamp is malformed rather than silently replaced', () => {
    const result = parseForm(fixture('inbound-sms'), { [RECEIVED_AT_HEADER]: 'yesterday-ish' });
    assert.equal(result.kind, 'malformed');
  });
});
