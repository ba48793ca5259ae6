import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { CreateWidgetSessionBody, TrackEventBody } from '@tandem/protocol';
import type { ConversationRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { ConversationService } from '../conversations/conversation.service.ts';
import type { CustomerService } from '../customers/customer.service.ts';
import { transact } from '../feed/transact.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { issueWidgetSession, type WidgetSessionResult } from './widget-session.ts';
import type { HandoffService } from '../bot/handoff.service.ts';
import { readBotState } from '../bot/bot-state.ts';
import { loadSession } from '../bot/bot.store.ts';

/** What a visitor does in the widget beyond messaging: asking for a person, their journey. */
export function createWidgetService(deps: ServiceDeps & { auth: AuthService; conversations: ConversationService; customers: CustomerService; handoff: HandoffService }) {
  const { conversations, customers, handoff } = deps;
  return {
    /** A new visitor: an anonymous customer with a web identity, and a widget token for them. */
    async startSession(workspaceId: string, input: z.output<typeof CreateWidgetSessionBody>): Promise<WidgetSessionResult> {
      if (!(await findWorkspace(deps.db, workspaceId))) throw appError('workspace.not_found');
      const customer = await transact(deps, (tx) =>
        customers.createIn(tx, workspaceId, {
          name: input.name,
          attributes: input.locale ? { locale: input.locale } : {},
          consent: input.consent,
          identities: [{ kind: 'web', value: randomBytes(16).toString('base64url') }],
        }),
      );
      return issueWidgetSession(deps, workspaceId, customer.id);
    },

    /** "Talk to a person": the conversation joins the queue with the bot's context packet; the request is on the journey. */
    async handoff(workspaceId: string, customerId: string, conversationId: string): Promise<ConversationRecord> {
      const conversation = await conversations.get(workspaceId, conversationId);
      if (conversation.customerId !== customerId) throw appError('conversation.not_found');
      const state = readBotState(await loadSession(deps.db, workspaceId, conversationId));
      await handoff.handOff({ workspaceId, conversationId, reason: 'asked', state });
      return conversations.get(workspaceId, conversationId);
    },

    /** Journey events are kept only for customers who allow behaviour tracking (consent.behaviour). */
    async track(workspaceId: string, customerId: string, event: z.output<typeof TrackEventBody>): Promise<boolean> {
      const customer = await customers.get(workspaceId, customerId);
      if (!customer.consent.behaviour) return false;
      const isPageView = event.name === 'page.viewed';
      const data = isPageView
        ? { url: event.url ?? null, title: event.title ?? null, referrer: event.referrer ?? null }
        : { name: event.name, url: event.url ?? null, props: event.props };
      await transact(deps, (tx) => customers.timeline(tx, workspaceId, customer.id, isPageView ? 'page.viewed' : 'custom', data));
      return true;
    },
  };
}

export type WidgetService = ReturnType<typeof createWidgetService>;
