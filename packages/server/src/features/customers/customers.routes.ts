import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ContactPreferences,
  ContactPreferencesPatch,
  CreateCustomerBody,
  Customer,
  IdParams,
  IdentityInput,
  ListCustomersQuery,
  MergeCustomersBody,
  PageQuery,
  RecordEventBody,
  TimelineEvent,
  UpdateCustomerBody,
  page,
} from '@tandem/protocol';
import { toJson } from '../../platform/json.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { agentOf } from '../../http/access.ts';
import { decodeCursor, toPage } from '../../http/cursor.ts';
import { responses } from '../../http/responses.ts';
import { auditByAgent } from '../audit/audit-by-agent.ts';
import type { Services } from '../../services.ts';
import { findPreferences, savePreference } from '../outreach/contact-preferences.store.ts';
import { transact } from '../feed/transact.ts';
import { listCustomers } from './customer.store.ts';
import { insertTimelineEvent, listTimeline } from './timeline.store.ts';
import { appError } from '../../platform/app-error.ts';

export function customerRoutes(services: Services, deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['customers'];

    app.get('/customers', { config: { access: 'agent' }, schema: { tags, querystring: ListCustomersQuery, response: responses({ 200: page(Customer) }) } }, async (request) => {
      const { cursor, limit, identity } = request.query;
      const before = (decodeCursor(cursor, 1)?.[0] as string | undefined) ?? null;
      const rows = await listCustomers(deps.db, agentOf(request).workspaceId, { before, limit: limit + 1, ...(identity ? { identity } : {}) });
      return toPage(rows, limit, (c) => [c.id], toJson);
    });

    app.post('/customers', { config: { access: 'agent' }, schema: { tags, body: CreateCustomerBody, response: responses({ 201: Customer }) } }, async (request, reply) => {
      reply.code(201);
      return toJson(await services.customers.create(agentOf(request).workspaceId, request.body));
    });

    app.get('/customers/:id', { config: { access: 'agent' }, schema: { tags, params: IdParams, response: responses({ 200: Customer }) } }, async (request) =>
      toJson(await services.customers.get(agentOf(request).workspaceId, request.params.id)),
    );

    app.get('/customers/:id/contact-preferences', { config: { access: 'agent' }, schema: { tags, summary: "The customer's wishes about outreach", params: IdParams, response: responses({ 200: ContactPreferences }) } }, async (request) => {
      const { workspaceId } = agentOf(request);
      const customer = await services.customers.get(workspaceId, request.params.id);
      return findPreferences(deps.db, workspaceId, customer.id);
    });
    app.patch('/customers/:id/contact-preferences', { config: { access: 'agent' }, schema: { tags, summary: 'Record what the customer asked: no proactive messages, no notices (or again)', params: IdParams, body: ContactPreferencesPatch, response: responses({ 200: ContactPreferences }) } }, async (request) => {
      const { workspaceId } = agentOf(request);
      const customer = await services.customers.get(workspaceId, request.params.id);
      await savePreference(deps.db, workspaceId, customer.id, request.body, deps.clock());
      await auditByAgent(deps, request, { action: 'customer.contact_preferences_changed', targetType: 'customer', targetId: customer.id, data: { ...request.body } });
      return findPreferences(deps.db, workspaceId, customer.id);
    });
    app.patch('/customers/:id', { config: { access: 'agent' }, schema: { tags, params: IdParams, body: UpdateCustomerBody, response: responses({ 200: Customer }) } }, async (request) => {
      const { workspaceId } = agentOf(request);
      const before = request.body.consent ? (await services.customers.get(workspaceId, request.params.id)).consent : null;
      const updated = await services.customers.update(workspaceId, request.params.id, request.body);
      // Consent recorded on the customer's behalf (they asked by phone, by e-mail…) is on the record.
      if (before) await auditByAgent(deps, request, { action: 'customer.consent_changed', targetType: 'customer', targetId: updated.id, data: { from: before, to: updated.consent } });
      return toJson(updated);
    });

    app.post(
      '/customers/:id/identities',
      { config: { access: 'agent' }, schema: { tags, summary: 'Add a channel identity', params: IdParams, body: IdentityInput, response: responses({ 201: Customer }) } },
      async (request, reply) => {
        reply.code(201);
        return toJson(await services.customers.addIdentity(agentOf(request).workspaceId, request.params.id, request.body.kind, request.body.value));
      },
    );

    app.post(
      '/customers/:id/merge',
      { config: { access: 'agent' }, schema: { tags, summary: 'Merge another customer into this one', params: IdParams, body: MergeCustomersBody, response: responses({ 200: Customer }) } },
      async (request) => {
        const actor = agentOf(request);
        const merged = await services.customers.merge(actor.workspaceId, request.params.id, request.body.customerId, { type: 'agent', id: actor.agentId, role: actor.role });
        return toJson(merged);
      },
    );

    app.get(
      '/customers/:id/timeline',
      { config: { access: 'agent' }, schema: { tags, summary: "The customer's journey, newest first", params: IdParams, querystring: PageQuery, response: responses({ 200: page(TimelineEvent) }) } },
      async (request) => {
        const { workspaceId } = agentOf(request);
        const customer = await services.customers.get(workspaceId, request.params.id);
        const before = decodeCursor(request.query.cursor, 2) as [string, string] | null;
        const rows = await listTimeline(deps.db, workspaceId, [customer.id], { before, limit: request.query.limit + 1 });
        return toPage(rows, request.query.limit, (e) => [e.occurredAt.toISOString(), e.id], toJson);
      },
    );

    app.post(
      '/customers/:id/events',
      { config: { access: 'agent' }, schema: { tags, summary: 'Record a journey event (purchase, page view...)', params: IdParams, body: RecordEventBody, response: responses({ 201: TimelineEvent }) } },
      async (request, reply) => {
        const { workspaceId } = agentOf(request);
        const customer = await services.customers.get(workspaceId, request.params.id);
        if (customer.mergedIntoId) throw appError('customer.merged', `Use customer ${customer.mergedIntoId}.`);
        const { conversationId } = request.body;
        if (conversationId && (await services.conversations.get(workspaceId, conversationId)).customerId !== customer.id) {
          throw appError('conversation.not_found', 'That conversation is not this customer\'s.');
        }
        const event = {
          workspaceId,
          id: deps.ids(),
          customerId: customer.id,
          conversationId: request.body.conversationId ?? null,
          type: request.body.type,
          data: request.body.data,
          occurredAt: request.body.occurredAt ? new Date(request.body.occurredAt) : deps.clock(),
        };
        await transact(deps, (tx) => insertTimelineEvent(tx, event));
        reply.code(201);
        return toJson(event);
      },
    );
  };
}
