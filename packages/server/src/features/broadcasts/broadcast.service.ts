import type { z } from 'zod';
import { chooseOutreachChannel, pickText, sendsAllowed, type Locale, LOCALES } from '@tandem/core';
import type { BroadcastBody } from '@tandem/protocol';
import { inTransaction } from '../../adapters/postgres/database.ts';
import type { FeedEventRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { DeliveryService } from '../deliveries/delivery.service.ts';
import { appendFeed } from '../feed/feed.store.ts';
import { publishFeed } from '../feed/feed.publisher.ts';
import { listSegments } from '../segments/segment.store.ts';
import { reachOf } from '../outreach/outreach-reach.ts';
import { storeOutreach, type OutreachMessage } from '../outreach/outreach-send.ts';
import type { Unsubscribe } from '../outreach/unsubscribe.ts';
import { audienceCustomerIds } from './broadcast-audience.ts';
import {
  addRecipients, dueBroadcasts, findBroadcast, insertBroadcast, listBroadcasts, listRecipients, recipientCounts, sentInLastMinute,
  setBroadcastStatus, skipPending, takePending, updateRecipients, workspacesWithDueBroadcasts, type BroadcastRecord, type RecipientChange,
} from './broadcast.store.ts';

// Recipients handled per transaction: big enough to be quick, small enough to keep locks short.
const BATCH = 250;

/**
 * Broadcasts: a notice to an audience over each customer's channel. The recipient list is
 * written once; each batch of recipients is locked, their conversations and messages (with
 * their send jobs) stored and the recipients marked in one transaction, so a restart
 * mid-broadcast resumes where it stopped and never sends anyone the notice twice.
 */
export function createBroadcastService(deps: ServiceDeps & { deliveries: DeliveryService; unsubscribe: Unsubscribe }) {
  const { db, clock, ids, deliveries, unsubscribe } = deps;
  const kicked = new Set<Promise<void>>();

  async function get(workspaceId: string, id: string) {
    const broadcast = await findBroadcast(db, workspaceId, id);
    if (!broadcast) throw appError('broadcast.not_found');
    return { ...broadcast, counts: await recipientCounts(db, workspaceId, id) };
  }

  async function sendBatch(b: BroadcastRecord): Promise<number> {
    let stored: FeedEventRecord[] = [];
    const handled = await inTransaction(db, async (tx) => {
      const now = clock();
      const room = Math.min(BATCH, sendsAllowed(b.ratePerMinute, await sentInLastMinute(tx, b.workspaceId, b.id, now)));
      if (room <= 0) return 0;
      const taken = await takePending(tx, b.workspaceId, b.id, room);
      if (taken.length === 0) return 0;
      const reach = await reachOf(tx, b.workspaceId, taken);
      const changes: RecipientChange[] = [];
      const messages: OutreachMessage[] = [];
      for (const customerId of taken) {
        const r = reach.get(customerId);
        const usable = r && { ...r, reachable: b.message.whatsappTemplate ? r.reachable : r.reachable.filter((c) => c !== 'whatsapp') };
        const choice = usable ? chooseOutreachChannel(b.channels, b.purpose, usable) : { skipped: 'unreachable' as const };
        if ('skipped' in choice) {
          changes.push({ customerId, status: 'skipped', channel: null, reason: choice.skipped, conversationId: null, messageId: null });
          continue;
        }
        const locale: Locale = LOCALES.includes(r!.locale as Locale) ? (r!.locale as Locale) : 'en';
        const text = pickText(b.message.text, locale);
        const footer = choice.channel === 'email' ? await unsubscribe.footer(tx, b.workspaceId, customerId, locale) : '';
        messages.push({
          workspaceId: b.workspaceId,
          customerId,
          channel: choice.channel,
          subject: b.message.subject ?? b.name,
          body: text + footer,
          template: choice.channel === 'whatsapp' ? b.message.whatsappTemplate ?? null : null,
          author: { kind: 'agent', id: b.createdBy },
          idempotencyKey: `broadcast:${b.id}:${customerId}`,
          status: 'resolved',
          handler: 'queue',
        });
      }
      const { sent, feed } = await storeOutreach(tx, messages, { now, newId: ids });
      for (const { conversation, message } of sent) {
        changes.push({ customerId: conversation.customerId, status: message.channel === 'web' ? 'sent' : 'queued', channel: message.channel as RecipientChange['channel'], reason: null, conversationId: conversation.id, messageId: message.id });
      }
      await updateRecipients(tx, b.workspaceId, b.id, changes, now);
      stored = await appendFeed(tx, feed, now);
      return taken.length;
    });
    publishFeed(deps.bus, stored, deps.log);
    if (handled > 0) deliveries.kick(b.workspaceId);
    return handled;
  }

  async function runOne(b: BroadcastRecord): Promise<void> {
    if (b.status === 'scheduled') {
      await inTransaction(db, async (tx) => {
        const locked = await findBroadcast(tx, b.workspaceId, b.id, { lock: true });
        if (locked?.status !== 'scheduled') return;
        await addRecipients(tx, b.workspaceId, b.id, await audienceCustomerIds(tx, b.workspaceId, b.audience, clock()), clock());
        await setBroadcastStatus(tx, b.workspaceId, b.id, 'sending', null);
      });
    }
    while ((await sendBatch(b)) > 0) {
      const current = await findBroadcast(db, b.workspaceId, b.id);
      if (current?.status !== 'sending') return;
    }
    const counts = await recipientCounts(db, b.workspaceId, b.id);
    if (!counts.pending) await setBroadcastStatus(db, b.workspaceId, b.id, 'done', clock());
  }

  async function pass(workspaceId: string): Promise<void> {
    for (const b of await dueBroadcasts(db, workspaceId, clock())) await runOne(b);
  }

  return {
    list: async (workspaceId: string) => Promise.all((await listBroadcasts(db, workspaceId)).map(async (b) => ({ ...b, counts: await recipientCounts(db, workspaceId, b.id) }))),
    get,
    recipients: (workspaceId: string, id: string, filter: { status?: string | undefined; after: string | null; limit: number }) => listRecipients(db, workspaceId, id, filter),

    async create(workspaceId: string, agentId: string | null, input: z.output<typeof BroadcastBody>) {
      if (input.audience.kind === 'segment') {
        const key = input.audience.segment;
        if (!(await listSegments(db, workspaceId)).some((s) => s.key === key)) {
          throw appError('request.invalid', `No segment "${key}".`, { fields: [{ path: 'audience.segment', message: 'no such segment' }] });
        }
      }
      if (input.channels.includes('whatsapp') && !input.message.whatsappTemplate && input.channels.length === 1) {
        throw appError('request.invalid', 'WhatsApp notices need an approved template.', { fields: [{ path: 'message.whatsappTemplate', message: 'required for WhatsApp' }] });
      }
      const now = clock();
      const record: BroadcastRecord = {
        workspaceId, id: ids(), name: input.name, purpose: input.purpose, audience: input.audience, channels: input.channels, message: input.message,
        ratePerMinute: input.ratePerMinute, status: 'scheduled', createdBy: agentId, scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : now, createdAt: now, finishedAt: null,
      };
      await insertBroadcast(db, record);
      return { ...record, counts: {} };
    },

    async cancel(workspaceId: string, id: string) {
      await inTransaction(db, async (tx) => {
        const b = await findBroadcast(tx, workspaceId, id, { lock: true });
        if (!b) throw appError('broadcast.not_found');
        if (b.status === 'done' || b.status === 'cancelled') throw appError('broadcast.finished', `It is ${b.status}.`);
        await skipPending(tx, workspaceId, id, 'cancelled', clock());
        await setBroadcastStatus(tx, workspaceId, id, 'cancelled', clock());
      });
      return get(workspaceId, id);
    },

    workspacesToPass: () => workspacesWithDueBroadcasts(db, clock()),
    pass,

    /** Starts sending now, in the background (a broadcast was just created); the periodic pass covers the rest. */
    kick(workspaceId: string): void {
      const run = pass(workspaceId)
        .catch((error: unknown) => deps.log.error({ err: error, workspaceId }, 'broadcast pass failed'))
        .finally(() => kicked.delete(run));
      kicked.add(run);
    },

    /** Waits for kicked passes (graceful shutdown). */
    async settled(): Promise<void> {
      while (kicked.size > 0) await Promise.all([...kicked]);
    },
  };
}

export type BroadcastService = ReturnType<typeof createBroadcastService>;
