import { inTransaction } from '../../adapters/postgres/database.ts';
import type { Actor } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { findCustomer } from '../customers/customer.store.ts';
import { customerAndMerged, eraseCustomerData, lockCustomers } from './erasure.store.ts';
import {
  claimDueRequest, findOpenRequest, findRequest, insertRequest, listRequests, updateRequest, workspacesWithDueRequests, type PrivacyRequestRecord,
} from './privacy-request.store.ts';
import type { FileRemovals } from './file-removals.ts';
import { queueFileRemovals } from './file-removals.store.ts';

/** Attempts before a request is given up as failed (a person must look at `error`). */
export const MAX_ERASURE_ATTEMPTS = 5;
// Requests run per workspace and pass: the rest wait for the next pass rather than holding it up.
const PER_PASS = 10;
const SYSTEM: Actor = { type: 'system', id: null };

/**
 * Erasure of a customer as a durable job: the request is stored (queued) and answered at once;
 * the periodic pass takes it (SKIP LOCKED), erases in one transaction with the request marked
 * done and audited and its files queued for removal, then removes them. A failure puts it back
 * in the queue with its error, until the attempts run out; a process dying mid-job leaves it
 * `running`, and it is taken again once stale.
 */
export function createErasureService(deps: ServiceDeps & { fileRemovals: FileRemovals; onTrainingChanged: (workspaceId: string) => void }) {
  const { db, clock, ids, log } = deps;

  /** One attempt: erase and finish the request in one transaction; on failure, requeue or give up. */
  async function attempt(request: PrivacyRequestRecord) {
    const { workspaceId, id, customerId } = request;
    try {
      return await inTransaction(db, async (tx) => {
        const customerIds = await customerAndMerged(tx, workspaceId, customerId);
        await lockCustomers(tx, workspaceId, customerIds);
        const now = clock();
        const result = await eraseCustomerData(tx, { workspaceId, customerIds, pseudonymId: ids(), now });
        await queueFileRemovals(tx, workspaceId, result.storageKeys, now);
        await updateRequest(tx, workspaceId, id, { status: 'done', report: result.report, error: null, finishedAt: now });
        await recordAudit(tx, {
          workspaceId, id: ids(), actor: SYSTEM, action: 'customer.erased', targetType: 'customer', targetId: customerId,
          data: { requestId: id, requestedBy: { type: request.requestedByType, id: request.requestedById }, report: result.report }, at: now,
        });
        return result;
      });
    } catch (error) {
      const failed = request.attempts >= MAX_ERASURE_ATTEMPTS;
      const message = rootMessage(error);
      await updateRequest(db, workspaceId, id, { status: failed ? 'failed' : 'queued', error: message.slice(0, 1000), finishedAt: failed ? clock() : null });
      log[failed ? 'error' : 'warn']({ err: error, workspaceId, requestId: id, attempts: request.attempts }, failed ? 'customer erasure failed for good' : 'customer erasure failed; it will be retried');
      return null;
    }
  }

  async function run(request: PrivacyRequestRecord): Promise<void> {
    const done = await attempt(request);
    if (!done) return;
    // After the commit: had the transaction failed, the rows would still point at the bytes.
    await deps.fileRemovals.remove(request.workspaceId, done.storageKeys);
    if (done.report.trainingPhrases) deps.onTrainingChanged(request.workspaceId);
    log.info({ workspaceId: request.workspaceId, requestId: request.id, removed: done.report }, 'customer erased');
  }

  return {
    /** Queues an erasure; while one for this customer is still to run, that one is the answer. */
    async request(workspaceId: string, customerId: string, actor: Extract<Actor, { type: 'agent' }>): Promise<PrivacyRequestRecord> {
      return inTransaction(db, async (tx) => {
        if (!(await findCustomer(tx, workspaceId, customerId, { lock: true }))) throw appError('customer.not_found');
        const open = await findOpenRequest(tx, workspaceId, customerId);
        if (open) return open;
        const now = clock();
        const request: PrivacyRequestRecord = {
          workspaceId, id: ids(), customerId, kind: 'erase', status: 'queued', requestedByType: actor.type, requestedById: actor.id,
          attempts: 0, report: null, error: null, createdAt: now, startedAt: null, finishedAt: null,
        };
        await insertRequest(tx, request);
        await recordAudit(tx, { workspaceId, id: ids(), actor, action: 'customer.erase_requested', targetType: 'customer', targetId: customerId, data: { requestId: request.id }, at: now });
        return request;
      });
    },

    async get(workspaceId: string, id: string): Promise<PrivacyRequestRecord> {
      const request = await findRequest(db, workspaceId, id);
      if (!request) throw appError('privacy_request.not_found');
      return request;
    },

    list: (workspaceId: string, options: Parameters<typeof listRequests>[2]) => listRequests(db, workspaceId, options),

    workspacesToPass: () => workspacesWithDueRequests(db, clock()),

    /** Runs the workspace's due requests, each at most once per pass. */
    async pass(workspaceId: string): Promise<number> {
      const seen: string[] = [];
      while (seen.length < PER_PASS) {
        const request = await inTransaction(db, (tx) => claimDueRequest(tx, workspaceId, clock(), seen));
        if (!request) break;
        seen.push(request.id);
        await run(request);
      }
      return seen.length;
    },
  };
}

export type ErasureService = ReturnType<typeof createErasureService>;

/** The innermost cause's message: the driver's error says what failed, its wrappers say which query. */
function rootMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
