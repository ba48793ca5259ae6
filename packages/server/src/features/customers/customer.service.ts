import { DEFAULT_CONSENT, isAppError, normalizeIdentity, planMerge, type IdentityKind, type TimelineEventType } from '@tandem/core';
import { inTransaction, type Tx } from '../../adapters/postgres/database.ts';
import type { Actor, CustomerRecord, IdentityRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { transact } from '../feed/transact.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { reassignCustomerRows } from './customer-owned.store.ts';
import {
  findCustomer,
  findCustomerIdByIdentity,
  insertCustomer,
  insertIdentity,
  updateCustomerRow,
} from './customer.store.ts';
import { insertTimelineEvent } from './timeline.store.ts';

export interface NewCustomer {
  name?: string | undefined;
  attributes?: Record<string, unknown>;
  consent?: Partial<CustomerRecord['consent']>;
  identities?: Array<{ kind: IdentityKind; value: string }>;
}

export function normalizedIdentity(kind: IdentityKind, value: string, path = 'value'): string {
  const result = normalizeIdentity(kind, value);
  if (result.kind === 'invalid') {
    throw appError('identity.invalid', `${kind}: ${result.reason}`, { fields: [{ path, message: result.reason }] });
  }
  return result.value;
}

export function createCustomerService(deps: ServiceDeps) {
  const { clock, ids } = deps;

  /** Creates a customer inside the caller's transaction. */
  async function createIn(tx: Tx, workspaceId: string, input: NewCustomer): Promise<CustomerRecord> {
    const now = clock();
    const id = ids();
    const normalized = (input.identities ?? []).map((i, n) => ({
      kind: i.kind,
      value: normalizedIdentity(i.kind, i.value, `identities.${n}.value`),
    }));
    await insertCustomer(tx, {
      workspaceId,
      id,
      name: input.name ?? null,
      attributes: input.attributes ?? {},
      consent: { ...DEFAULT_CONSENT, ...input.consent },
      mergedIntoId: null,
      createdAt: now,
      updatedAt: now,
    });
    for (const identity of normalized) {
      await insertIdentity(tx, { workspaceId, customerId: id, id: ids(), ...identity, createdAt: now });
    }
    return (await findCustomer(tx, workspaceId, id))!;
  }

  async function timeline(tx: Tx, workspaceId: string, customerId: string, type: TimelineEventType, data: Record<string, unknown>, conversationId: string | null = null) {
    await insertTimelineEvent(tx, { workspaceId, id: ids(), customerId, conversationId, type, data, occurredAt: clock() });
  }

  /** Finds the customer behind a channel handle, creating them on first contact. */
  async function resolveIn(tx: Tx, workspaceId: string, kind: IdentityKind, rawValue: string, name?: string): Promise<string> {
    const value = normalizedIdentity(kind, rawValue, 'identity.value');
    const existing = await findCustomerIdByIdentity(tx, workspaceId, kind, value);
    if (existing) return existing;
    const created = await createIn(tx, workspaceId, { name, identities: [{ kind, value }] });
    return created.id;
  }

  return {
    createIn,
    timeline,

    create: (workspaceId: string, input: NewCustomer) => transact(deps, (tx) => createIn(tx, workspaceId, input)),

    async get(workspaceId: string, id: string): Promise<CustomerRecord> {
      const customer = await findCustomer(deps.db, workspaceId, id);
      if (!customer) throw appError('customer.not_found');
      return customer;
    },

    update(
      workspaceId: string,
      id: string,
      change: { name?: string | null | undefined; attributes?: Record<string, unknown> | undefined; consent?: Partial<CustomerRecord['consent']> | undefined },
    ): Promise<CustomerRecord> {
      return transact(deps, async (tx) => {
        const current = await findCustomer(tx, workspaceId, id, { lock: true });
        if (!current) throw appError('customer.not_found');
        const attributes = { ...current.attributes, ...change.attributes };
        for (const [key, value] of Object.entries(change.attributes ?? {})) if (value === null) delete attributes[key];
        await updateCustomerRow(tx, workspaceId, id, {
          ...(change.name !== undefined ? { name: change.name } : {}),
          attributes,
          consent: { ...current.consent, ...change.consent },
          updatedAt: clock(),
        });
        return (await findCustomer(tx, workspaceId, id))!;
      });
    },

    addIdentity(workspaceId: string, customerId: string, kind: IdentityKind, value: string): Promise<CustomerRecord> {
      return transact(deps, async (tx) => {
        const customer = await findCustomer(tx, workspaceId, customerId, { lock: true });
        if (!customer) throw appError('customer.not_found');
        if (customer.mergedIntoId) throw appError('customer.merged', `Add it to customer ${customer.mergedIntoId}.`);
        const identity: IdentityRecord = { id: ids(), kind, value: normalizedIdentity(kind, value), createdAt: clock() };
        await insertIdentity(tx, { workspaceId, customerId, ...identity });
        await timeline(tx, workspaceId, customerId, 'identity.added', { kind, identityId: identity.id });
        return (await findCustomer(tx, workspaceId, customerId))!;
      });
    },

    /** `resolveIn` in its own transaction; two first messages from one new handle racing to create the customer both find one. */
    async resolve(workspaceId: string, kind: IdentityKind, rawValue: string, name?: string): Promise<string> {
      const attempt = () => inTransaction(deps.db, (tx) => resolveIn(tx, workspaceId, kind, rawValue, name));
      try {
        return await attempt();
      } catch (error) {
        if (isAppError(error) && error.code === 'identity.taken') return attempt();
        throw error;
      }
    },

    /** Finds the customer behind a channel handle, creating them on first contact. */
    resolveIn,

    /**
     * Two records found to be the same person become one: identities, conversations and
     * timeline move to the survivor. What moved is kept in the audit entry, so it can be reverted.
     */
    merge(workspaceId: string, survivorId: string, absorbedId: string, actor: Actor): Promise<CustomerRecord> {
      return transact(deps, async (tx, emit) => {
        const [first, second] = [survivorId, absorbedId].sort();
        await findCustomer(tx, workspaceId, first!, { lock: true });
        await findCustomer(tx, workspaceId, second!, { lock: true });
        const survivor = await findCustomer(tx, workspaceId, survivorId);
        const absorbed = await findCustomer(tx, workspaceId, absorbedId);
        if (!survivor || !absorbed) throw appError('customer.not_found');
        const plan = planMerge(survivor, absorbed);
        if (plan.kind === 'rejected') throw appError('customer.merge_rejected', `Cannot merge: ${plan.reason.replace('_', ' ')}.`);
        const move = { from: absorbedId, to: survivorId };
        const identityIds = await reassignCustomerRows(tx, 'identities', workspaceId, move);
        const conversationIds = await reassignCustomerRows(tx, 'conversations', workspaceId, move);
        const timelineIds = await reassignCustomerRows(tx, 'timelineEvents', workspaceId, move);
        const exposureIds = await reassignCustomerRows(tx, 'proactiveExposures', workspaceId, move);
        const now = clock();
        await updateCustomerRow(tx, workspaceId, absorbedId, { mergedIntoId: survivorId, updatedAt: now });
        await updateCustomerRow(tx, workspaceId, survivorId, { updatedAt: now });
        await recordAudit(tx, {
          workspaceId,
          id: ids(),
          actor,
          action: 'customer.merged',
          targetType: 'customer',
          targetId: survivorId,
          data: { absorbedId, identityIds, conversationIds, timelineIds, exposureIds },
          at: now,
        });
        await timeline(tx, workspaceId, survivorId, 'customer.merged', { absorbedId });
        emit({ workspaceId, type: 'customer.merged', conversationId: null, data: { survivorId, absorbedId } });
        return (await findCustomer(tx, workspaceId, survivorId))!;
      });
    },
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
