import { asksForPerson, continueFlow, decideTurn, detectLanguage, resumeAfterAction, startFlow, type FlowContext, type FlowDefinition, type FlowTurn, type Locale } from '@tandem/core';
import type { ConversationRecord, MessageRecord, WorkspaceRecord } from '../../domain/records.ts';
import { isLocale, translator } from '../../i18n/translator.ts';
import { findConversation } from '../conversations/conversation.store.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import type { CustomerService } from '../customers/customer.service.ts';
import type { ArticleSearchService } from '../kb/article-search.service.ts';
import { articleUrl } from '../kb/article-search.service.ts';
import { findArticles, publishedByKeys } from '../kb/kb.store.ts';
import type { MessageAppender } from '../messages/message-appender.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { ARTICLE_INTENT_PREFIX, type BotModelService } from './bot-model.service.ts';
import { fromFlow, reply, TALK_TO_PERSON_LABELS, type BotReply } from './bot-reply.ts';
import { readBotState, rememberLast, type BotState } from './bot-state.ts';
import { findFlow, findWebhook, listIntents, loadSession, saveSession, type IntentRecord } from './bot.store.ts';
import type { HandoffService } from './handoff.service.ts';
import type { SegmentService } from '../segments/segment.service.ts';
import { callWebhook } from './webhook-caller.ts';

const CLARIFY_MARGIN = 0.15;
const MAX_ACTIONS_PER_TURN = 5;

/** Everything one turn works with, loaded once per customer message. */
interface Scope {
  conversation: ConversationRecord;
  workspace: WorkspaceRecord;
  state: BotState;
  ctx: FlowContext;
  /** The customer's message (capped). */
  text: string;
}

/** From this expected wait on, the customer is told they need not stay (the answer waits for them). */
const LONG_WAIT_SECONDS = 600;

type Deps = ServiceDeps & { appender: MessageAppender; customers: CustomerService; models: BotModelService; handoff: HandoffService; articleSearch: ArticleSearchService; segments: SegmentService; publicUrl: PublicUrl };

/**
 * The bot's turn after each customer message in a conversation it handles: understand (language,
 * intent), decide (core `decideTurn`), answer (a reply, articles, a flow step, a question) or hand
 * off, and remember it all in the conversation's bot session. Turns of one conversation run one
 * at a time, in order; a turn that fails hands off rather than leaving the customer waiting.
 */
