import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '@tandem/protocol';
import { responses } from '../../http/responses.ts';
import { RECEIVED_AT_HEADER } from '../../channels/sms/twilio.provider.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { Services } from '../../services.ts';

const WebhookParams = z.object({ workspaceId: Id, channelId: Id });
const WebhookOutcome = z.object({ messages: z.number().int(), duplicates: z.number().int(), statuses: z.number().int() });

/**
 * Provider webhooks (SMS, WhatsApp). The body is kept raw: signatures are computed over the exact
 * bytes, so it is parsed only after the check, by the channel's own parser.
 */
export function webhookRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.post(
      '/channels/:workspaceId/:channelId/webhook',
      { config: { access: 'public' }, schema: { tags: ['channels'], summary: 'Provider webhook (Twilio SMS, WhatsApp Cloud API): messages and delivery statuses', params: WebhookParams, response: responses({ 200: WebhookOutcome, 204: z.null() }) } },
      async (request, reply) => {
        const base = deps.config.PUBLIC_URL?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
        const headers: Record<string, string | undefined> = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : v]));
        // Twilio sends no timestamp; ours is stamped here, never taken from the (unsigned) request.
        headers[RECEIVED_AT_HEADER] = deps.clock().toISOString();
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const outcome = await services.messagingInbound.webhook(request.params.workspaceId, request.params.channelId, { url: `${base}${request.url}`, headers, rawBody });
        // Twilio reads a body as TwiML to send back; 204 tells it there is nothing to send.
        if ((request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return reply.code(204).send(null);
        return outcome;
      },
    );

    app.get(
      '/channels/:workspaceId/:channelId/webhook',
      {
        config: { access: 'public' },
        schema: {
          tags: ['channels'], summary: 'WhatsApp subscription handshake: answers hub.challenge when hub.verify_token matches', params: WebhookParams,
          querystring: z.object({ 'hub.mode': z.string().max(50).optional(), 'hub.verify_token': z.string().max(500).optional(), 'hub.challenge': z.string().max(500).optional() }),
        },
      },
      async (request, reply) => {
        const challenge = await services.messagingInbound.verifySubscription(request.params.workspaceId, request.params.channelId, request.query);
        return reply.type('text/plain').send(challenge);
      },
    );
  };
}
