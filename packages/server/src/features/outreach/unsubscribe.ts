import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Locale } from '@tandem/core';
import type { Queryable } from '../../adapters/postgres/database.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import { translator } from '../../i18n/translator.ts';
import { findIdentitySecret } from '../workspaces/workspace.store.ts';
import { savePreference } from './contact-preferences.store.ts';

/**
 * The "stop these notices" link in every emailed notice. The token is the customer id signed
 * with the workspace's secret, so nobody can unsubscribe someone else; opening the link only
 * shows a button (mail scanners follow links), and the POST records the opt-out.
 */
export function createUnsubscribe(deps: ServiceDeps & { publicUrl: PublicUrl }) {
  const { db, clock } = deps;

  async function sign(q: Queryable, workspaceId: string, customerId: string): Promise<string | null> {
    const secret = await findIdentitySecret(q, workspaceId);
    return secret && createHmac('sha256', secret).update(`unsubscribe:${workspaceId}:${customerId}`).digest('base64url').slice(0, 32);
  }

  async function customerOf(workspaceId: string, token: string): Promise<string | null> {
    const [customerId, signature] = token.split('.');
    if (!customerId || !signature || !/^[0-9a-f-]{36}$/.test(customerId)) return null;
    const expected = await sign(db, workspaceId, customerId);
    if (!expected || expected.length !== signature.length) return null;
    return timingSafeEqual(Buffer.from(expected), Buffer.from(signature)) ? customerId : null;
  }

  return {
    /** The link, as a line to append to a notice's text (read in the caller's transaction). */
    async footer(q: Queryable, workspaceId: string, customerId: string, locale: Locale): Promise<string> {
      const signature = await sign(q, workspaceId, customerId);
      return signature ? `\n\n—\n${translator(locale)('outreach.unsubscribe', { url: `${deps.publicUrl.base()}/unsubscribe/${workspaceId}/${customerId}.${signature}` })}` : '';
    },
    customerOf,
    async optOut(workspaceId: string, token: string): Promise<boolean> {
      const customerId = await customerOf(workspaceId, token);
      if (!customerId) return false;
      await savePreference(db, workspaceId, customerId, { noticesOptedOut: true }, clock());
      return true;
    },
  };
}

export type Unsubscribe = ReturnType<typeof createUnsubscribe>;
