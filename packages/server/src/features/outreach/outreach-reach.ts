import { sql } from 'drizzle-orm';
import { OUTREACH_CHANNELS, type OutreachChannel, type RecipientReach } from '@tandem/core';
import { rowsOf, type Queryable } from '../../adapters/postgres/database.ts';

export type Reach = RecipientReach & { locale: string | null; name: string | null };

const BY_IDENTITY: Record<string, OutreachChannel> = { email: 'email', phone: 'sms', whatsapp: 'whatsapp', web: 'web' };

/**
 * How each customer can be reached, in a few queries for a whole batch: their addresses, the
 * channel they prefer (the host's `preferredChannel` attribute, else where they last wrote),
 * opt-out and marketing consent.
 */
export async function reachOf(q: Queryable, workspaceId: string, customerIds: readonly string[]): Promise<Map<string, Reach>> {
  if (customerIds.length === 0) return new Map();
  const ids = sql.join(customerIds.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = rowsOf<{ id: string; name: string | null; attributes: Record<string, unknown>; consent: Record<string, boolean>; kinds: string[] | null; last_channel: string | null; opted_out: boolean | null }>(await q.execute(sql`
    SELECT c.id, c.name, c.attributes, c.consent,
      (SELECT array_agg(DISTINCT i.kind) FROM identities i WHERE i.workspace_id = c.workspace_id AND i.customer_id = c.id) AS kinds,
      (SELECT v.last_channel FROM conversations v WHERE v.workspace_id = c.workspace_id AND v.customer_id = c.id AND v.last_channel IS NOT NULL
        ORDER BY v.last_activity_at DESC LIMIT 1) AS last_channel,
      p.notices_opted_out AS opted_out
    FROM customers c
    LEFT JOIN contact_preferences p ON p.workspace_id = c.workspace_id AND p.customer_id = c.id
    WHERE c.workspace_id = ${workspaceId} AND c.id IN (${ids}) AND c.merged_into_id IS NULL`));
  return new Map(rows.map((r) => {
    const preferred = [r.attributes.preferredChannel, r.last_channel].find((c): c is OutreachChannel => OUTREACH_CHANNELS.includes(c as OutreachChannel)) ?? null;
    return [r.id, {
      reachable: [...new Set((r.kinds ?? []).flatMap((k) => (BY_IDENTITY[k] ? [BY_IDENTITY[k]] : [])))],
      preferred,
      optedOut: r.opted_out === true,
      marketingConsent: r.consent.marketing === true,
      locale: typeof r.attributes.locale === 'string' ? r.attributes.locale : null,
      name: r.name,
    }];
  }));
}
