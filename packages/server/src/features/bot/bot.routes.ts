import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type {
  BOT_ANSWERS} from '@tandem/protocol';
import { BotFeedbackBody, BotIntent, BotIntentBody, BotModelStatus, BotPredictBody, BotPrediction, BotWebhook, BotWebhookBody,
  FlowDefinition, Handoff, Id, IntentKeyParams, WebhookNameParams,
} from '@tandem/protocol';
import { agentOf } from '../../http/access.ts';
import { responses } from '../../http/responses.ts';
import { appError } from '../../platform/app-error.ts';
import type { Services } from '../../services.ts';
import type { HandoffRecord, IntentRecord, WebhookRecord } from './bot.store.ts';

const presentIntent = ({ workspaceId: _w, ...i }: IntentRecord) => ({ ...i, answer: i.answer as (typeof BOT_ANSWERS)[number], updatedAt: i.updatedAt.toISOString() });
const presentWebhook = (w: Pick<WebhookRecord, 'name' | 'url' | 'timeoutMs' | 'updatedAt'>) => ({ name: w.name, url: w.url, timeoutMs: w.timeoutMs, updatedAt: w.updatedAt.toISOString() });
const presentHandoff = (h: HandoffRecord) => ({ id: h.id, conversationId: h.conversationId, reason: h.reason, packet: h.packet as z.infer<typeof Handoff>['packet'], createdAt: h.createdAt.toISOString() });
const presentStatus = (s: Awaited<ReturnType<Services['bot']['status']>>) => ({ ...s, trainedAt: s.trainedAt?.toISOString() ?? null });
const FlowKeyParams = z.object({ key: FlowDefinition.shape.key });
const ok = z.object({ ok: z.literal(true) });

/** Authoring and trying the bot (admins), its handoff packets and answer feedback (agents). */
export function botRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['bot'];
    const { bot } = services;

    app.get('/bot/intents', { config: { access: 'agent' }, schema: { tags, response: responses({ 200: z.object({ items: z.array(BotIntent) }) }) } }, async (request) => ({
      items: (await bot.listIntents(agentOf(request).workspaceId)).map(presentIntent),
    }));
    app.get('/bot/intents/:key', { config: { access: 'agent' }, schema: { tags, params: IntentKeyParams, response: responses({ 200: BotIntent }) } }, async (request) =>
      presentIntent(await bot.getIntent(agentOf(request).workspaceId, request.params.key)),
    );
    app.put(
      '/bot/intents/:key',
      { config: { access: 'admin' }, schema: { tags, summary: 'Create or replace an intent (the bot retrains in the background)', params: IntentKeyParams, body: BotIntentBody, response: responses({ 200: BotIntent }) } },
      async (request) => presentIntent(await bot.saveIntent(agentOf(request).workspaceId, request.params.key, request.body)),
    );
    app.delete('/bot/intents/:key', { config: { access: 'admin' }, schema: { tags, params: IntentKeyParams, response: responses({ 200: ok }) } }, async (request) => {
      await bot.deleteIntent(agentOf(request).workspaceId, request.params.key);
      return { ok: true as const };
    });

    app.get('/bot/flows', { config: { access: 'agent' }, schema: { tags, response: responses({ 200: z.object({ items: z.array(FlowDefinition) }) }) } }, async (request) => ({
      items: (await bot.listFlows(agentOf(request).workspaceId)) as z.infer<typeof FlowDefinition>[],
    }));
    app.get('/bot/flows/:key', { config: { access: 'agent' }, schema: { tags, params: FlowKeyParams, response: responses({ 200: FlowDefinition }) } }, async (request) =>
      (await bot.getFlow(agentOf(request).workspaceId, request.params.key)) as z.infer<typeof FlowDefinition>,
    );
    app.put(
      '/bot/flows/:key',
      { config: { access: 'admin' }, schema: { tags, summary: 'Save a flow (validated: every step reachable, every target and webhook real)', params: FlowKeyParams, body: FlowDefinition, response: responses({ 200: FlowDefinition }) } },
      async (request) => {
        if (request.body.key !== request.params.key) throw appError('request.invalid', 'The key in the path and in the body differ.', { fields: [{ path: 'body.key', message: 'must match the path' }] });
        return (await bot.saveFlow(agentOf(request).workspaceId, request.body)) as z.infer<typeof FlowDefinition>;
      },
    );

    app.get('/bot/webhooks', { config: { access: 'admin' }, schema: { tags, response: responses({ 200: z.object({ items: z.array(BotWebhook) }) }) } }, async (request) => ({
      items: (await bot.listWebhooks(agentOf(request).workspaceId)).map(presentWebhook),
    }));
    app.put(
      '/bot/webhooks/:name',
      { config: { access: 'admin' }, schema: { tags, summary: 'Create or replace a webhook flows can call (its secret is never shown again)', params: WebhookNameParams, body: BotWebhookBody, response: responses({ 200: BotWebhook }) } },
      async (request) => presentWebhook(await bot.saveWebhook(agentOf(request).workspaceId, request.params.name, request.body)),
    );

    app.get('/bot/model', { config: { access: 'agent' }, schema: { tags, response: responses({ 200: BotModelStatus }) } }, async (request) =>
      presentStatus(await bot.status(agentOf(request).workspaceId)),
    );
    app.post('/bot/train', { config: { access: 'admin' }, schema: { tags, summary: 'Retrain now and wait for it', response: responses({ 200: BotModelStatus }) } }, async (request) =>
      presentStatus(await bot.train(agentOf(request).workspaceId)),
    );
    app.post('/bot/predict', { config: { access: 'agent' }, schema: { tags, summary: 'What the bot understands from a text', body: BotPredictBody, response: responses({ 200: BotPrediction }) } }, async (request) =>
      bot.predict(agentOf(request).workspaceId, request.body.text),
    );

    app.post(
      '/messages/:id/bot-feedback',
      { config: { access: 'agent' }, schema: { tags, summary: 'Mark a bot answer right or wrong; optionally teach the bot the customer message', params: z.object({ id: Id }), body: BotFeedbackBody, response: responses({ 200: ok }) } },
      async (request) => {
        const { workspaceId, agentId } = agentOf(request);
        await bot.feedback(workspaceId, agentId, request.params.id, request.body);
        return { ok: true as const };
      },
    );
    app.get(
      '/conversations/:id/handoffs',
      { config: { access: 'agent' }, schema: { tags, summary: 'Handoffs of a conversation, newest first, each with its context packet', params: z.object({ id: Id }), response: responses({ 200: z.object({ items: z.array(Handoff) }) }) } },
      async (request) => {
        const { workspaceId } = agentOf(request);
        await services.conversations.get(workspaceId, request.params.id);
        return { items: (await services.handoff.list(workspaceId, request.params.id)).map(presentHandoff) };
      },
    );
  };
}
