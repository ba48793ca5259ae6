import type { OutboundMessage } from '../../channels/messaging-provider.ts';
import { MESSAGING_CHANNELS, type MessagingKind } from '../../channels/messaging-providers.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { findSendingChannel } from '../channels/channel.store.ts';
import type { ChannelSender } from './delivery.service.ts';
import { loadSendContext } from './send-context.ts';

/** SMS and WhatsApp replies through the channel's provider. Attachments go as media links when PUBLIC_URL says where the files are. */
export function createMessagingSender(deps: ServiceDeps & { fetch: typeof fetch }, kind: MessagingKind): ChannelSender {
  const channelKind = MESSAGING_CHANNELS[kind];
  return {
    async send(job) {
      const context = await loadSendContext(deps.db, job, channelKind.identity);
      if (!context) return { kind: 'failed', failure: 'rejected', error: 'the message no longer exists' };
      const { message, recipient } = context;
      if (!recipient) return { kind: 'failed', failure: 'rejected', error: `the customer has no ${kind} number` };
      const channel = await findSendingChannel(deps.db, job.workspaceId, kind);
      const config = channel && channelKind.config.safeParse(channel.config);
      if (!config?.success) return { kind: 'failed', failure: 'rejected', error: `no ${kind} channel is set up` };
      const base = deps.config.PUBLIC_URL?.replace(/\/$/, '');
      const template = message.content.template;
      const outbound: OutboundMessage = template
        ? { kind: 'template', to: recipient, template }
        : { kind: 'text', to: recipient, body: message.body, ...(base && message.content.attachments?.length ? { mediaUrls: message.content.attachments.map((a) => `${base}${a.url}`) } : {}) };
      return channelKind.provider.send(outbound, config.data as never, deps.fetch);
    },
  };
}
