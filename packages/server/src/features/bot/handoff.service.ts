import { and, desc, eq, inArray } from 'drizzle-orm';
import { availabilityAt, type Availability } from '@tandem/core';
import type { z } from 'zod';
import type { HandoffPacket } from '@tandem/protocol';
import { kbArticles, kbFeedback, kbSearches } from '../../adapters/postgres/schema.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { ConversationService } from '../conversations/conversation.service.ts';
import type { CustomerService } from '../customers/customer.service.ts';
import { listTimeline } from '../customers/timeline.store.ts';
import { transact } from '../feed/transact.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { collectedSlots, type BotState } from './bot-state.ts';
import { insertHandoff, listHandoffs } from './bot.store.ts';
import type { RoutingService } from '../routing/routing.service.ts';

/** A customer marked VIP by the host system (`vip: true` or `tier: "vip"`) is boosted in the queue. */
const isVip = (attributes: Record<string, unknown>) => attributes.vip === true || attributes.tier === 'vip';

type Packet = z.infer<typeof HandoffPacket>;

export interface HandoffResult {
  /** The agent routing chose at once, if any. */
  assignedTo: { id: string; name: string } | null;
  /** Place in the workspace's queue (1 = next), or null if already with an agent. */
  position: number | null;
  expectedWaitSeconds: number | null;
  availability: Availability;
}

function summarize(reason: string, state: BotState | null, lastText: string | null): string {
  const parts = [`Handed off: ${reason.replace(/_/g, ' ')}.`];
  if (lastText) parts.push(`Last message: "${lastText.slice(0, 200)}".`);
  const intent = state?.intents.at(-1);
  if (intent) parts.push(`Understood as ${intent.intent} (${Math.round(intent.confidence * 100)}%).`);
  if (state?.flow) parts.push(`In flow ${state.flow.flow} at step ${state.flow.step}.`);
  const slots = Object.entries(collectedSlots(state));
  if (slots.length) parts.push(`Collected: ${slots.map(([k, v]) => `${k}=${v}`).join(', ')}.`);
  if (state?.articlesShown.length) parts.push(`Articles shown: ${state.articlesShown.map((a) => a.title).join('; ')}.`);
  return parts.join(' ');
}

/**
 * The move from the bot to people: the conversation joins the queue and gets a context packet
 * (what the bot understood, collected and showed; the customer's searches and pages), so the
 * agent never asks again. The customer hears their place in the queue over the WebSocket.
 */
export function createHandoffService(deps: ServiceDeps & { conversations: ConversationService; customers: CustomerService; routing: RoutingService }) {
  const { db, clock, ids, conversations, customers, routing } = deps;

  /** Whether each shown article helped, by the customer's own latest "did this answer your question?" vote. */
  async function articleVotes(workspaceId: string, customerId: string, keys: readonly string[]): Promise<Map<string, boolean>> {
    if (keys.length === 0) return new Map();
    const rows = await db.select({ key: kbArticles.key, helpful: kbFeedback.helpful }).from(kbFeedback)
      .innerJoin(kbArticles, and(eq(kbArticles.workspaceId, kbFeedback.workspaceId), eq(kbArticles.id, kbFeedback.articleId)))
      .where(and(eq(kbFeedback.workspaceId, workspaceId), eq(kbFeedback.customerId, customerId), inArray(kbArticles.key, [...keys])))
      .orderBy(desc(kbFeedback.createdAt));
    const votes = new Map<string, boolean>();
    for (const row of rows) if (!votes.has(row.key)) votes.set(row.key, row.helpful);
    return votes;
  }

  async function packet(workspaceId: string, customerId: string, reason: string, state: BotState | null, lastText: string | null): Promise<Packet> {
    const shown = state?.articlesShown ?? [];
    const [customer, timeline, searches, votes] = await Promise.all([
      customers.get(workspaceId, customerId),
      listTimeline(db, workspaceId, [customerId], { before: null, limit: 100 }),
      db.select({ query: kbSearches.query }).from(kbSearches)
        .where(and(eq(kbSearches.workspaceId, workspaceId), eq(kbSearches.customerId, customerId))).orderBy(desc(kbSearches.createdAt)).limit(10),
      articleVotes(workspaceId, customerId, shown.map((a) => a.key)),
    ]);
    return {
      summary: summarize(reason, state, lastText),
      reason,
      language: state?.language ?? null,
      intents: state?.intents.slice(-5) ?? [],
      slots: collectedSlots(state),
      flow: state?.flow?.flow ?? null,
      articlesShown: shown.map((a) => ({ ...a, helped: votes.get(a.key) ?? null })),
      searches: searches.map((s) => s.query),
      pagesVisited: timeline.filter((e) => e.type === 'page.viewed').slice(0, 10)
        .map((e) => ({ url: (e.data.url as string | null) ?? null, title: (e.data.title as string | null) ?? null, at: e.occurredAt.toISOString() })),
      customer: { name: customer.name, attributes: customer.attributes },
      segment: state?.segments[0] ?? null,
    };
  }

  return {
    async handOff(input: { workspaceId: string; conversationId: string; reason: string; state?: BotState | null; lastText?: string | null; confidence?: number | null; teamId?: string | null; agentId?: string | null }): Promise<HandoffResult> {
      const { workspaceId, conversationId } = input;
      const conversation = await conversations.get(workspaceId, conversationId);
      const contextPacket = await packet(workspaceId, conversation.customerId, input.reason, input.state ?? null, input.lastText ?? null);
      await transact(deps, async (tx) => {
        await insertHandoff(tx, { workspaceId, id: ids(), conversationId, reason: input.reason, packet: contextPacket, confidence: input.confidence ?? null, createdAt: clock() });
        await customers.timeline(tx, workspaceId, conversation.customerId, 'handoff.requested', { from: conversation.handler, reason: input.reason }, conversationId);
      });
      const workspace = await findWorkspace(db, workspaceId);
      const workspaceHours = availabilityAt(workspace?.settings.businessHours ?? null, clock());
      if (conversation.handler === 'agent') return { assignedTo: null, position: null, expectedWaitSeconds: null, availability: workspaceHours };
      const flags = [...(input.reason === 'complaint' ? ['complaint'] : []), ...(isVip(contextPacket.customer.attributes) ? ['vip'] : [])];
      const { opensAt, ...routed } = await routing.enqueue(workspaceId, conversationId, { teamId: input.teamId, language: input.state?.language, targetAgentId: input.agentId ?? null, flags, reason: `handed off by the bot: ${input.reason.replace(/_/g, ' ')}` });
      // The team's own hours, when it has them, say when a person will be there.
      return { ...routed, availability: opensAt && !routed.assignedTo ? { open: false, nextOpenAt: opensAt } : workspaceHours };
    },

    list: (workspaceId: string, conversationId: string) => listHandoffs(db, workspaceId, conversationId),
  };
}

export type HandoffService = ReturnType<typeof createHandoffService>;
