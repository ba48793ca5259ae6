import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ParseResult, WebhookContent } from './messaging-provider.ts';
import { twilioInboundForm, twilioStatusForm, whatsAppInboundPayload, whatsAppStatusPayload } from './simulated-payloads.ts';
import { RECEIVED_AT_HEADER, twilioProvider } from './sms/twilio.provider.ts';
import { whatsAppProvider } from './whatsapp/whatsapp.provider.ts';

const form = (params: Record<string, string>) => Buffer.from(new URLSearchParams(params).toString());
const json = (payload: unknown) => Buffer.from(JSON.stringify(payload));

function content(result: ParseResult): WebhookContent {
  assert.equal(result.kind, 'parsed', result.kind === 'malformed' ? result.reason : '');
  return result.kind === 'parsed' ? result.content : { messages: [], statuses: [] };
}

test('a simulated Twilio MMS parses back to what it was built from, with an MM sid', () => {
  const params = twilioInboundForm({ from: '+84901234567', to: '+14155550100', body: 'Đơn hàng của tôi ở đâu?', media: [{ url: 'https://api.twilio.com/m/1', contentType: 'image/png' }] });
  const [message] = content(twilioProvider.parse({ url: 'https://x.test/sms', headers: { [RECEIVED_AT_HEADER]: '2025-01-01T00:00:00Z' }, rawBody: form(params) })).messages;
  assert.match(message?.providerMessageId ?? '', /^MM[0-9a-f]{32}$/);
  assert.match(params.AccountSid ?? '', /^AC[0-9a-f]{32}$/);
  assert.deepEqual([message?.from, message?.to, message?.body, message?.media], ['+84901234567', '+14155550100', 'Đơn hàng của tôi ở đâu?', [{ ref: 'https://api.twilio.com/m/1', contentType: 'image/png' }]]);
});

test('a simulated Twilio failure callback parses to a failed status with its error code', () => {
  const params = twilioStatusForm({ messageSid: 'SM5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d', status: 'failed', to: '+84901234567', from: '+14155550100', errorCode: '30007' });
  const { statuses } = content(twilioProvider.parse({ url: 'https://x.test/sms', headers: {}, rawBody: form(params) }));
  assert.deepEqual(statuses.map(({ providerMessageId, status, error }) => ({ providerMessageId, status, error })), [{ providerMessageId: 'SM5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d', status: 'failed', error: '30007' }]);
});

test('a simulated WhatsApp image parses back with its caption, sender, time and a wamid', () => {
  const timestamp = new Date('2025-06-08T21:00:00Z');
  const payload = whatsAppInboundPayload({ phoneNumberId: '106540352242922', displayPhoneNumber: '+15550783881', from: '+989121234567', name: 'مریم', body: 'سفارش من کجاست؟', timestamp, image: { id: '1037543291543636', mimeType: 'image/jpeg' } });
  const [message] = content(whatsAppProvider.parse({ url: 'https://x.test/wa', headers: {}, rawBody: json(payload) })).messages;
  assert.match(message?.providerMessageId ?? '', /^wamid\.[A-Za-z0-9+/]+=*$/);
  assert.deepEqual(
    [message?.from, message?.to, message?.profileName, message?.body, message?.media, message?.sentAt],
    ['+989121234567', '106540352242922', 'مریم', 'سفارش من کجاست؟', [{ ref: '1037543291543636', contentType: 'image/jpeg' }], timestamp],
  );
});

test('a simulated WhatsApp failed status parses with its error', () => {
  const payload = whatsAppStatusPayload({ phoneNumberId: '106540352242922', displayPhoneNumber: '+15550783881', id: 'wamid.abc', status: 'failed', recipientId: '+84901234567', error: { code: 131026, title: 'Message undeliverable' } });
  const { statuses } = content(whatsAppProvider.parse({ url: 'https://x.test/wa', headers: {}, rawBody: json(payload) }));
  assert.equal(statuses[0]?.error, '131026: Message undeliverable');
});
