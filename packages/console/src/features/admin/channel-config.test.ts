import { describe, expect, test } from 'vitest';
import { channelValues, configBody, configPaths, emptyTemplate, type SmsValues, type WhatsAppValues } from './channel-config.ts';

const MASK = '********';
const SID = `AC${'0123456789abcdef'.repeat(2)}`;

const storedWhatsApp = {
  provider: 'whatsapp-cloud',
  phoneNumberId: '1234567890',
  displayPhoneNumber: '+84901234567',
  accessToken: MASK,
  appSecret: MASK,
  verifyToken: MASK,
  apiBaseUrl: 'https://graph.facebook.com/v21.0',
  templates: [{ name: 'order_update', language: 'vi', body: 'Đơn {{1}} đã được giao.' }],
};

describe('channel config → form values', () => {
  test('a stored email config fills the fields, addresses as one comma list', () => {
    const values = channelValues('email', { addresses: ['help@shop.vn', 'sales@shop.vn'], senderName: 'Shop', footer: 'Cảm ơn!\nShop' });
    expect(values).toEqual({ kind: 'email', addresses: 'help@shop.vn, sales@shop.vn', senderName: 'Shop', footer: 'Cảm ơn!\nShop' });
  });

  test('masked secrets start empty: the mask is never sent back as if it were typed', () => {
    const sms = channelValues('sms', { provider: 'twilio', accountSid: SID, authToken: MASK, phoneNumber: '+84901234567', apiBaseUrl: 'https://api.twilio.com' });
    expect(sms).toEqual({ kind: 'sms', accountSid: SID, authToken: '', phoneNumber: '+84901234567', apiBaseUrl: 'https://api.twilio.com' });
    const whatsapp = channelValues('whatsapp', storedWhatsApp) as WhatsAppValues;
    expect([whatsapp.accessToken, whatsapp.appSecret, whatsapp.verifyToken]).toEqual(['', '', '']);
    expect(whatsapp.templates).toEqual([{ key: 0, name: 'order_update', language: 'vi', body: 'Đơn {{1}} đã được giao.' }]);
  });

  test('a new channel starts with every field empty, and malformed stored values are ignored', () => {
    expect(channelValues('email')).toEqual({ kind: 'email', addresses: '', senderName: '', footer: '' });
    expect(channelValues('email', { addresses: 'not-a-list', senderName: 7 })).toEqual({ kind: 'email', addresses: '', senderName: '', footer: '' });
    expect((channelValues('whatsapp', { templates: [null, { name: 'x' }] }) as WhatsAppValues).templates).toEqual([
      { key: 0, name: '', language: '', body: '' },
      { key: 1, name: 'x', language: '', body: '' },
    ]);
  });
});

describe('form values → config body', () => {
  test('email: the comma list (Persian commas too) becomes addresses; the footer keeps its spacing', () => {
    const body = configBody({ kind: 'email', addresses: ' help@shop.vn ،sales@shop.vn,, ', senderName: ' Shop ', footer: 'Thanks!\n  Shop\n' }, false);
    expect(body).toEqual({ addresses: ['help@shop.vn', 'sales@shop.vn'], senderName: 'Shop', footer: 'Thanks!\n  Shop\n' });
  });

  const sms: SmsValues = { kind: 'sms', accountSid: ` ${SID} `, authToken: '', phoneNumber: '+84901234567', apiBaseUrl: '' };

  test('sms on edit: an empty auth token and API address are left out, so the server keeps them', () => {
    expect(configBody(sms, true)).toEqual({ provider: 'twilio', accountSid: SID, phoneNumber: '+84901234567' });
    expect(configBody({ ...sms, authToken: '   ' }, true)).not.toHaveProperty('authToken');
  });

  test('sms: a typed auth token is sent, trimmed, on edit and on create', () => {
    expect(configBody({ ...sms, authToken: ' new-token-0123456789\n' }, true)).toMatchObject({ authToken: 'new-token-0123456789' });
    expect(configBody({ ...sms, authToken: 'new-token-0123456789', apiBaseUrl: 'http://localhost:4010' }, false)).toEqual({
      provider: 'twilio', accountSid: SID, authToken: 'new-token-0123456789', phoneNumber: '+84901234567', apiBaseUrl: 'http://localhost:4010',
    });
  });

  test('sms on create: an empty auth token is still sent, so the server names the missing field', () => {
    expect(configBody(sms, false)).toHaveProperty('authToken', '');
  });

  test('whatsapp: only the secrets typed again are sent, with every template row minus its key', () => {
    const values = channelValues('whatsapp', storedWhatsApp) as WhatsAppValues;
    const edited: WhatsAppValues = {
      ...values,
      appSecret: 'fresh-app-secret',
      templates: [...values.templates, { key: 5, name: ' shipping_delay ', language: 'fa ', body: 'سفارش {{1}} با تأخیر {{2}} روزه می‌رسد. ' }],
    };
    expect(configBody(edited, true)).toEqual({
      provider: 'whatsapp-cloud',
      phoneNumberId: '1234567890',
      displayPhoneNumber: '+84901234567',
      appSecret: 'fresh-app-secret',
      apiBaseUrl: 'https://graph.facebook.com/v21.0',
      templates: [
        { name: 'order_update', language: 'vi', body: 'Đơn {{1}} đã được giao.' },
        { name: 'shipping_delay', language: 'fa', body: 'سفارش {{1}} با تأخیر {{2}} روزه می‌رسد. ' },
      ],
    });
  });

  test('whatsapp: removing every template sends an empty list, which clears them', () => {
    const values = channelValues('whatsapp', storedWhatsApp) as WhatsAppValues;
    expect(configBody({ ...values, templates: [] }, true)).toHaveProperty('templates', []);
  });
});

describe('form helpers', () => {
  test('a new template row gets a key no other row has, even after removals', () => {
    expect(emptyTemplate([]).key).toBe(0);
    expect(emptyTemplate([{ key: 0, name: '', language: '', body: '' }, { key: 3, name: '', language: '', body: '' }])).toEqual({ key: 4, name: '', language: '', body: '' });
  });

  test('the paths the fields claim are the config keys of the kind', () => {
    expect(configPaths(channelValues('email'))).toEqual(['config.addresses', 'config.senderName', 'config.footer']);
    expect(configPaths(channelValues('whatsapp'))).toContain('config.templates');
  });
});