export function createBotTurnService(deps: Deps) {
  const { db, clock, log, appender, customers, models, handoff, articleSearch, segments, drafter } = deps;
  const queues = new Map<string, Promise<void>>();

  async function send(conversation: ConversationRecord, replyTo: MessageRecord, replies: readonly BotReply[]): Promise<void> {
    for (const [i, r] of replies.entries()) {
      await appender.append({
        workspaceId: conversation.workspaceId,
        conversationId: conversation.id,
        author: 'bot',
        authorId: null,
        channel: replyTo.channel,
        private: false,
        body: r.body,
        content: r.content,
        // One turn per customer message: a retried turn never posts its answers twice.
        idempotencyKey: `bot:${replyTo.id}:${i}`,
        customerId: conversation.customerId,
        threadKey: conversation.threadKey,
      });
    }
  }

  /** Articles offered to the customer: remembered for the handoff packet, returned as cards. */
  function showArticles(scope: Scope, articles: ReadonlyArray<{ articleId: string; key: string; title: string; summary: string; url: string }>) {
    scope.state.articlesShown = [...scope.state.articlesShown, ...articles.map((a) => ({ key: a.key, title: a.title }))].slice(-10);
    return articles.map((a) => ({ articleId: a.articleId, title: a.title, summary: a.summary.slice(0, 300) || undefined, url: a.url }));
  }

  async function articleCards(scope: Scope, keys: readonly string[]) {
    const { workspace, ctx } = scope;
    const localized = await publishedByKeys(db, workspace.id, ctx.locale, keys);
    const fallback = localized.length ? [] : await publishedByKeys(db, workspace.id, 'en', keys);
    const articles = [...localized, ...fallback].slice(0, 3);
    return showArticles(scope, articles.map((a) => ({ articleId: a.id, key: a.key, title: a.title, summary: a.summary, url: articleUrl(workspace.slug, a) })));
  }

  async function searchHits(scope: Scope) {
    const { workspace, conversation, ctx, text } = scope;
    return (await articleSearch.search({ workspaceId: workspace.id, workspaceSlug: workspace.slug, query: text.slice(0, 500), locale: ctx.locale, limit: 3, source: 'bot', customerId: conversation.customerId })).items;
  }

  type Card = ReturnType<typeof showArticles>[number];

  /** With a language model configured: an answer drafted from these articles only, citing them; null otherwise. */
  async function draftedAnswer(scope: Scope, cards: readonly Card[]): Promise<BotReply | null> {
    if (!drafter || cards.length === 0) return null;
    const bodies = new Map((await findArticles(db, scope.workspace.id, cards.flatMap((c) => (c.articleId ? [c.articleId] : [])))).map((a) => [a.id, a.body]));
    const sources = cards.map((c) => ({ title: c.title, passage: `${c.summary ?? ''}\n${(c.articleId ? bodies.get(c.articleId) ?? '' : '').slice(0, 1500)}` }));
    const draft = await drafter.draft({ question: scope.text, locale: scope.ctx.locale, sources });
    return draft ? reply(scope.ctx.locale, draft.text, { articleCards: draft.citations.map((n) => cards[n - 1]!) }) : null;
  }

  /** Articles as the answer: drafted from them when a model is configured, else the cards under a short line. */
  async function answerWithArticles(scope: Scope, cards: Card[]): Promise<BotReply> {
    return (await draftedAnswer(scope, cards)) ?? reply(scope.ctx.locale, translator(scope.ctx.locale)('bot.articles'), { articleCards: cards });
  }

  async function handOffWith(scope: Scope, reason: string, confidence: number | null, teamId?: string): Promise<BotReply[]> {
    const { conversation, workspace, state, text, ctx: { locale } } = scope;
    const t = translator(locale);
    const result = await handoff.handOff({ workspaceId: workspace.id, conversationId: conversation.id, reason, state, lastText: text, confidence, ...(teamId ? { teamId } : {}) });
    const lines = [t('bot.handoff')];
    if (result.assignedTo) {
      lines.push(t('bot.assigned', { name: result.assignedTo.name }));
    } else if (!result.availability.open) {
      const timeZone = workspace.settings.businessHours?.timezone ?? 'UTC';
      const opensAt = result.availability.nextOpenAt
        ? new Intl.DateTimeFormat(locale, { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone }).format(result.availability.nextOpenAt)
        : null;
      lines.push(opensAt ? t('bot.closed', { opensAt }) : t('bot.closedNoHours'), t('bot.keepHelping'));
    } else if (result.position !== null) {
      lines.push(t('bot.queuePosition', { position: result.position }));
      if (result.expectedWaitSeconds) lines.push(t('bot.expectedWait', { count: Math.max(1, Math.round(result.expectedWaitSeconds / 60)) }));
      if ((result.expectedWaitSeconds ?? 0) >= LONG_WAIT_SECONDS) lines.push(t('bot.longWait'));
    }
    state.flow = null;
    state.lowConfidenceStreak = 0;
    return [{ body: lines.join(' '), content: {} }];
  }

  /** Runs a flow's effects (webhook calls, one after another) until it waits for the customer, ends or hands off. */
  async function driveFlow(scope: Scope, flow: FlowDefinition, turn: FlowTurn): Promise<BotReply[]> {
    const { conversation, workspace, state, ctx } = scope;
    const replies = fromFlow(ctx.locale, turn.say);
    let current = turn;
    // The last state with slots in it: a flow that hands off ends (state null), but its packet keeps what it collected.
    let collected = turn.state ?? state.flow;
    for (let calls = 0; current.effect.kind === 'call_webhook' && current.state && calls < MAX_ACTIONS_PER_TURN; calls++) {
      const webhook = await findWebhook(db, workspace.id, current.effect.webhook);
      const outcome = webhook
        ? await callWebhook(webhook, { flow: flow.key, conversationId: conversation.id, customerId: conversation.customerId, input: current.effect.payload }, { selfUrl: deps.publicUrl.base() || null, now: clock() })
        : { ok: false as const, error: 'webhook not found' };
      if (!outcome.ok) log.warn({ workspaceId: workspace.id, flow: flow.key, webhook: current.effect.webhook, error: outcome.error }, 'flow action failed');
      current = resumeAfterAction(flow, current.state, outcome, ctx);
      collected = current.state ?? collected;
      replies.push(...fromFlow(ctx.locale, current.say));
    }
    state.flow = current.effect.kind === 'await_input' ? current.state : collected;
    if (state.flow) state.slots = { ...state.slots, ...state.flow.slots };
    if (current.effect.kind === 'handoff') return [...replies, ...(await handOffWith(scope, current.effect.reason, null, current.effect.teamId))];
    if (current.effect.kind === 'call_webhook') return [...replies, ...(await handOffWith(scope, 'flow_loop', null))];
    if (current.effect.kind !== 'await_input') state.flow = null;
    return replies;
  }

  async function answerIntent(scope: Scope, intent: IntentRecord | undefined, intentKey: string): Promise<BotReply[]> {
    const { locale } = scope.ctx;
    const t = translator(locale);
    if (intentKey.startsWith(ARTICLE_INTENT_PREFIX)) {
      const cards = await articleCards(scope, [intentKey.slice(ARTICLE_INTENT_PREFIX.length)]);
      if (cards.length) return [await answerWithArticles(scope, cards)];
    }
    if (intent?.answer === 'reply') return [reply(locale, intent.reply[locale] ?? intent.reply.en ?? Object.values(intent.reply)[0] ?? t('bot.notSure'))];
    if (intent?.answer === 'articles') {
      const cards = await articleCards(scope, intent.articleKeys);
      if (cards.length) return [await answerWithArticles(scope, cards)];
    }
    if (intent?.answer === 'flow' && intent.flowKey) {
      const flow = await findFlow(db, scope.workspace.id, intent.flowKey);
      if (flow) return driveFlow(scope, flow, startFlow(flow, scope.ctx));
      return handOffWith(scope, 'flow_broken', null);
    }
    return notSure(scope);
  }

  async function notSure(scope: Scope): Promise<BotReply[]> {
    const { locale } = scope.ctx;
    const t = translator(locale);
    const cards = showArticles(scope, await searchHits(scope));
    // A grounded, cited answer counts as understood; otherwise the articles found, or a plain "not sure".
    const drafted = await draftedAnswer(scope, cards);
    if (drafted) return [drafted];
    scope.state.lowConfidenceStreak += 1;
    return [cards.length ? reply(locale, t('bot.notSureArticles'), { articleCards: cards }) : reply(locale, t('bot.notSure'))];
  }

  function pickClarified(text: string, options: [string, string], intents: Map<string, IntentRecord>): string | null {
    const said = text.trim().toLowerCase();
    if (said === '1' || said === '2') return options[Number(said) - 1]!;
    return options.find((key) => Object.values(intents.get(key)?.title ?? {}).some((title) => title.toLowerCase() === said) || key === said) ?? null;
  }

  /** What the bot decides and says for one message; `scope.state` is updated in place. */
  async function respond(scope: Scope, previousTexts: readonly string[]): Promise<BotReply[]> {
    const { workspace, state, text, ctx: { locale } } = scope;
    if (TALK_TO_PERSON_LABELS.has(text.trim().toLowerCase()) || asksForPerson(text)) return handOffWith(scope, 'asked', null);
    if (state.flow) {
      const flow = await findFlow(db, workspace.id, state.flow.flow);
      if (!flow) return handOffWith(scope, 'flow_broken', null);
      return driveFlow(scope, flow, continueFlow(flow, state.flow, text, scope.ctx));
    }
    const intents = new Map((await listIntents(db, workspace.id)).map((i) => [i.key, i]));
    if (state.clarify) {
      const chosen = pickClarified(text, state.clarify, intents);
      state.clarify = null;
      if (chosen) return answerIntent(scope, intents.get(chosen), chosen);
    }
    const classification = await models.classify(workspace.id, text);
    const policies = new Map([...intents.values()].map((i) => [i.key, { kind: i.answer as 'reply' | 'flow' | 'articles', sensitive: i.sensitive, complaint: i.complaint }]));
    for (const r of classification?.ranked ?? []) if (r.intent.startsWith(ARTICLE_INTENT_PREFIX)) policies.set(r.intent, { kind: 'articles', sensitive: false, complaint: false });
    // Who serves this customer: their segments, else the vertical (complaints and money matters may go to people), else the default.
    const top = classification?.ranked[0];
    const topPolicy = top && top.confidence >= classification.threshold ? policies.get(top.intent) : undefined;
    const service = await segments.serviceFor(workspace.id, scope.conversation.customerId, { complaint: topPolicy?.complaint ?? false, money: topPolicy?.sensitive ?? false });
    state.segments = service.segments;
    const decision = decideTurn({
      text,
      ranked: classification?.ranked ?? [],
      threshold: classification?.threshold ?? 1,
      clarifyMargin: CLARIFY_MARGIN,
      intents: policies,
      lowConfidenceStreak: state.lowConfidenceStreak,
      previousCustomerTexts: previousTexts,
      humanFirst: service.strategy === 'human-first',
      missesBeforeHandoff: service.fastEscalation ? 1 : 2,
    });
    const t = translator(locale);
    switch (decision.kind) {
      case 'empty':
        return [reply(locale, t('bot.empty'))];
      case 'handoff':
        if (decision.intent) state.intents = rememberLast(state.intents, decision.intent, 5);
        return handOffWith(scope, decision.reason, decision.intent?.confidence ?? classification?.confidence ?? null);
      case 'clarify': {
        state.clarify = [decision.options[0].intent, decision.options[1].intent];
        const label = (key: string) => (intents.get(key)?.title[locale] ?? intents.get(key)?.title.en ?? key).slice(0, 80);
        return [reply(locale, t('bot.clarify'), { quickReplies: decision.options.map((o) => ({ label: label(o.intent), value: label(o.intent) })) })];
      }
      case 'intent':
        state.lowConfidenceStreak = 0;
        state.intents = rememberLast(state.intents, decision.intent, 5);
        return answerIntent(scope, intents.get(decision.intent.intent), decision.intent.intent);
      case 'not_sure':
        return notSure(scope);
    }
  }

  /** Loads what one turn needs once (workspace, session, customer), responds, and saves the session. */
  async function turn(conversation: ConversationRecord, message: MessageRecord): Promise<BotReply[]> {
    const { workspaceId } = conversation;
    const workspace = await findWorkspace(db, workspaceId);
    if (!workspace) return [];
    if (!workspace.settings.bot.enabled) {
      // The bot was switched off while this conversation was with it: people take it from here.
      await handoff.handOff({ workspaceId, conversationId: conversation.id, reason: 'bot_disabled', lastText: message.body });
      return [];
    }
    const state = readBotState(await loadSession(db, workspaceId, conversation.id));
    const customer = await customers.get(workspaceId, conversation.customerId);
    const text = message.body.slice(0, 4000);
    const detected = detectLanguage(text).locale;
    const preferred = customer.attributes.locale;
    const locale: Locale = detected ?? state.language ?? (typeof preferred === 'string' && isLocale(preferred) ? preferred : 'en');
    state.language = locale;
    const ctx: FlowContext = { locale, now: clock(), attributes: customer.attributes, segments: [], customer: { name: customer.name } };
    if (!customer.consent.automation) {
      // The customer declined automation: people answer them, and the bot keeps nothing of this turn.
      return handOffWith({ conversation, workspace, state, ctx, text }, 'no_automation_consent', null);
    }
    const previousTexts = state.recentTexts;
    state.recentTexts = rememberLast(previousTexts, text, 3);
    const replies = await respond({ conversation, workspace, state, ctx, text }, previousTexts);
    await saveSession(db, workspaceId, conversation.id, state as unknown as Record<string, unknown>, clock());
    return replies;
  }

  async function run(queued: ConversationRecord, message: MessageRecord): Promise<void> {
    // An agent may have taken the conversation since the message arrived: then the bot stays quiet.
    const conversation = await findConversation(db, queued.workspaceId, queued.id);
    if (conversation?.handler !== 'bot') return;
    try {
      await send(conversation, message, await turn(conversation, message));
    } catch (error) {
      // Never stuck: a failed turn hands the conversation to people.
      log.error({ err: error, workspaceId: conversation.workspaceId, conversationId: conversation.id }, 'bot turn failed; handing off');
      await handoff.handOff({ workspaceId: conversation.workspaceId, conversationId: conversation.id, reason: 'bot_error', lastText: message.body }).catch((e: unknown) => log.error({ err: e }, 'handoff after bot failure failed'));
    }
  }

  return {
    /** Queues the bot's turn for a customer message (in order per conversation); returns at once. */
    afterCustomerMessage(conversation: ConversationRecord, message: MessageRecord): void {
      if (conversation.handler !== 'bot' || message.author !== 'customer') return;
      const previous = queues.get(conversation.id) ?? Promise.resolve();
      const next = previous.then(() => run(conversation, message));
      queues.set(conversation.id, next);
      void next.finally(() => { if (queues.get(conversation.id) === next) queues.delete(conversation.id); });
    },
    /** Resolves when every queued turn has run (tests, shutdown). */
    async settled(): Promise<void> {
      while (queues.size > 0) await Promise.allSettled([...queues.values()]);
    },
  };
}

export type BotTurnService = ReturnType<typeof createBotTurnService>;
