import MarkdownIt from 'markdown-it';
import { REPLY_ABOVE_MARKER, replyAddress, withSubjectTag } from '@tandem/core';
import type { OutgoingAttachment, OutgoingEmail } from '../../adapters/mail/mailer.ts';
import type { EmailConfig } from './email.config.ts';

// Agents write Markdown; HTML they type is shown as text, never rendered.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface ReplyEmailInput {
  config: EmailConfig;
  conversationId: string;
  messageId: string;
  to: string;
  body: string;
  /** The thread so far: the conversation's subject and the Message-IDs of its mails, oldest first. */
  subject: string;
  threadIds: readonly string[];
  /** The reply is the bot's: RFC 3834 marks it so other robots do not answer it. */
  automated: boolean;
  replyHint: string;
  dir: 'ltr' | 'rtl';
  attachments: OutgoingAttachment[];
}

/** The Message-ID of a reply: stable per message, so a retried send is recognised as the same mail. */
export const replyMessageId = (messageId: string, supportAddress: string) => `<${messageId}@${supportAddress.split('@')[1]}>`;

/**
 * An agent's reply as an email in the customer's thread: In-Reply-To and References carry the
 * thread, the Reply-To address and the subject tag carry the conversation, and the marker line
 * lets the next inbound reply be cut from the history it quotes.
 */
export function composeReplyEmail(input: ReplyEmailInput): OutgoingEmail {
  const support = input.config.addresses[0]!;
  const footer = input.config.footer.trim();
  const text = [REPLY_ABOVE_MARKER, input.replyHint, '', input.body, ...(footer ? ['', '-- ', footer] : [])].join('\n');
  const html = `<!doctype html><html dir="${input.dir}"><body>`
    + `<p style="color:#888;font-size:12px">${escapeHtml(REPLY_ABOVE_MARKER)}<br>${escapeHtml(input.replyHint)}</p>`
    + `<div>${markdown.render(input.body)}</div>`
    + (footer ? `<p style="color:#555">-- <br>${escapeHtml(footer).replace(/\n/g, '<br>')}</p>` : '')
    + '</body></html>';
  const last = input.threadIds.at(-1);
  const subject = withSubjectTag(input.threadIds.length > 0 ? `Re: ${input.subject}` : input.subject, input.conversationId);
  return {
    to: input.to,
    from: { name: input.config.senderName, address: support },
    replyTo: replyAddress(support, input.conversationId),
    subject,
    text,
    html,
    messageId: replyMessageId(input.messageId, support),
    ...(last ? { inReplyTo: last, references: input.threadIds.slice(-20) } : {}),
    ...(input.automated ? { headers: { 'Auto-Submitted': 'auto-replied' } } : {}),
    attachments: input.attachments,
  };
}
