// The channels API in memory for the channels screen's tests, with a few stored channels and the
// workspace settings the screen edits.
import type { Channel } from '@tandem/protocol';
import { ProblemError, type HttpClient } from '../../api/http-client.ts';
import { fakeHttp } from '../../test-support/fakes.ts';

export const MASK = '********';
export const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const SETTINGS = { widget: { color: '#0b7285', position: 'right', greeting: {} }, widgetOrigins: [], csat: { enabled: true, delayMinutes: 60 } };

function channel(n: number, fields: Pick<Channel, 'kind' | 'name' | 'config'>): Channel {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const hooked = fields.kind === 'sms' || fields.kind === 'whatsapp';
  return { id, enabled: true, webhookUrl: hooked ? `https://tandem.example/api/v1/channels/w1/${id}/webhook` : null, createdAt: '2026-01-01T00:00:00.000Z', ...fields };
}

export const web = channel(1, { kind: 'web', name: 'Website', config: {} });
export const mail = channel(2, { kind: 'email', name: 'Support mail', config: { addresses: ['help@shop.vn'], senderName: 'Shop', footer: '' } });
export const hotline = channel(3, { kind: 'sms', name: 'Hotline', config: { provider: 'twilio', accountSid: SID, authToken: MASK, phoneNumber: '+84901234567', apiBaseUrl: 'https://api.twilio.com' } });
export const shopWhatsApp = channel(4, {
  kind: 'whatsapp',
  name: 'WhatsApp shop',
  config: {
    provider: 'whatsapp-cloud', phoneNumberId: '1234567890', displayPhoneNumber: '+84901234567', accessToken: MASK, appSecret: MASK, verifyToken: MASK,
    apiBaseUrl: 'https://graph.facebook.com/v21.0', templates: [{ name: 'order_update', language: 'vi', body: 'Đơn {{1}} đã được giao.' }],
  },
});

interface Sent { method: string; path: string; body: unknown }
type ChannelBody = Partial<Pick<Channel, 'kind' | 'name' | 'enabled' | 'config'>>;

/**
 * The channels API in memory; like the server, it refuses an email address another channel
 * receives at, on `config.addresses`. `refuse` stands for the server's other checks.
 */
export function channelsApi(initial: Channel[], refuse: (body: ChannelBody) => ProblemError | null = () => null) {
  const items = [...initial];
  const sent: Sent[] = [];
  let settings: Record<string, unknown> = SETTINGS;
  const reads = fakeHttp({ '/channels': () => ({ items: [...items] }), '/workspace': () => ({ settings }) });
  const addressesOf = (c: Pick<Channel, 'kind' | 'config'>) => (c.kind === 'email' ? (c.config.addresses as string[]) : []);
  const claim = (id: string, next: ChannelBody & Pick<Channel, 'kind'>) => {
    const taken = items.filter((c) => c.id !== id).flatMap(addressesOf);
    if (next.config && addressesOf({ kind: next.kind, config: next.config }).some((a) => taken.includes(a))) {
      throw new ProblemError(409, 'channel.address_taken', 'One of these addresses already belongs to a channel.', [{ path: 'config.addresses', message: 'already in use' }]);
    }
  };
  const http: HttpClient = {
    get: reads.get,
    upload: reads.upload,
    async send<T>(method: string, path: string, body?: unknown) {
      sent.push({ method, path, body });
      const fields = body as ChannelBody;
      const refusal = refuse(fields);
      if (refusal) throw refusal;
      // Like the server, a settings PATCH replaces the top-level keys it names.
      if (method === 'PATCH' && path === '/workspace') {
        settings = { ...settings, ...(body as { settings: Record<string, unknown> }).settings };
        return { settings } as T;
      }
      if (method === 'POST' && path === '/channels') {
        const created = channel(100 + items.length, { kind: fields.kind!, name: fields.name!, config: fields.config ?? {} });
        claim(created.id, created);
        items.push(created);
        return created as T;
      }
      const index = items.findIndex((c) => path === `/channels/${c.id}`);
      if (method !== 'PATCH' || index < 0) throw new ProblemError(404, 'route.not_found', `No route ${method} ${path}.`);
      const current = items[index]!;
      claim(current.id, { ...fields, kind: current.kind });
      items[index] = { ...current, ...fields, config: { ...current.config, ...fields.config } };
      return items[index] as T;
    },
  };
  return { http, items, sent };
}
