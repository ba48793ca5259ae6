import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateParameterCount, WhatsAppConfig } from './whatsapp.config.ts';

const valid = {
  provider: 'whatsapp-cloud',
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '+15550783881',
  accessToken: 'EAAGm0PX4ZCpsBAKZCZA',
  appSecret: 'a1b2c3d4e5f6',
  verifyToken: 'tandem-verify',
};

test('templateParameterCount counts distinct numbered placeholders', () => {
  const table: Array<[string, number]> = [
    ['Your order has shipped.', 0],
    ['Hi {{1}}, order {{2}} has shipped.', 2],
    ['{{1}}, {{1}}!', 1],
    ['Chào {{1}}, đơn hàng {{2}} của bạn đã được giao vào {{3}}.', 3],
    ['{{ 1 }} is not a placeholder', 0],
  ];
  for (const [body, count] of table) assert.equal(templateParameterCount(body), count, body);
});

test('the config defaults the Graph API base URL and the template list', () => {
  const config = WhatsAppConfig.parse(valid);
  assert.equal(config.apiBaseUrl, 'https://graph.facebook.com/v21.0');
  assert.deepEqual(config.templates, []);
});

test('templates with gaps in their numbering, bad languages or duplicates are refused', () => {
  const template = { name: 'order_update', language: 'en_US', body: 'Hi {{1}}' };
  assert.equal(WhatsAppConfig.safeParse({ ...valid, templates: [{ ...template, body: 'Hi {{1}}, {{3}}' }] }).success, false);
  assert.equal(WhatsAppConfig.safeParse({ ...valid, templates: [{ ...template, language: 'english' }] }).success, false);
  assert.equal(WhatsAppConfig.safeParse({ ...valid, templates: [template, template] }).success, false);
  assert.equal(WhatsAppConfig.safeParse({ ...valid, templates: [template, { ...template, language: 'fa' }] }).success, true);
});

test('a display number that is not E.164, or a phone-number id that is not digits, is refused', () => {
  assert.equal(WhatsAppConfig.safeParse({ ...valid, displayPhoneNumber: '15550783881' }).success, false);
  assert.equal(WhatsAppConfig.safeParse({ ...valid, phoneNumberId: 'abc123' }).success, false);
});
