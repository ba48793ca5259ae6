import { sql } from 'drizzle-orm';
import type { CustomerExport } from '@tandem/protocol';
import type { Actor, CustomerRecord } from '../../domain/records.ts';
import { appError } from '../../platform/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { toJson } from '../../platform/json.ts';
import type { PublicUrl } from '../../platform/public-url.ts';
import { recordAudit } from '../audit/audit.store.ts';
import { findCustomer } from '../customers/customer.store.ts';
import { fileUrl } from '../files/upload.service.ts';
import { attachmentRows, businessEventRows, conversationsWithMessages, linkedSections, type ExportRow } from './customer-export.store.ts';
import { customerAndMerged } from './erasure.store.ts';

type Attachment = { url?: unknown };

/**
 * One JSON document with everything stored about a customer (and the profiles merged into
 * them), read in one snapshot. Attachment URLs are absolute, so the document works on its own.
 */
export function createCustomerExportService(deps: ServiceDeps & { publicUrl: PublicUrl }) {
  const { db, clock, ids } = deps;

  async function read(workspaceId: string, customerId: string) {
    return db.transaction(async (tx) => {
      // One snapshot: a message arriving mid-export is in every section or in none.
      await tx.execute(sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`);
      const customer = await findCustomer(tx, workspaceId, customerId);
      if (!customer) throw appError('customer.not_found');
      const customerIds = await customerAndMerged(tx, workspaceId, customerId);
      const merged = await Promise.all(customerIds.filter((id) => id !== customerId).map((id) => findCustomer(tx, workspaceId, id)));
      const scope = { workspaceId, customerIds };
      const { conversations, messages } = await conversationsWithMessages(tx, scope);
      const conversationIds = conversations.map((c) => String(c.id));
      const prefix = fileUrl(workspaceId, '');
      const keys = messages.flatMap((m) => attachmentsOf(m).flatMap((a) => (typeof a.url === 'string' && a.url.startsWith(prefix) ? [a.url.slice(prefix.length)] : [])));
      return {
        customer,
        mergedCustomers: merged.filter((c): c is CustomerRecord => c !== null),
        conversations,
        messages,
        attachments: await attachmentRows(tx, scope, keys),
        sections: await linkedSections(tx, scope, conversationIds, messages.map((m) => String(m.id))),
        businessEvents: await businessEventRows(tx, workspaceId, conversationIds),
      };
    });
  }

  return {
    async export(workspaceId: string, customerId: string, actor: Actor): Promise<CustomerExport> {
      const data = await read(workspaceId, customerId);
      const absolute = (url: string) => (url.startsWith('/') ? `${deps.publicUrl.base()}${url}` : url);
      const withUrls = (m: ExportRow): ExportRow => {
        const attachments = attachmentsOf(m);
        if (attachments.length === 0) return m;
        const content = m.content as Record<string, unknown>;
        return { ...m, content: { ...content, attachments: attachments.map((a) => (typeof a.url === 'string' ? { ...a, url: absolute(a.url) } : a)) } };
      };
      const byConversation = new Map<unknown, ExportRow[]>();
      for (const m of data.messages) byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), withUrls(m)]);
      const now = clock();
      await recordAudit(db, {
        workspaceId, id: ids(), actor, action: 'customer.exported', targetType: 'customer', targetId: customerId,
        data: { conversations: data.conversations.length, messages: data.messages.length }, at: now,
      });
      return toJson({
        format: 'tandem.customer-export.v1' as const,
        exportedAt: now,
        workspaceId,
        customer: withoutTenant(data.customer),
        mergedCustomers: data.mergedCustomers.map(withoutTenant),
        ...data.sections,
        conversations: data.conversations.map((c) => ({ ...c, messages: byConversation.get(c.id) ?? [] })),
        // The key is the file's capability; the URL carries it, once.
        attachments: data.attachments.map(({ key, ...file }) => ({ ...file, url: absolute(fileUrl(workspaceId, String(key))) })),
        businessEvents: data.businessEvents,
      }) as CustomerExport;
    },
  };
}

function attachmentsOf(message: ExportRow): Attachment[] {
  const attachments = (message.content as { attachments?: unknown } | null)?.attachments;
  return Array.isArray(attachments) ? (attachments as Attachment[]) : [];
}

const withoutTenant = ({ workspaceId: _, ...customer }: CustomerRecord) => customer;

export type CustomerExportService = ReturnType<typeof createCustomerExportService>;
