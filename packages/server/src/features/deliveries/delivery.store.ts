import { and, eq, sql } from 'drizzle-orm';
import type { ChannelKind, DeliveryStatus } from '@tandem/core';
import { rowsOf, type Queryable, type Tx } from '../../adapters/postgres/database.ts';
import { deliveries, messages } from '../../adapters/postgres/schema.ts';
import { messageFromRow } from '../../adapters/postgres/row-mappers.ts';
import type { MessageRecord } from '../../domain/records.ts';

/** Channels whose messages leave the product through a provider; web messages are delivered live. */
export const SENT_CHANNELS: readonly ChannelKind[] = ['email', 'sms', 'whatsapp'];

export interface DeliveryRecord {
  workspaceId: string;
  id: string;
  messageId: string;
  conversationId: string;
  channel: ChannelKind;
  attempts: number;
  providerMessageId: string | null;
}

/** A public message by an agent or the bot on email, SMS or WhatsApp must be sent. */
export const needsDelivery = (m: MessageRecord): boolean =>
  !m.private && (m.author === 'agent' || m.author === 'bot') && SENT_CHANNELS.includes(m.channel);

/** One job per message to send, in the message's transaction: acknowledged means it will go out. */
export async function insertDeliveries(tx: Tx, batch: readonly MessageRecord[], options: { now: Date; newId: () => string }): Promise<void> {
  const due = batch.filter(needsDelivery);
  if (due.length === 0) return;
  await tx.insert(deliveries).values(due.map((m) => ({
    workspaceId: m.workspaceId,
    id: options.newId(),
    messageId: m.id,
    conversationId: m.conversationId,
    channel: m.channel,
    status: 'pending',
    nextAttemptAt: options.now,
    createdAt: options.now,
    updatedAt: options.now,
  }))).onConflictDoNothing();
}

export async function workspacesWithDueDeliveries(q: Queryable, now: Date): Promise<string[]> {
  const rows = rowsOf<{ workspace_id: string }>(await q.execute(sql`
    SELECT DISTINCT workspace_id FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz`));
  return rows.map((r) => r.workspace_id);
}

/**
 * Takes up to `limit` due jobs of a workspace and leases them: each attempt is counted and the
 * job becomes due again after the lease, so a process that dies mid-send loses nothing (the
 * provider may then see the send twice; email Message-IDs and provider ids make that visible).
 */
export async function claimDueDeliveries(q: Queryable, workspaceId: string, options: { now: Date; leaseSeconds: number; limit: number }): Promise<DeliveryRecord[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseSeconds * 1000).toISOString();
  const rows = rowsOf<Record<string, unknown>>(await q.execute(sql`
    UPDATE deliveries d SET attempts = d.attempts + 1, next_attempt_at = ${leaseUntil}::timestamptz, updated_at = ${options.now.toISOString()}::timestamptz
    WHERE (d.workspace_id, d.id) IN (
      SELECT workspace_id, id FROM deliveries
      WHERE workspace_id = ${workspaceId} AND status = 'pending' AND next_attempt_at <= ${options.now.toISOString()}::timestamptz
      ORDER BY next_attempt_at LIMIT ${options.limit} FOR UPDATE SKIP LOCKED)
    RETURNING d.workspace_id, d.id, d.message_id, d.conversation_id, d.channel, d.attempts, d.provider_message_id`));
  return rows.map((r) => ({
    workspaceId: String(r.workspace_id),
    id: String(r.id),
    messageId: String(r.message_id),
    conversationId: String(r.conversation_id),
    channel: r.channel as ChannelKind,
    attempts: Number(r.attempts),
    providerMessageId: (r.provider_message_id as string | null) ?? null,
  }));
}

export async function finishDelivery(
  tx: Tx,
  job: DeliveryRecord,
  outcome: { status: 'sent' | 'failed' | 'pending'; now: Date; nextAttemptAt?: Date; providerMessageId?: string; error?: string },
): Promise<void> {
  await tx.update(deliveries).set({
    status: outcome.status,
    updatedAt: outcome.now,
    ...(outcome.nextAttemptAt ? { nextAttemptAt: outcome.nextAttemptAt } : {}),
    ...(outcome.providerMessageId ? { providerMessageId: outcome.providerMessageId } : {}),
    lastError: outcome.error ?? null,
  }).where(and(eq(deliveries.workspaceId, job.workspaceId), eq(deliveries.id, job.id)));
}

export async function findDeliveryByProviderId(q: Queryable, workspaceId: string, channel: ChannelKind, providerMessageId: string): Promise<DeliveryRecord | null> {
  const [row] = await q.select().from(deliveries).where(and(
    eq(deliveries.workspaceId, workspaceId), eq(deliveries.channel, channel), eq(deliveries.providerMessageId, providerMessageId),
  )).limit(1);
  return row ? { ...row, channel: row.channel as ChannelKind } : null;
}

/** Sets a message's delivery status under a row lock and returns it, or null when it is gone. */
export async function setMessageDelivery(
  tx: Tx,
  key: { workspaceId: string; messageId: string },
  next: (current: MessageRecord) => { status: DeliveryStatus; error: string | null },
): Promise<{ before: MessageRecord; after: MessageRecord } | null> {
  const [row] = await tx.select().from(messages)
    .where(and(eq(messages.workspaceId, key.workspaceId), eq(messages.id, key.messageId))).for('update');
  if (!row) return null;
  const before = messageFromRow(row);
  const change = next(before);
  if (change.status === before.deliveryStatus && change.error === before.deliveryError) return { before, after: before };
  await tx.update(messages).set({ deliveryStatus: change.status, deliveryError: change.error })
    .where(and(eq(messages.workspaceId, key.workspaceId), eq(messages.id, key.messageId)));
  return { before, after: { ...before, deliveryStatus: change.status, deliveryError: change.error } };
}
