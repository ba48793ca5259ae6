import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CustomerExport, IdParams, ListPrivacyRequestsQuery, PrivacyRequest, PrivacySettings, PrivacySettingsBody, page } from '@tandem/protocol';
import { agentOf } from '../../http/access.ts';
import { decodeCursor, toPage } from '../../http/cursor.ts';
import { responses } from '../../http/responses.ts';
import { appError } from '../../platform/app-error.ts';
import { toJson } from '../../platform/json.ts';
import type { PrivacyServices } from './privacy.services.ts';
import type { PrivacyRequestRecord } from './privacy-request.store.ts';

const present = (r: PrivacyRequestRecord): PrivacyRequest => toJson({
  id: r.id, customerId: r.customerId, kind: r.kind, status: r.status, attempts: r.attempts, report: r.report, error: r.error,
  requestedBy: { type: r.requestedByType === 'agent' ? ('agent' as const) : ('system' as const), id: r.requestedById },
  createdAt: r.createdAt, startedAt: r.startedAt, finishedAt: r.finishedAt,
});

/** Customer data rights (export, erasure) and privacy settings: admins only. */
export function privacyRoutes(privacy: PrivacyServices): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['privacy'];
    const admin = { access: 'admin' as const };
    const asActor = (me: ReturnType<typeof agentOf>) => ({ type: 'agent' as const, id: me.agentId, role: me.role });

    app.get('/customers/:id/export', { config: admin, schema: { tags, summary: 'Everything stored about a customer, as one JSON file', params: IdParams, response: responses({ 200: CustomerExport }) } }, async (request, reply) => {
      const me = agentOf(request);
      const document = await privacy.exports.export(me.workspaceId, request.params.id, asActor(me));
      reply.header('content-disposition', `attachment; filename="customer-${request.params.id}.json"`);
      reply.header('cache-control', 'no-store');
      return document;
    });

    app.post('/customers/:id/erase', { config: admin, schema: { tags, summary: "Erase a customer's data (a job: follow it at /privacy-requests/{id})", params: IdParams, response: responses({ 202: PrivacyRequest }) } }, async (request, reply) => {
      const me = agentOf(request);
      reply.code(202);
      return present(await privacy.erasure.request(me.workspaceId, request.params.id, asActor(me)));
    });

    app.get('/privacy-requests', { config: admin, schema: { tags, summary: 'Erasure requests, newest first', querystring: ListPrivacyRequestsQuery, response: responses({ 200: page(PrivacyRequest) }) } }, async (request) => {
      const { cursor, limit, customerId, status } = request.query;
      const before = decodeCursor(cursor, 1)?.[0] ?? null;
      if (before !== null && !z.uuid().safeParse(before).success) throw appError('request.invalid', 'The cursor is not one this API issued.');
      const rows = await privacy.erasure.list(agentOf(request).workspaceId, { before: before as string | null, limit: limit + 1, customerId, status });
      return toPage(rows, limit, (r) => [r.id], present);
    });

    app.get('/privacy-requests/:id', { config: admin, schema: { tags, summary: 'An erasure request: its status and what it removed', params: IdParams, response: responses({ 200: PrivacyRequest }) } }, async (request) =>
      present(await privacy.erasure.get(agentOf(request).workspaceId, request.params.id)));

    app.get('/privacy/settings', { config: admin, schema: { tags, response: responses({ 200: PrivacySettings }) } }, async (request) =>
      privacy.settings.get(agentOf(request).workspaceId));

    app.put('/privacy/settings', { config: admin, schema: { tags, summary: 'Masking for agents and how long resolved conversations are kept', body: PrivacySettingsBody, response: responses({ 200: PrivacySettings }) } }, async (request) => {
      const me = agentOf(request);
      return privacy.settings.replace(me.workspaceId, request.body, asActor(me));
    });
  };
}
