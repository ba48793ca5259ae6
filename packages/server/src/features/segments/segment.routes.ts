import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Segment as CoreSegment } from '@tandem/core';
import { CustomerService, IdParams, Segment, SegmentBody, SegmentKeyParams, SegmentPreview, SegmentPreviewBody, Templates } from '@tandem/protocol';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import type { Services } from '../../services.ts';

const present = (s: CoreSegment) => ({ key: s.key, name: { ...s.name }, rule: s.rule as unknown as Record<string, unknown>, strategy: s.strategy, priority: s.priority });
const ok = z.object({ ok: z.literal(true) });

/** Segments (admins write, agents read), their preview, templates, and the service a customer gets. */
export function segmentRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['segments'];
    const { segments } = services;
    app.get('/segments', { config: { access: 'agent' }, schema: { tags, response: responses({ 200: z.object({ items: z.array(Segment) }) }) } }, async (request) => ({
      items: (await segments.list(agentOf(request).workspaceId)).map(present),
    }));
    app.get('/segments/templates', { config: { access: 'agent' }, schema: { tags, summary: 'Segments for four customer groups and policies per vertical, ready to copy', response: responses({ 200: Templates }) } }, async () => {
      const t = segments.templates();
      return {
        segments: t.segments.map((s) => ({ ...present(s), description: { ...s.description }, strategy: s.strategy })),
        verticals: t.verticals.map((v) => ({ vertical: v.vertical, name: { ...v.name }, description: { ...v.description } })),
      };
    });
    app.put('/segments/:key', { config: { access: 'admin' }, schema: { tags, summary: 'Create or replace a segment (its rule is checked)', params: SegmentKeyParams, body: SegmentBody, response: responses({ 200: Segment }) } }, async (request) =>
      present(await segments.save(agentOf(request).workspaceId, request.params.key, request.body)),
    );
    app.delete('/segments/:key', { config: { access: 'admin' }, schema: { tags, params: SegmentKeyParams, response: responses({ 200: ok }) } }, async (request) => {
      await segments.remove(agentOf(request).workspaceId, request.params.key);
      return { ok: true as const };
    });
    app.post('/segments/preview', { config: { access: 'admin' }, schema: { tags, summary: 'Which customers a rule matches now', body: SegmentPreviewBody, response: responses({ 200: SegmentPreview }) } }, async (request) =>
      segments.preview(agentOf(request).workspaceId, request.body.rule),
    );
    app.get('/customers/:id/service', { config: { access: 'agent' }, schema: { tags, summary: 'How this customer is served, and why (segments, vertical, default)', params: IdParams, response: responses({ 200: CustomerService }) } }, async (request) => {
      const { strategy, reason, segments: keys } = await segments.serviceFor(agentOf(request).workspaceId, request.params.id);
      return { strategy, reason, segments: keys };
    });
  };
}
