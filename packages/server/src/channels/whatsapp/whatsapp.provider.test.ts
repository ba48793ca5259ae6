import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { WebhookRequest } from '../messaging-provider.ts';
import { WhatsAppConfig } from './whatsapp.config.ts';
import { signWhatsAppBody, verifySubscription, whatsAppProvider } from './whatsapp.provider.ts';

const fixtureText = (name: string): string => readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
const fixture = (name: string): Record<string, unknown> => JSON.parse(fixtureText(name));

const config = WhatsAppConfig.parse({
  provider: 'whatsapp-cloud',
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '+15550783881',
  accessToken: 'EAAGm0PX4ZCpsBAKZCZAaccesstoken',
  appSecret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  verifyToken: 'tandem-verify-5f1c',
});

function request(rawBody: Buffer | string, signature?: string): WebhookRequest {
  return { url: 'https://support.example.com/webhooks/whatsapp/ch_02', headers: { 'x-hub-signature-256': signature }, rawBody: Buffer.from(rawBody) };
}

function contentOf(name: string) {
  const result = whatsAppProvider.parse(request(fixtureText(name)));
  assert.equal(result.kind, 'parsed', result.kind === 'malformed' ? result.reason : '');
  return result.kind === 'parsed' ? result.content : { messages: [], statuses: [] };
}

describe('WhatsApp webhook signature', () => {
  const body = fixtureText('text-message');

  test('the header is sha256= and the hex HMAC-SHA256 of the raw body (value checked with openssl)', () => {
    const expected = 'sha256=e8867a416aa2d5a87d7f4eef780346edb622562db443c7b6f4e5f97bed3c4e6a';
    assert.equal(signWhatsAppBody('{"object":"whatsapp_business_account","entry":[]}', config.appSecret), expected);
    assert.equal(signWhatsAppBody(Buffer.from('{"object":"whatsapp_business_account","entry":[]}'), config.appSecret), expected);
  });

  test('accepts a body signed with the app secret', () => {
    assert.equal(whatsAppProvider.verify(request(body, signWhatsAppBody(body, config.appSecret)), config), true);
  });

  test('rejects a request without X-Hub-Signature-256', () => {
    assert.equal(whatsAppProvider.verify(request(body), config), false);
  });

  test('rejects a signature made with another secret', () => {
    assert.equal(whatsAppProvider.verify(request(body, signWhatsAppBody(body, 'another-app-secret')), config), false);
  });

  test('rejects a body changed after signing, even by one character', () => {
    const signature = signWhatsAppBody(body, config.appSecret);
    assert.equal(whatsAppProvider.verify(request(body.replace('another color', 'another colour'), signature), config), false);
  });

  test('rejects a bare hex digest without the sha256= prefix', () => {
    const digest = signWhatsAppBody(body, config.appSecret).slice('sha256='.length);
    assert.equal(whatsAppProvider.verify(request(body, digest), config), false);
  });
});

describe('WhatsApp subscription handshake', () => {
  test('answers the challenge when the mode is subscribe and the token is ours', () => {
    assert.equal(verifySubscription({ 'hub.mode': 'subscribe', 'hub.verify_token': config.verifyToken, 'hub.challenge': '1158201444' }, config), '1158201444');
  });

  test('refuses a wrong token, another mode, or a missing challenge', () => {
    assert.equal(verifySubscription({ 'hub.mode': 'subscribe', 'hub.verify_token': 'guessed-token', 'hub.challenge': '1' }, config), null);
    assert.equal(verifySubscription({ 'hub.mode': 'unsubscribe', 'hub.verify_token': config.verifyToken, 'hub.challenge': '1' }, config), null);
    assert.equal(verifySubscription({ 'hub.mode': 'subscribe', 'hub.verify_token': config.verifyToken }, config), null);
    assert.equal(verifySubscription({ 'hub.mode': 'subscribe', 'hub.challenge': '1' }, config), null);
  });
});

