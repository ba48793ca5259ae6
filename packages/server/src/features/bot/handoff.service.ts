import { and, count, desc, eq, inArray, lt } from 'drizzle-orm';
import { availabilityAt, type Availability } from '@tandem/core';
import type { z } from 'zod';
import type { HandoffPacket } from '@tandem/protocol';
import { topics } from '../../adapters/bus/event-bus.ts';
import { conversations as conversationsTable, kbArticles, kbFeedback, kbSearches } from '../../adapters/postgres/schema.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { ConversationService } from '../conversations/conversation.service.ts';
import type { CustomerService } from '../customers/customer.service.ts';
import { listTimeline } from '../customers/timeline.store.ts';
import { transact } from '../feed/transact.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { collectedSlots, type BotState } from './bot-state.ts';
import { insertHandoff, listHandoffs } from './bot.store.ts';

type Packet = z.infer<typeof HandoffPacket>;

export interface HandoffResult {
  /** Place in the workspace's queue (1 = next), or null if already with an agent. */
  position: number | null;
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
export function createHandoffService(deps: ServiceDeps & { conversations: ConversationService; customers: CustomerService }) {
  const { db, bus, clock, ids, log, conversations, customers } = deps;

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
      segment: null,
    };
  }

  async function queuePosition(workspaceId: string, since: Date): Promise<number> {
    const [row] = await db.select({ ahead: count() }).from(conversationsTable).where(and(
      eq(conversationsTable.workspaceId, workspaceId),
      eq(conversationsTable.handler, 'queue'),
      eq(conversationsTable.status, 'open'),
      lt(conversationsTable.lastActivityAt, since),
    ));
    return (row?.ahead ?? 0) + 1;
  }

  return {
    async handOff(input: { workspaceId: string; conversationId: string; reason: string; state?: BotState | null; lastText?: string | null; confidence?: number | null }): Promise<HandoffResult> {
      const { workspaceId, conversationId } = input;
      const conversation = await conversations.get(workspaceId, conversationId);
      const contextPacket = await packet(workspaceId, conversation.customerId, input.reason, input.state ?? null, input.lastText ?? null);
      const updated = conversation.handler === 'bot' ? await conversations.update(workspaceId, conversationId, { handler: 'queue' }) : conversation;
      await transact(deps, async (tx) => {
        await insertHandoff(tx, { workspaceId, id: ids(), conversationId, reason: input.reason, packet: contextPacket, confidence: input.confidence ?? null, createdAt: clock() });
        await customers.timeline(tx, workspaceId, conversation.customerId, 'handoff.requested', { from: conversation.handler, reason: input.reason }, conversationId);
      });
      const workspace = await findWorkspace(db, workspaceId);
      const availability = availabilityAt(workspace?.settings.businessHours ?? null, clock());
      const position = updated.handler === 'queue' ? await queuePosition(workspaceId, updated.lastActivityAt) : null;
      await bus.publish(topics.customer(workspaceId, conversation.customerId), { type: 'queue', conversationId, position, expectedWaitSeconds: null })
        .catch((error: unknown) => log.warn({ err: error }, 'queue publish failed'));
      return { position, availability };
    },

    list: (workspaceId: string, conversationId: string) => listHandoffs(db, workspaceId, conversationId),
  };
}

export type HandoffService = ReturnType<typeof createHandoffService>;
