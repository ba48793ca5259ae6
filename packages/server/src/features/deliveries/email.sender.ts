import { buffer } from 'node:stream/consumers';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../adapters/postgres/database.ts';
import { MailSendError, type OutgoingAttachment } from '../../adapters/mail/mailer.ts';
import { EmailConfig } from '../../channels/email/email.config.ts';
import { composeReplyEmail, replyMessageId } from '../../channels/email/reply-email.ts';
import { isLocale, isRtl, translator } from '../../i18n/translator.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { UploadService } from '../files/upload.service.ts';
import { findSendingChannel } from '../channels/channel.store.ts';
import { headerIdsOf, rememberHeaderId } from '../channels/email-thread.store.ts';
import { findWorkspace } from '../workspaces/workspace.store.ts';
import type { ChannelSender } from './delivery.service.ts';
import type { DeliveryRecord } from './delivery.store.ts';
import { loadSendContext } from './send-context.ts';

/** Automatic (bot) mails one customer may get per hour: two robots answering each other stop here. */
export const AUTOMATED_MAILS_PER_HOUR = 5;

async function automatedMailsLastHour(deps: ServiceDeps, job: DeliveryRecord, customerId: string): Promise<number> {
  const since = new Date(deps.clock().getTime() - 3_600_000).toISOString();
  const [row] = rowsOf<{ n: string | number }>(await deps.db.execute(sql`
    SELECT count(*) AS n FROM deliveries d
    JOIN messages m ON m.workspace_id = d.workspace_id AND m.id = d.message_id
    JOIN conversations c ON c.workspace_id = d.workspace_id AND c.id = d.conversation_id
    WHERE d.workspace_id = ${job.workspaceId} AND d.channel = 'email' AND d.status = 'sent'
      AND m.author = 'bot' AND c.customer_id = ${customerId} AND d.updated_at > ${since}::timestamptz`));
  return Number(row?.n ?? 0);
}

export function createEmailSender(deps: ServiceDeps & { uploads: UploadService }): ChannelSender {
  async function attachmentsOf(workspaceId: string, urls: readonly { name: string; contentType: string; url: string }[]): Promise<OutgoingAttachment[]> {
    return Promise.all(urls.map(async (a) => {
      const { body } = await deps.uploads.open(workspaceId, a.url.split('/').pop() ?? '');
      return { filename: a.name, contentType: a.contentType, content: await buffer(body) };
    }));
  }

  return {
    async send(job) {
      const context = await loadSendContext(deps.db, job, 'email');
      if (!context) return { kind: 'failed', failure: 'rejected', error: 'the message no longer exists' };
      const { message, conversation, recipient } = context;
      if (!recipient) return { kind: 'failed', failure: 'rejected', error: 'the customer has no email address' };
      const channel = await findSendingChannel(deps.db, job.workspaceId, 'email');
      const config = channel && EmailConfig.safeParse(channel.config);
      if (!config?.success) return { kind: 'failed', failure: 'rejected', error: 'no email channel is set up' };
      if (message.author === 'bot' && (await automatedMailsLastHour(deps, job, conversation.customerId)) >= AUTOMATED_MAILS_PER_HOUR) {
        return { kind: 'failed', failure: 'rejected', error: `automatic replies to this address paused: ${AUTOMATED_MAILS_PER_HOUR} in the last hour` };
      }
      const ownId = replyMessageId(message.id, config.data.addresses[0]!);
      const threadIds = (await headerIdsOf(deps.db, job.workspaceId, conversation.id)).map((r) => r.headerId).filter((id) => id !== ownId);
      const workspace = await findWorkspace(deps.db, job.workspaceId);
      const locale = conversation.language ?? 'en';
      const t = translator(locale);
      const email = composeReplyEmail({
        config: config.data, conversationId: conversation.id, messageId: message.id, to: recipient, body: message.body,
        subject: conversation.subject ?? t('replyEmail.subject', { workspace: workspace?.name ?? '' }),
        threadIds, automated: message.author === 'bot', replyHint: t('replyEmail.replyHint'), dir: isLocale(locale) && isRtl(locale) ? 'rtl' : 'ltr',
        attachments: await attachmentsOf(job.workspaceId, message.content.attachments ?? []),
      });
      // Known before it leaves: the customer's reply may arrive before this job is marked sent.
      await rememberHeaderId(deps.db, { workspaceId: job.workspaceId, headerId: ownId, conversationId: conversation.id, messageId: message.id, rawKey: null, createdAt: deps.clock() });
      try {
        await deps.mailer.send(email);
        return { kind: 'sent', providerMessageId: ownId };
      } catch (error) {
        if (error instanceof MailSendError) return { kind: 'failed', failure: error.failure, error: error.message };
        throw error;
      }
    },
  };
}
