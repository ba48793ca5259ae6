import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Broadcast, BroadcastBody, BroadcastRecipient, BusinessEventBody, BusinessEventResult, IdParams, RecipientsQuery, page } from '@tandem/protocol';
import { agentOf } from '../../http/access.ts';
import { decodeCursor, toPage } from '../../http/cursor.ts';
import { responses } from '../../http/responses.ts';
import { appError } from '../../platform/app-error.ts';
import { toJson } from '../../platform/json.ts';
import type { Services } from '../../services.ts';

/** Broadcasts (admins) and business events posted by the host system's server (an admin API token). */
export function broadcastRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['broadcasts'];
    const admin = { access: 'admin' as const };
    const { broadcasts } = services;
    const present = (b: Awaited<ReturnType<typeof broadcasts.get>>) => {
      const { workspaceId: _, createdBy: __, ...rest } = b;
      return toJson(rest) as z.infer<typeof Broadcast>;
    };

    app.get('/broadcasts', { config: admin, schema: { tags, summary: 'Broadcasts, newest first, with recipient counts', response: responses({ 200: z.object({ items: z.array(Broadcast) }) }) } }, async (request) => ({
      items: (await broadcasts.list(agentOf(request).workspaceId)).map(present),
    }));
    app.post('/broadcasts', { config: admin, schema: { tags, summary: 'Send a notice to an audience, now or later', body: BroadcastBody, response: responses({ 201: Broadcast }) } }, async (request, reply) => {
      const me = agentOf(request);
      const created = await broadcasts.create(me.workspaceId, me.agentId ?? null, request.body);
      if (created.scheduledAt.getTime() <= Date.now()) broadcasts.kick(me.workspaceId);
      reply.code(201);
      return present(created);
    });
    app.get('/broadcasts/:id', { config: admin, schema: { tags, params: IdParams, response: responses({ 200: Broadcast }) } }, async (request) =>
      present(await broadcasts.get(agentOf(request).workspaceId, request.params.id)));
    app.get('/broadcasts/:id/recipients', { config: admin, schema: { tags, summary: 'Per-recipient status: pending, queued, sent, delivered, read, failed or skipped (with why)', params: IdParams, querystring: RecipientsQuery, response: responses({ 200: page(BroadcastRecipient) }) } }, async (request) => {
      const { workspaceId } = agentOf(request);
      await broadcasts.get(workspaceId, request.params.id);
      const after = decodeCursor(request.query.cursor, 1)?.[0] ?? null;
      if (after !== null && !z.uuid().safeParse(after).success) throw appError('request.invalid', 'The cursor is not one this API issued.');
      const rows = await broadcasts.recipients(workspaceId, request.params.id, { status: request.query.status, after: after as string | null, limit: request.query.limit + 1 });
      return toPage(rows, request.query.limit, (r) => [r.customerId], (r) => toJson(r) as z.infer<typeof BroadcastRecipient>);
    });
    app.post('/broadcasts/:id/cancel', { config: admin, schema: { tags, summary: 'Stop: recipients not yet sent to are skipped', params: IdParams, response: responses({ 200: Broadcast }) } }, async (request) =>
      present(await broadcasts.cancel(agentOf(request).workspaceId, request.params.id)));

    app.post('/events', { config: admin, schema: { tags, summary: 'A business event from the host system (order_delayed, payment_failed…): matching rules message the customer', body: BusinessEventBody, response: responses({ 200: BusinessEventResult }) } }, async (request) =>
      services.businessEvents.post(agentOf(request).workspaceId, request.body));
  };
}
