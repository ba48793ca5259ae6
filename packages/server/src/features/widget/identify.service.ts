import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { IdentifyBody } from '@tandem/protocol';
import type { AuthService } from '../auth/auth.service.ts';
import { findCustomerIdByIdentity } from '../customers/customer.store.ts';
import { normalizedIdentity, type CustomerService } from '../customers/customer.service.ts';
import { findIdentitySecret } from '../workspaces/workspace.store.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { issueWidgetSession, visitorIdOf, type WidgetSessionResult } from './widget-session.ts';

type Identify = z.output<typeof IdentifyBody>;

/** The hash a host site sends with identify(): hex HMAC-SHA256 of its user id. */
export function identityHash(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId).digest('hex');
}

/**
 * A host site tells the widget who is signed in. Only a valid `hash` (computed on the site's
 * server with the workspace identity secret) lets an `id` link this visitor to a known customer,
 * so nobody can claim to be someone else from the browser console.
 */
export function createIdentifyService(deps: ServiceDeps & { auth: AuthService; customers: CustomerService }) {
  const { db, customers } = deps;

  async function verify(workspaceId: string, id: string, hash: string | undefined): Promise<void> {
    if (!hash) throw appError('widget.identity_unverified', 'Compute hash = HMAC-SHA256(identity secret, id) on your server.');
    const secret = await findIdentitySecret(db, workspaceId);
    const expected = Buffer.from(identityHash(secret ?? '', id), 'hex');
    if (!secret || !timingSafeEqual(expected, Buffer.from(hash, 'hex'))) throw appError('widget.identity_forged');
  }

  /** The customer an external id belongs to: this visitor when anonymous, else a known or new record. */
  async function customerFor(workspaceId: string, visitorId: string, externalId: string): Promise<string> {
    const known = await findCustomerIdByIdentity(db, workspaceId, 'external', externalId);
    const visitor = await customers.get(workspaceId, visitorId);
    const isAnonymous = !visitor.identities.some((i) => i.kind === 'external');
    if (known === visitorId) return visitorId;
    if (known && isAnonymous) {
      // What the visitor said before signing in joins their history: nothing to repeat.
      await customers.merge(workspaceId, known, visitorId, { type: 'customer', id: visitorId });
      return known;
    }
    if (known) return known;
    if (isAnonymous) {
      await customers.addIdentity(workspaceId, visitorId, 'external', externalId);
      return visitorId;
    }
    // Someone else signed in on a browser that belonged to another known customer.
    return (await customers.create(workspaceId, { identities: [{ kind: 'external', value: externalId }] })).id;
  }

  return {
    /** Returns a session for whoever the visitor turned out to be (the same token when unchanged). */
    async identify(input: { workspaceId: string; customerId: string; token: string | undefined; body: Identify }): Promise<WidgetSessionResult> {
      const { workspaceId, body } = input;
      let customerId = input.customerId;
      if (body.id !== undefined) {
        await verify(workspaceId, body.id, body.hash);
        customerId = await customerFor(workspaceId, customerId, body.id);
        if (body.email) await addEmailIfFree(workspaceId, customerId, body.email);
      }
      const attributes = { ...body.attributes, ...(body.email && body.id === undefined ? { email: body.email } : {}) };
      if (body.name !== undefined || Object.keys(attributes).length > 0) {
        await customers.update(workspaceId, customerId, { name: body.name, attributes });
      }
      if (customerId === input.customerId && input.token) {
        return { token: input.token, customerId, visitorId: visitorIdOf(await customers.get(workspaceId, customerId)) };
      }
      return issueWidgetSession(deps, workspaceId, customerId);
    },
  };

  /** A verified site vouches for the email too; it is added unless another customer has it. */
  async function addEmailIfFree(workspaceId: string, customerId: string, email: string): Promise<void> {
    const owner = await findCustomerIdByIdentity(db, workspaceId, 'email', normalizedIdentity('email', email, 'email'));
    if (!owner) await customers.addIdentity(workspaceId, customerId, 'email', email);
  }
}

export type IdentifyService = ReturnType<typeof createIdentifyService>;
