import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import { signTwilioRequest } from '../../channels/sms/twilio.provider.ts';
import { TwilioConfig } from '../../channels/sms/twilio.config.ts';
import { signWhatsAppBody } from '../../channels/whatsapp/whatsapp.provider.ts';
import { WhatsAppConfig } from '../../channels/whatsapp/whatsapp.config.ts';
import { twilioInboundForm, whatsAppInboundPayload } from '../../channels/simulated-payloads.ts';
import { findChannel } from './channel.store.ts';
import { webhookPath } from './channels.routes.ts';

export interface SimulatedMessage {
  from: string;
  text: string;
  name?: string | undefined;
}

/**
 * Trying SMS and WhatsApp without a provider: builds the provider's own webhook payload, signs it
 * with the channel's secret and posts it over HTTP to this server's webhook, so it takes exactly
 * the path a real provider's request takes. It gives admins no power they lack: agents may already
 * post inbound messages for any identity (POST /inbound-messages).
 */
export function createChannelSimulator(deps: ServiceDeps & { publicUrl: PublicUrl }) {
  return {
    async send(workspaceId: string, channelId: string, message: SimulatedMessage): Promise<{ status: number; body: string }> {
      const channel = await findChannel(deps.db, workspaceId, channelId);
      if (!channel || (channel.kind !== 'sms' && channel.kind !== 'whatsapp')) throw appError('channel.not_found');
      const selfUrl = deps.publicUrl.self();
      if (!selfUrl) throw appError('channel.not_configured', 'The server is not listening yet.');
      const path = webhookPath(workspaceId, channelId);
      // What the webhook will rebuild as its own URL (Twilio signs it): PUBLIC_URL when set.
      const signedUrl = `${deps.publicUrl.base()}${path}`;
      let request: { headers: Record<string, string>; body: string };
      if (channel.kind === 'sms') {
        const config = TwilioConfig.safeParse(channel.config);
        if (!config.success) throw appError('channel.not_configured', 'The SMS channel has no Twilio settings.');
        const form = twilioInboundForm({ from: message.from, to: config.data.phoneNumber, body: message.text, accountSid: config.data.accountSid, profileName: message.name });
        request = { headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(signedUrl, form, config.data.authToken) }, body: new URLSearchParams(form).toString() };
      } else {
        const config = WhatsAppConfig.safeParse(channel.config);
        if (!config.success) throw appError('channel.not_configured', 'The WhatsApp channel has no Cloud API settings.');
        const raw = JSON.stringify(whatsAppInboundPayload({ phoneNumberId: config.data.phoneNumberId, displayPhoneNumber: config.data.displayPhoneNumber, from: message.from, name: message.name, body: message.text }));
        request = { headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsAppBody(raw, config.data.appSecret) }, body: raw };
      }
      const response = await fetch(`${selfUrl}${path}`, { method: 'POST', ...request });
      return { status: response.status, body: await response.text() };
    },
  };
}

export type ChannelSimulator = ReturnType<typeof createChannelSimulator>;
