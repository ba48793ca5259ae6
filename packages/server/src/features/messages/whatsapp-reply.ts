import { and, desc, eq } from 'drizzle-orm';
import { whatsAppWindow } from '@tandem/core';
import type { TemplateUse } from '@tandem/protocol';
import type { z } from 'zod';
import type { Queryable } from '../../adapters/postgres/database.ts';
import { messages } from '../../adapters/postgres/schema.ts';
import { templateParameterCount, WhatsAppConfig } from '../../channels/whatsapp/whatsapp.config.ts';
import { appError } from '../../platform/app-error.ts';
import { findSendingChannel } from '../channels/channel.store.ts';

type Template = z.output<typeof TemplateUse>;

async function lastWhatsAppFromCustomer(q: Queryable, workspaceId: string, conversationId: string): Promise<Date | null> {
  const [row] = await q.select({ at: messages.createdAt }).from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId), eq(messages.author, 'customer'), eq(messages.channel, 'whatsapp')))
    .orderBy(desc(messages.seq)).limit(1);
  return row?.at ?? null;
}

/**
 * A WhatsApp reply as Meta will take it: free text inside the 24-hour window, otherwise one of the
 * channel's approved templates, whose text (parameters filled in) becomes the stored body so the
 * thread shows what the customer received.
 */
export async function checkWhatsAppReply(q: Queryable, input: { workspaceId: string; conversationId: string; body: string; template: Template | undefined; now: Date }): Promise<{ body: string }> {
  if (!input.template) {
    const window = whatsAppWindow(await lastWhatsAppFromCustomer(q, input.workspaceId, input.conversationId), input.now);
    if (window.kind === 'closed') {
      throw appError('conversation.whatsapp_window_closed', window.closedAt ? `The window closed at ${window.closedAt.toISOString()}.` : 'The customer has not written on WhatsApp yet.');
    }
    return { body: input.body };
  }
  const channel = await findSendingChannel(q, input.workspaceId, 'whatsapp');
  const config = channel ? WhatsAppConfig.safeParse(channel.config) : null;
  const { name, language, parameters } = input.template;
  const approved = config?.success ? config.data.templates.find((t) => t.name === name && t.language === language) : undefined;
  if (!approved || templateParameterCount(approved.body) !== parameters.length) {
    throw appError('conversation.template_invalid', approved ? `The template takes ${templateParameterCount(approved.body)} parameters.` : `No approved template ${name} (${language}).`, {
      fields: [{ path: 'content.template', message: approved ? 'wrong number of parameters' : 'not one of the channel’s templates' }],
    });
  }
  return { body: approved.body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => parameters[Number(n) - 1] ?? whole) };
}