describe('WhatsApp webhook parsing', () => {
  test('a text message becomes a message from +wa_id to our phone-number id, dated by Meta', () => {
    assert.deepEqual(contentOf('text-message'), {
      messages: [{
        providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
        from: '+16505551234',
        to: '106540352242922',
        profileName: 'Sheena Nelson',
        body: 'Does it come in another color?',
        media: [],
        sentAt: new Date(1749416383 * 1000),
      }],
      statuses: [],
    });
  });

  for (const [name, body, profileName] of [['text-vietnamese', 'Đơn hàng của tôi ở đâu?', 'Nguyễn Thị Lan'], ['text-persian', 'سفارش من کجاست؟', 'مریم احمدی']] as const) {
    test(`keeps a non-Latin body and name exactly (${name})`, () => {
      const [message] = contentOf(name).messages;
      assert.equal(message?.body, body);
      assert.equal(message?.profileName, profileName);
    });
  }

  test('an image keeps its caption as the body and its media id as the reference', () => {
    const [message] = contentOf('image-message').messages;
    assert.equal(message?.body, 'The box was damaged');
    assert.deepEqual(message?.media, [{ ref: '1037543291543636', contentType: 'image/jpeg' }]);
  });

  test('a document keeps its file name, with an empty body when it has no caption', () => {
    const [message] = contentOf('document-message').messages;
    assert.equal(message?.body, '');
    assert.deepEqual(message?.media, [{ ref: '1003383421387256', contentType: 'application/pdf', filename: 'invoice-4521.pdf' }]);
  });

  test('a shared location is described in words with its coordinates', () => {
    assert.equal(contentOf('location-message').messages[0]?.body, 'Location: Main Office, 1 Hacker Way, Menlo Park, CA 94025 (37.483307, -122.148981)');
  });

  test('list and button replies become the title the customer tapped', () => {
    assert.equal(contentOf('interactive-list-reply').messages[0]?.body, 'Track my order');
    assert.equal(contentOf('button-message').messages[0]?.body, 'Talk to a person');
  });

  test('reactions and other fields (template reviews) are skipped, not malformed', () => {
    assert.deepEqual(contentOf('reaction-message'), { messages: [], statuses: [] });
    assert.deepEqual(contentOf('template-status-update'), { messages: [], statuses: [] });
  });

  test('a sent status is read despite the extra conversation and pricing fields', () => {
    assert.deepEqual(contentOf('status-sent').statuses, [
      { providerMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA', status: 'sent', at: new Date(1749416700 * 1000) },
    ]);
  });

  test('a failed status carries the code, title and details', () => {
    const [status] = contentOf('status-failed').statuses;
    assert.equal(status?.status, 'failed');
    assert.match(status?.error ?? '', /^131047: Re-engagement message \(Message failed to send because more than 24 hours/);
  });

  const envelope = fixture('text-message');
  const value = (patch: Record<string, unknown>) => JSON.stringify({ ...envelope, entry: [{ id: '1', changes: [{ field: 'messages', value: patch }] }] });
  const textValue = (message: Record<string, unknown>) =>
    value({ messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' }, messages: [message] });
  const malformed: Array<[string, Buffer | string, RegExp]> = [
    ['a body that is not JSON', '{"object":', /not JSON/],
    ['a body that is not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), /not UTF-8/],
    ['another object type', JSON.stringify({ ...envelope, object: 'page' }), /^object: /],
    ['a message without an id', textValue({ from: '16505551234', timestamp: '1749416383', type: 'text', text: { body: 'hi' } }), /entry\.0\.changes\.0\.value\.messages\.0\.id/],
    ['a from that is not a phone number', textValue({ from: 'abc', id: 'wamid.X', timestamp: '1749416383', type: 'text', text: { body: 'hi' } }), /messages\.0\.from/],
    ['a text message without text', textValue({ from: '16505551234', id: 'wamid.X', timestamp: '1749416383', type: 'text' }), /text message without its text/],
    ['a timestamp that is not unix seconds', textValue({ from: '16505551234', id: 'wamid.X', timestamp: 'today', type: 'text', text: { body: 'hi' } }), /timestamp/],
  ];
  for (const [what, rawBody, reason] of malformed) {
    test(`${what} is malformed`, () => {
      const result = whatsAppProvider.parse(request(rawBody));
      assert.equal(result.kind, 'malformed');
      assert.match(result.kind === 'malformed' ? result.reason : '', reason);
    });
  }
});
