import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { audienceMatches, chooseOutreachChannel, fillTemplate, pickText, type OutreachChannel } from '@tandem/core';
import type { BusinessEventBody, BusinessEventResult } from '@tandem/protocol';
import { inTransaction, type Tx } from '../../adapters/postgres/database.ts';
import { businessEvents } from '../../adapters/postgres/schema.ts';
import type { FeedEventRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { CustomerService } from '../customers/customer.service.ts';
import { findCustomer, findCustomerIdByIdentity } from '../customers/customer.store.ts';
import type { DeliveryService } from '../deliveries/delivery.service.ts';
import { appendFeed, type NewFeedEvent } from '../feed/feed.store.ts';
import { publishFeed } from '../feed/feed.publisher.ts';
import { listRules } from '../proactive/rule.store.ts';
import { visitorFacts } from '../proactive/visitor-facts.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { reachOf } from './outreach-reach.ts';
import { storeOutreach } from './outreach-send.ts';
import type { Unsubscribe } from './unsubscribe.ts';

type Result = z.infer<typeof BusinessEventResult>;
// WhatsApp needs a template outside its 24-hour window, which an event message does not carry.
const EVENT_CHANNELS: readonly OutreachChannel[] = ['email', 'sms', 'web'];

/**
 * The host system reports something that happened to a customer (`order_delayed`): each enabled
 * rule for that event sends its message over the customer's channel, in a conversation they can
 * answer. With an idempotency key, a retried post is answered from the first without sending again.
 */
export function createBusinessEventService(deps: ServiceDeps & { customers: CustomerService; deliveries: DeliveryService; unsubscribe: Unsubscribe }) {
  const { db, clock, ids, customers } = deps;

  async function customerFor(tx: Tx, workspaceId: string, who: z.output<typeof BusinessEventBody>['customer']): Promise<string> {
    const handles = [['external', who.externalId], ['email', who.email], ['phone', who.phone]] as const;
    for (const [kind, value] of handles) {
      const found = value && (await findCustomerIdByIdentity(tx, workspaceId, kind, kind === 'email' ? value.toLowerCase() : value));
      if (found) return found;
    }
    const identities = handles.flatMap(([kind, value]) => (value ? [{ kind, value }] : []));
    return (await customers.createIn(tx, workspaceId, { identities })).id;
  }

  return {
    async post(workspaceId: string, event: z.output<typeof BusinessEventBody>): Promise<Result> {
      const workspace = await findWorkspace(db, workspaceId);
      if (!workspace) throw appError('workspace.not_found');
      let stored: FeedEventRecord[] = [];
      const result = await inTransaction(db, async (tx): Promise<Result> => {
        if (event.idempotencyKey) {
          const inserted = await tx.insert(businessEvents).values({ workspaceId, idempotencyKey: event.idempotencyKey, name: event.name, result: {}, createdAt: clock() })
            .onConflictDoNothing().returning({ key: businessEvents.idempotencyKey });
          if (inserted.length === 0) {
            const [earlier] = await tx.select({ result: businessEvents.result }).from(businessEvents)
              .where(and(eq(businessEvents.workspaceId, workspaceId), eq(businessEvents.idempotencyKey, event.idempotencyKey)));
            return { ...(earlier!.result as Omit<Result, 'duplicate'>), duplicate: true };
          }
        }
        const customerId = await customerFor(tx, workspaceId, event.customer);
        const customer = (await findCustomer(tx, workspaceId, customerId))!;
        const now = clock();
        const facts = await visitorFacts(tx, workspace, customer, now);
        const reach = (await reachOf(tx, workspaceId, [customerId])).get(customerId)!;
        const outcome: Result = { duplicate: false, sent: [], skipped: [] };
        const feedEvents: NewFeedEvent[] = [];
        for (const rule of await listRules(tx, workspaceId, { enabled: true, event: event.name })) {
          if (rule.action.kind !== 'send_message') continue;
          if (!audienceMatches(rule.audience, facts)) {
            outcome.skipped.push({ ruleId: rule.id, reason: 'audience' });
            continue;
          }
          const choice = chooseOutreachChannel(EVENT_CHANNELS, 'service', reach);
          if ('skipped' in choice) {
            outcome.skipped.push({ ruleId: rule.id, reason: choice.skipped });
            continue;
          }
          const locale = facts.locale ?? 'en';
          const footer = choice.channel === 'email' ? await deps.unsubscribe.footer(tx, workspaceId, customerId, locale) : '';
          const { sent, feed } = await storeOutreach(tx, [{
            workspaceId,
            customerId,
            channel: choice.channel,
            subject: rule.action.subject ? fillTemplate(rule.action.subject, event.data) : null,
            body: fillTemplate(pickText(rule.action.text, locale), event.data) + footer,
            template: null,
            author: { kind: 'bot', id: null },
            idempotencyKey: `event:${event.idempotencyKey ?? ids()}:${rule.id}`,
            status: rule.action.openConversation ? 'pending' : 'resolved',
            handler: workspace.settings.bot.enabled ? 'bot' : 'queue',
          }], { now, newId: ids });
          feedEvents.push(...feed);
          for (const s of sent) outcome.sent.push({ ruleId: rule.id, channel: choice.channel, conversationId: s.conversation.id });
        }
        await customers.timeline(tx, workspaceId, customerId, 'custom', { name: event.name, url: null, props: event.data, source: 'host' });
        if (event.idempotencyKey) {
          await tx.update(businessEvents).set({ result: { sent: outcome.sent, skipped: outcome.skipped } })
            .where(and(eq(businessEvents.workspaceId, workspaceId), eq(businessEvents.idempotencyKey, event.idempotencyKey)));
        }
        stored = await appendFeed(tx, feedEvents, now);
        return outcome;
      });
      publishFeed(deps.bus, stored, deps.log);
      if (result.sent.length) deps.deliveries.kick(workspaceId);
      return result;
    },
  };
}

export type BusinessEventService = ReturnType<typeof createBusinessEventService>;
