import { detectLanguage, validateFlow, type FlowDefinition } from '@tandem/core';
import type { z } from 'zod';
import type { BotFeedbackBody, BotIntentBody, BotWebhookBody } from '@tandem/protocol';
import { allArticles } from '../kb/kb.store.ts';
import { findMessage } from '../messages/message.store.ts';
import { findConversation } from '../conversations/conversation.store.ts';
import { findCustomer } from '../customers/customer.store.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { BotModelService } from './bot-model.service.ts';
import { listTeams } from '../teams/team.store.ts';
import { addTrainingPhrase, deleteIntent, findFlow, findIntent, findWebhook, listFlows, listIntents, listWebhooks, saveAnswerFeedback, saveFlow, saveIntent, saveWebhook, type IntentRecord } from './bot.store.ts';

/** Authoring the bot: intents, flows and webhooks; trying it; and agents' feedback that teaches it. */
export function createBotAdminService(deps: ServiceDeps & { models: BotModelService }) {
  const { db, clock, ids, models } = deps;

  async function checkFlow(workspaceId: string, flow: FlowDefinition): Promise<void> {
    const [webhooks, teams] = await Promise.all([listWebhooks(db, workspaceId), listTeams(db, workspaceId)]);
    const names = new Set(webhooks.map((w) => w.name));
    const teamIds = new Set(teams.map((t) => t.id));
    const problems = [
      ...validateFlow(flow, (name) => names.has(name)),
      ...flow.steps.flatMap((step) => (step.kind === 'handoff' && step.teamId && !teamIds.has(step.teamId) ? [{ step: step.id, reason: 'hands off to a team that is not in this workspace' }] : [])),
    ];
    if (problems.length > 0) {
      throw appError('bot_flow.invalid', `The flow "${flow.key}" cannot run as written.`, {
        fields: problems.map((p) => ({ path: `${flow.key}${p.step ? `: ${p.step}` : ''}`, message: p.reason })),
      });
    }
  }

  return {
    listIntents: (workspaceId: string) => listIntents(db, workspaceId),

    async getIntent(workspaceId: string, key: string): Promise<IntentRecord> {
      const intent = await findIntent(db, workspaceId, key);
      if (!intent) throw appError('bot_intent.not_found');
      return intent;
    },

    /** Creates or replaces an intent, then retrains in the background. */
    async saveIntent(workspaceId: string, key: string, body: z.output<typeof BotIntentBody>): Promise<IntentRecord> {
      if (body.answer === 'flow' && !(await findFlow(db, workspaceId, body.flowKey!))) {
        throw appError('bot_intent.invalid', `No flow "${body.flowKey}".`, { fields: [{ path: 'flowKey', message: 'no such flow' }] });
      }
      if (body.answer === 'articles') {
        const known = new Set((await allArticles(db, workspaceId)).map((a) => a.key));
        const missing = body.articleKeys.filter((k) => !known.has(k));
        if (missing.length) throw appError('bot_intent.invalid', `No article ${missing.join(', ')}.`, { fields: [{ path: 'articleKeys', message: `unknown: ${missing.join(', ')}` }] });
      }
      const intent: IntentRecord = {
        workspaceId,
        key,
        title: body.title,
        phrases: Object.fromEntries(Object.entries(body.phrases).map(([locale, list]) => [locale, [...new Set(list)]])),
        answer: body.answer,
        reply: body.reply ?? {},
        flowKey: body.answer === 'flow' ? body.flowKey! : null,
        articleKeys: body.articleKeys,
        sensitive: body.sensitive,
        complaint: body.complaint,
        updatedAt: clock(),
      };
      await saveIntent(db, intent);
      models.retrainLater(workspaceId);
      return intent;
    },

    async deleteIntent(workspaceId: string, key: string): Promise<void> {
      if (!(await deleteIntent(db, workspaceId, key))) throw appError('bot_intent.not_found');
      models.retrainLater(workspaceId);
    },

    listFlows: (workspaceId: string) => listFlows(db, workspaceId),

    async getFlow(workspaceId: string, key: string): Promise<FlowDefinition> {
      const flow = await findFlow(db, workspaceId, key);
      if (!flow) throw appError('bot_flow.not_found');
      return flow;
    },

    /** Saves a flow only if the engine can run it (every step reachable, every target and webhook real). */
    async saveFlow(workspaceId: string, flow: FlowDefinition): Promise<FlowDefinition> {
      await checkFlow(workspaceId, flow);
      await saveFlow(db, workspaceId, flow, clock());
      return flow;
    },

    listWebhooks: (workspaceId: string) => listWebhooks(db, workspaceId),

    async saveWebhook(workspaceId: string, name: string, body: z.output<typeof BotWebhookBody>) {
      const webhook = { workspaceId, name, url: body.url, secret: body.secret, timeoutMs: body.timeoutMs, updatedAt: clock() };
      await saveWebhook(db, webhook);
      return webhook;
    },

    async getWebhook(workspaceId: string, name: string) {
      const webhook = await findWebhook(db, workspaceId, name);
      if (!webhook) throw appError('bot_webhook.not_found');
      return webhook;
    },

    async train(workspaceId: string) {
      await models.retrain(workspaceId);
      const status = await models.status(workspaceId);
      if (status.examples === 0) throw appError('bot_model.not_trained', 'Add intents with training phrases, or articles with sample questions, first.');
      return status;
    },

    status: (workspaceId: string) => models.status(workspaceId),

    async predict(workspaceId: string, text: string) {
      const result = await models.classify(workspaceId, text);
      return {
        language: detectLanguage(text).locale,
        intent: result?.intent ?? null,
        confidence: result?.confidence ?? 0,
        threshold: result?.threshold ?? 1,
        ranked: result?.ranked ?? [],
      };
    },

    /**
     * An agent's verdict on a bot answer. With `intent` and `addAsPhrase`, the customer message the
     * bot answered becomes a training phrase for that intent, and the bot retrains in the background.
     */
    async feedback(workspaceId: string, agentId: string, messageId: string, body: z.output<typeof BotFeedbackBody>): Promise<void> {
      const answer = await findMessage(db, workspaceId, messageId);
      if (!answer) throw appError('message.not_found');
      if (answer.author !== 'bot') throw appError('message.not_bot_answer');
      if (body.intent && !(await findIntent(db, workspaceId, body.intent))) throw appError('bot_intent.not_found');
      await saveAnswerFeedback(db, { workspaceId, messageId, agentId, correct: body.correct, intentKey: body.intent ?? null, createdAt: clock() });
      if (!body.addAsPhrase || !body.intent) return;
      const asked = await findMessage(db, workspaceId, answer.idempotencyKey?.split(':')[1] ?? '');
      if (!asked || asked.author !== 'customer') return;
      const conversation = await findConversation(db, workspaceId, asked.conversationId);
      const customer = conversation && (await findCustomer(db, workspaceId, conversation.customerId));
      if (!customer?.consent.automation) throw appError('bot.no_automation_consent');
      await addTrainingPhrase(db, { workspaceId, id: ids(), intentKey: body.intent, text: asked.body.slice(0, 500), messageId: asked.id, agentId, createdAt: clock() });
      models.retrainLater(workspaceId);
    },
  };
}

export type BotAdminService = ReturnType<typeof createBotAdminService>;
