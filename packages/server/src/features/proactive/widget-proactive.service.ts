import type { z } from 'zod';
import { anyUrlMatches, audienceMatches, decideExposure, isWebTrigger, LOCALES, pickText, type Locale, type ProactiveAction } from '@tandem/core';
import type { ExposureClaim, ExposureClaimBody, WidgetProactive, WidgetRule } from '@tandem/protocol';
import { appError } from '../../platform/app-error.ts';
import { transact } from '../feed/transact.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { WorkspaceRecord } from '../../domain/records.ts';
import type { CustomerService } from '../customers/customer.service.ts';
import { findCustomer } from '../customers/customer.store.ts';
import { articleUrl } from '../kb/article-search.service.ts';
import { listGuides } from '../kb/guide.store.ts';
import { findArticles, publishedByKeys } from '../kb/kb.store.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { insertExposure, pastExposures, setEngagement } from './exposure.store.ts';
import { findPreferences, savePreference } from '../outreach/contact-preferences.store.ts';
import { findRule, listRules } from './rule.store.ts';
import { visitorFacts } from './visitor-facts.ts';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The widget's side of proactive rules. The widget evaluates triggers on the page (no round
 * trip per page view); this service is the source of truth for who may see what and how often,
 * and logs every decision, suppressions with their reason.
 */
export function createWidgetProactiveService(deps: ServiceDeps & { customers: CustomerService }) {
  const { db, clock, ids, customers } = deps;

  async function workspaceOf(workspaceId: string): Promise<WorkspaceRecord> {
    const workspace = await findWorkspace(db, workspaceId);
    if (!workspace) throw appError('workspace.not_found');
    return workspace;
  }

  async function presentAction(workspace: WorkspaceRecord, action: ProactiveAction, locale: Locale): Promise<WidgetRule['action'] | null> {
    const base = { text: pickText(action.text, locale), quickReplies: [] as string[], guideKey: null as string | null, articles: [] as WidgetRule['action']['articles'] };
    switch (action.kind) {
      case 'bot_message':
        return { ...base, kind: action.kind, quickReplies: action.quickReplies.map((q) => pickText(q, locale)) };
      case 'offer_person':
        return { ...base, kind: action.kind };
      case 'open_guide': {
        const guide = (await listGuides(db, workspace.id)).find((g) => g.id === action.guideId);
        return guide ? { ...base, kind: action.kind, guideKey: guide.key } : null;
      }
      case 'suggest_articles': {
        const keys = (await findArticles(db, workspace.id, action.articleIds)).map((a) => a.key);
        const localized = await publishedByKeys(db, workspace.id, locale, keys);
        const shown = localized.length ? localized : await publishedByKeys(db, workspace.id, 'en', keys);
        if (shown.length === 0) return null;
        return { ...base, kind: action.kind, articles: shown.map((a) => ({ id: a.id, title: a.title, url: articleUrl(workspace.slug, a) })) };
      }
      case 'send_message':
        return null;
    }
  }

  return {
    /** The rules this visitor may meet on this visit, their texts in the visitor's language. */
    async rulesFor(workspaceId: string, customerId: string, sessionId: string): Promise<WidgetProactive> {
      const workspace = await workspaceOf(workspaceId);
      const caps = workspace.settings.proactive;
      const customer = await customers.get(workspaceId, customerId);
      const now = clock();
      const [preferences, past, rules] = await Promise.all([
        findPreferences(db, workspaceId, customerId),
        pastExposures(db, workspaceId, customerId, new Date(now.getTime() - WEEK_MS)),
        listRules(db, workspaceId, { enabled: true, web: true }),
      ]);
      const sessionCapReached = past.filter((p) => p.sessionId === sessionId).length >= caps.perSession || past.length >= caps.perWeek;
      const blocked = preferences.doNotDisturb || sessionCapReached || (caps.requireConsent && !customer.consent.behaviour);
      const facts = blocked || rules.length === 0 ? null : await visitorFacts(db, workspace, customer, now);
      const locale = facts?.locale ?? 'en';
      const present: WidgetRule[] = [];
      for (const rule of facts ? rules.filter((r) => audienceMatches(r.audience, facts)) : []) {
        const action = isWebTrigger(rule.trigger) ? await presentAction(workspace, rule.action, locale) : null;
        if (action) present.push({ id: rule.id, trigger: rule.trigger, action, allowWhileTyping: rule.allowWhileTyping, allowDuringPurchase: rule.allowDuringPurchase });
      }
      return { rules: present, purchaseUrlPatterns: caps.purchaseUrlPatterns, doNotDisturb: preferences.doNotDisturb, sessionCapReached };
    },

    /** A trigger fired in the widget: decide (caps, consent, audience, the moment), log, answer. */
    async claim(workspaceId: string, customerId: string, body: z.output<typeof ExposureClaimBody>): Promise<ExposureClaim> {
      const workspace = await workspaceOf(workspaceId);
      const rule = await findRule(db, workspaceId, body.ruleId);
      if (!rule || !isWebTrigger(rule.trigger)) throw appError('proactive_rule.not_found');
      const customer = await customers.get(workspaceId, customerId);
      const now = clock();
      const [preferences, past, facts] = await Promise.all([
        findPreferences(db, workspaceId, customerId),
        pastExposures(db, workspaceId, customerId, new Date(now.getTime() - WEEK_MS)),
        visitorFacts(db, workspace, customer, now),
      ]);
      const caps = workspace.settings.proactive;
      const outcome = decideExposure({
        rule,
        caps,
        customerId,
        sessionId: body.sessionId,
        now,
        doNotDisturb: preferences.doNotDisturb,
        behaviourConsent: customer.consent.behaviour,
        audienceMatches: audienceMatches(rule.audience, facts),
        agentsAvailable: facts.agentsAvailable,
        typing: body.typing,
        // The server checks the page too: a widget cannot talk its way past the purchase pages.
        purchasing: body.purchasing || (body.url !== undefined && anyUrlMatches(caps.purchaseUrlPatterns, body.url)),
        past,
      });
      const id = ids();
      const reason = outcome.kind === 'suppressed' ? outcome.reason : null;
      await insertExposure(db, { workspaceId, id, ruleId: rule.id, customerId, sessionId: body.sessionId, outcome: outcome.kind, reason, url: body.url ?? null, engagement: null, occurredAt: now });
      return { id, outcome: outcome.kind, reason };
    },

    /** A click lands on the customer's journey, so the agent sees what they answered without asking. */
    async engage(workspaceId: string, customerId: string, exposureId: string, engagement: 'clicked' | 'dismissed'): Promise<void> {
      await transact(deps, async (tx) => {
        const ruleId = await setEngagement(tx, workspaceId, customerId, exposureId, engagement);
        if (!ruleId) throw appError('proactive_rule.not_found', 'No such shown message.');
        const rule = engagement === 'clicked' ? await findRule(tx, workspaceId, ruleId) : null;
        if (!rule) return;
        const customer = await findCustomer(tx, workspaceId, customerId);
        const locale = LOCALES.find((l) => l === customer?.attributes.locale) ?? 'en';
        await customers.timeline(tx, workspaceId, customerId, 'proactive.clicked', { name: rule.name, title: pickText(rule.action.text, locale) });
      });
    },

    setDoNotDisturb: (workspaceId: string, customerId: string, on: boolean) => savePreference(db, workspaceId, customerId, { doNotDisturb: on }, clock()),
  };
}

export type WidgetProactiveService = ReturnType<typeof createWidgetProactiveService>;
