import { randomBytes } from 'node:crypto';
import type { ChannelInput } from '../features/channels/channel-settings.service.ts';

const secret = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * The demo workspace's channels. The SMS and WhatsApp credentials are made up here (fresh per
 * workspace): `tandem channels simulate` signs with them, and replies show as failed sends,
 * since no real provider knows them.
 */
export function demoChannels(slug: string): Array<Omit<ChannelInput, 'enabled'>> {
  return [
    { kind: 'web', name: 'Website widget' },
    { kind: 'email', name: `support@${slug}.tandem.test`, config: { addresses: [`support@${slug}.tandem.test`], senderName: 'Lotus Tea House', footer: 'Lotus Tea House · Hà Nội · https://lotus.example' } },
    { kind: 'sms', name: 'SMS', config: { provider: 'twilio', accountSid: `AC${secret(16)}`, authToken: secret(16), phoneNumber: '+15005550006' } },
    {
      kind: 'whatsapp',
      name: 'WhatsApp',
      config: {
        provider: 'whatsapp-cloud', phoneNumberId: '106540352242922', displayPhoneNumber: '+15550783881',
        accessToken: `EAAG${secret(24)}`, appSecret: secret(16), verifyToken: secret(12),
        templates: [
          { name: 'order_update', language: 'en_US', body: 'Hello {{1}}, we have an update on your request. Reply to continue the conversation.' },
          { name: 'order_update', language: 'vi', body: 'Chào {{1}}, chúng tôi có cập nhật về yêu cầu của bạn. Hãy trả lời để tiếp tục.' },
          { name: 'order_update', language: 'fa', body: 'سلام {{1}}، دربارهٔ درخواست شما خبر تازه‌ای داریم. برای ادامه پاسخ دهید.' },
        ],
      },
    },
  ];
}
