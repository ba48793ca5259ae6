import { randomBytes } from 'node:crypto';
import type { Locale } from '@tandem/core';
import { hashToken } from '../auth/access-token.ts';
import { revokeCustomerTokens } from '../auth/token.store.ts';
import { findCustomerIdByIdentity } from '../customers/customer.store.ts';
import { normalizedIdentity, type CustomerService } from '../customers/customer.service.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { translator } from '../../i18n/translator.ts';
import { consumeMagicLink, insertMagicLink } from './magic-link.store.ts';
import { issueWidgetSession, type WidgetSessionResult } from './widget-session.ts';

export interface MagicLinkRequest {
  workspaceId: string;
  customerId: string;
  email: string;
  locale?: Locale | undefined;
  /** Where the link lands; the caller has checked it is one of the workspace's sites. */
  returnUrl: string;
}

/**
 * "Continue on another device": an emailed one-time link. Opening it proves the email is the
 * customer's, so the email becomes their identity (joining an existing customer with it).
 */
export function createMagicLinkService(deps: ServiceDeps & { auth: AuthService; customers: CustomerService }) {
  const { db, clock, ids, config, mailer } = deps;
  return {
    async request(input: MagicLinkRequest): Promise<void> {
      const email = normalizedIdentity('email', input.email, 'email');
      const workspace = await findWorkspace(db, input.workspaceId);
      if (!workspace) throw appError('workspace.not_found');
      const token = randomBytes(32).toString('base64url');
      const now = clock();
      const minutes = config.MAGIC_LINK_TTL_MINUTES;
      await insertMagicLink(db, {
        workspaceId: input.workspaceId,
        id: ids(),
        customerId: input.customerId,
        email,
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + minutes * 60_000),
        usedAt: null,
      });
      const url = new URL(input.returnUrl);
      url.hash = `tandem-magic=${token}`;
      const t = translator(input.locale);
      const vars = { workspace: workspace.name, minutes, link: url.toString() };
      await mailer.send({ to: email, subject: t('magicLink.subject', vars), text: t('magicLink.body', vars) });
    },

    /**
     * Redeems a link once. The customer who asked is joined to whoever already owns the email,
     * and every earlier session of theirs is revoked: whoever requested a link for someone
     * else's address gains nothing if that person opens it.
     */
    async redeem(workspaceId: string, token: string): Promise<WidgetSessionResult> {
      const now = clock();
      const link = await consumeMagicLink(db, workspaceId, hashToken(token), now);
      if (!link) throw appError('widget.magic_link_invalid', 'Ask for a new link from the chat.');
      const owner = await findCustomerIdByIdentity(db, workspaceId, 'email', link.email);
      let customerId = link.customerId;
      if (owner && owner !== link.customerId) {
        await deps.customers.merge(workspaceId, owner, link.customerId, { type: 'customer', id: link.customerId });
        customerId = owner;
      } else if (!owner) {
        await deps.customers.addIdentity(workspaceId, link.customerId, 'email', link.email);
      }
      await revokeCustomerTokens(db, workspaceId, link.customerId, now);
      return issueWidgetSession(deps, workspaceId, customerId);
    },
  };
}

export type MagicLinkService = ReturnType<typeof createMagicLinkService>;
