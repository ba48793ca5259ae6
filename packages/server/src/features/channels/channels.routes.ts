import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Channel, CreateChannelBody, IdParams, SimulateChannelBody, UpdateChannelBody } from '@tandem/protocol';
import { maskSecrets } from '../../channels/channel-configs.ts';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import { toJson } from '../../platform/json.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { auditByAgent } from '../audit/audit-by-agent.ts';
import type { Services } from '../../services.ts';
import { listChannels, type ChannelRecord } from './channel.store.ts';

/** The path providers post to; the public URL in front of it is what Twilio signs. */
export const webhookPath = (workspaceId: string, channelId: string) => `/api/v1/channels/${workspaceId}/${channelId}/webhook`;

export function presentChannel(channel: ChannelRecord, workspaceId: string, publicBase: string) {
  const hooked = channel.kind === 'sms' || channel.kind === 'whatsapp';
  return toJson({
    ...channel,
    config: maskSecrets(channel.kind, channel.config),
    webhookUrl: hooked ? `${publicBase}${webhookPath(workspaceId, channel.id)}` : null,
  });
}

export function channelRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const base = (request: { protocol: string; host: string }) => deps.config.PUBLIC_URL?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;

    app.get('/channels', { config: { access: 'agent' }, schema: { tags: ['channels'], response: responses({ 200: z.object({ items: z.array(Channel) }) }) } }, async (request) => {
      const { workspaceId } = agentOf(request);
      return { items: (await listChannels(deps.db, workspaceId)).map((c) => presentChannel(c, workspaceId, base(request))) };
    });

    app.post(
      '/channels',
      { config: { access: 'admin' }, schema: { tags: ['channels'], body: CreateChannelBody, response: responses({ 201: Channel }) } },
      async (request, reply) => {
        const { workspaceId } = agentOf(request);
        const channel = await services.channelSettings.create(workspaceId, request.body);
        reply.code(201);
        return presentChannel(channel, workspaceId, base(request));
      },
    );

    app.post(
      '/channels/:id/simulate',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['channels'], summary: 'Try an SMS or WhatsApp channel: a signed provider webhook for a customer message, posted to this server', params: IdParams,
          body: SimulateChannelBody, response: responses({ 200: z.object({ status: z.number().int(), body: z.string() }) }),
        },
      },
      async (request) => services.channelSimulator.send(agentOf(request).workspaceId, request.params.id, request.body),
    );

    app.get(
      '/messages/:id/original',
      { config: { access: 'agent' }, schema: { tags: ['channels'], summary: 'The raw source of a received email (text/plain)', params: IdParams } },
      async (request, reply) => {
        const body = await services.emailInbound.original(agentOf(request).workspaceId, request.params.id);
        // Shown as text, never interpreted: the source may hold any HTML the sender chose.
        return reply.type('text/plain; charset=utf-8').header('content-security-policy', "default-src 'none'; sandbox").header('x-content-type-options', 'nosniff').send(body);
      },
    );

    app.patch(
      '/channels/:id',
      { config: { access: 'admin' }, schema: { tags: ['channels'], params: IdParams, body: UpdateChannelBody, response: responses({ 200: Channel }) } },
      async (request) => {
        const { workspaceId } = agentOf(request);
        const channel = await services.channelSettings.update(workspaceId, request.params.id, request.body);
        // Which fields changed, never their values: they include provider credentials.
        await auditByAgent(deps, request, { action: 'channel.settings_changed', targetType: 'channel', targetId: channel.id, data: { fields: Object.keys(request.body) } });
        return presentChannel(channel, workspaceId, base(request));
      },
    );
  };
}
