import { advanceDelivery, retryAfterFailure, type ChannelKind, type DeliveryStatus } from '@tandem/core';
import type { Tx } from '../../adapters/postgres/database.ts';
import type { SendResult, StatusUpdate } from '../../channels/messaging-provider.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { transact, type Emit } from '../feed/transact.ts';
import { conversationsForHeaderIds } from '../channels/email-thread.store.ts';
import { claimDueDeliveries, finishDelivery, findDeliveryByProviderId, setMessageDelivery, workspacesWithDueDeliveries, type DeliveryRecord } from './delivery.store.ts';

/** Sends one message on its channel; throwing counts as a temporary failure. */
export interface ChannelSender {
  send(job: DeliveryRecord): Promise<SendResult>;
}

const LEASE_SECONDS = 120;
const CLAIM_BATCH = 20;

/**
 * The outbound job runner. A reply's job is stored with it (append-batch); `kick` sends it at
 * once, and the periodic pass picks up retries and whatever a stopped process left. Jobs are
 * leased with SKIP LOCKED, so several processes share them without sending one twice at a time.
 */
export function createDeliveryService(deps: ServiceDeps & { senders: Partial<Record<ChannelKind, ChannelSender>> }) {
  const { db, clock, log } = deps;
  let running: Promise<void> | null = null;
  // Workspaces kicked since their last run. A kick names its workspace: a process sends what its
  // own requests stored, and every workspace's leftovers wait for the periodic pass.
  const kicked = new Set<string>();

  async function updateMessage(tx: Tx, emit: Emit, job: Pick<DeliveryRecord, 'workspaceId' | 'messageId' | 'conversationId'>, status: DeliveryStatus, error: string | null) {
    const changed = await setMessageDelivery(tx, job, (m) => {
      const next = advanceDelivery(m.deliveryStatus, status);
      return { status: next, error: next === 'failed' || next === 'stored' ? error ?? m.deliveryError : null };
    });
    if (changed && changed.after !== changed.before) {
      emit({ workspaceId: job.workspaceId, type: 'message.delivery_updated', conversationId: job.conversationId, message: changed.after });
    }
  }

  async function record(job: DeliveryRecord, result: SendResult): Promise<void> {
    const now = clock();
    await transact(deps, async (tx, emit) => {
      if (result.kind === 'sent') {
        await finishDelivery(tx, job, { status: 'sent', now, providerMessageId: result.providerMessageId });
        await updateMessage(tx, emit, job, 'sent', null);
        return;
      }
      const decision = retryAfterFailure(result.failure, job.attempts, now);
      if (decision.kind === 'retry') {
        await finishDelivery(tx, job, { status: 'pending', now, nextAttemptAt: decision.at, error: result.error });
        await updateMessage(tx, emit, job, 'stored', `${result.error} (retrying)`);
      } else {
        await finishDelivery(tx, job, { status: 'failed', now, error: result.error });
        await updateMessage(tx, emit, job, 'failed', result.error);
      }
    });
    if (result.kind === 'failed') log.warn({ workspaceId: job.workspaceId, messageId: job.messageId, failure: result.failure, attempts: job.attempts }, 'send failed');
  }

  async function attempt(job: DeliveryRecord): Promise<void> {
    const sender = deps.senders[job.channel];
    let result: SendResult;
    try {
      result = sender ? await sender.send(job) : { kind: 'failed', failure: 'rejected', error: `no sender for ${job.channel}` };
    } catch (error) {
      log.error({ err: error, messageId: job.messageId }, 'sender threw');
      result = { kind: 'failed', failure: 'temporary', error: 'internal error while sending' };
    }
    await record(job, result);
  }

  async function runWorkspace(workspaceId: string): Promise<number> {
    let sent = 0;
    for (;;) {
      const jobs = await claimDueDeliveries(db, workspaceId, { now: clock(), leaseSeconds: LEASE_SECONDS, limit: CLAIM_BATCH });
      // Conversations go out in parallel (a broadcast's thousands), each one's messages in order.
      const byConversation = new Map<string, typeof jobs>();
      for (const job of jobs) byConversation.set(job.conversationId, [...(byConversation.get(job.conversationId) ?? []), job]);
      await Promise.all([...byConversation.values()].map(async (own) => {
        for (const job of own) await attempt(job);
      }));
      sent += jobs.length;
      if (jobs.length < CLAIM_BATCH) return sent;
    }
  }

  async function runKicked(): Promise<void> {
    for (const workspaceId of kicked) {
      kicked.delete(workspaceId);
      await runWorkspace(workspaceId);
    }
  }

  return {
    workspacesToPass: () => workspacesWithDueDeliveries(db, clock()),
    pass: runWorkspace,

    /** Sends the workspace's due jobs now, in the background (a reply was just stored). */
    kick(workspaceId: string): void {
      kicked.add(workspaceId);
      if (running) return;
      running = runKicked()
        .catch((error: unknown) => log.error({ err: error }, 'delivery run failed'))
        .finally(() => (running = null));
    },

    async settled(): Promise<void> {
      while (running) await running;
    },

    /** A provider's delivery-status callback; unknown ids are ignored (another product may share the number). */
    async statusUpdate(workspaceId: string, channel: ChannelKind, update: StatusUpdate): Promise<boolean> {
      const job = await findDeliveryByProviderId(db, workspaceId, channel, update.providerMessageId);
      if (!job) return false;
      await transact(deps, (tx, emit) => updateMessage(tx, emit, job, update.status, update.error ?? null));
      return true;
    },

    /** A bounce names the Message-IDs it returns: those messages failed. */
    async markBounced(workspaceId: string, headerIds: readonly string[], diagnostic: string): Promise<number> {
      const rows = await conversationsForHeaderIds(db, workspaceId, headerIds);
      const reason = `bounced: ${diagnostic.replace(/\s+/g, ' ').trim().slice(0, 300)}`;
      await transact(deps, async (tx, emit) => {
        for (const row of rows) await updateMessage(tx, emit, { workspaceId, messageId: row.messageId, conversationId: row.conversationId }, 'failed', reason);
      });
      return rows.length;
    },
  };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;
