import { createHash } from 'node:crypto';
import { extractReply, isAppError, normalizeIdentity, tokenFromAddress } from '@tandem/core';
import { MESSAGE_MAX_CHARS, type AttachmentMeta, type MessageContent } from '@tandem/protocol';
import { parseInboundEmail, type InboundEmail } from '../../channels/email/inbound-email.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import type { ReceiveService } from '../conversations/receive.service.ts';
import type { CustomerService } from '../customers/customer.service.ts';
import type { UploadService } from '../files/upload.service.ts';
import type { MessageAppender } from '../messages/message-appender.ts';
import type { DeliveryService } from '../deliveries/delivery.service.ts';
import { findChannelByAddress } from './channel.store.ts';
import { isKnownHeaderId, rawKeyOf, rememberHeaderId } from './email-thread.store.ts';
import { appError } from '../../platform/app-error.ts';
import { referencedConversation, threadedConversation, type ThreadClues } from './email-threading.ts';

export type EmailReception =
  | { kind: 'stored'; conversationId: string; messageId: string; duplicate: boolean }
  | { kind: 'noted'; conversationId: string }
  | { kind: 'bounced'; messages: number }
  | { kind: 'ignored'; reason: string }
  | { kind: 'rejected'; reason: string };

export interface EmailLimits {
  maxAttachments: number;
  maxAttachmentBytes: number;
}

/** `support+c-token@host` is delivered to `support@host`. */
export const baseAddress = (address: string) => address.trim().toLowerCase().replace(/\+[^@]*@/, '@');

const idempotencyKeyOf = (email: InboundEmail, raw: Buffer) =>
  `email-${createHash('sha256').update(email.messageId ?? raw).digest('base64url').slice(0, 43)}`;

/**
 * Mail to a support address becomes a message: on the sender's customer (created when new), in
 * the conversation it continues, with the quoted history cut and the original kept. Bounces mark
 * the message they bounce; auto-replies and list mail are kept as notes and never answered.
 */
export function createEmailInboundService(deps: ServiceDeps & {
  receive: ReceiveService; appender: MessageAppender; customers: CustomerService; uploads: UploadService; deliveries: DeliveryService; limits: EmailLimits;
}) {
  const { db, log } = deps;

  async function routeOf(recipients: readonly string[]) {
    for (const recipient of recipients) {
      const found = await findChannelByAddress(db, 'email', baseAddress(recipient));
      if (found?.channel.enabled) return { ...found, token: tokenFromAddress(recipient.toLowerCase()) };
    }
    return null;
  }

  async function keepAttachments(workspaceId: string, customerId: string, email: InboundEmail, dropped: string[]): Promise<AttachmentMeta[]> {
    const kept: AttachmentMeta[] = [];
    for (const a of email.attachments.filter((x) => !x.inline)) {
      try {
        kept.push(await deps.uploads.upload({ workspaceId, owner: { customerId }, filename: a.filename, declaredType: a.contentType, data: a.content }));
      } catch (error) {
        if (!isAppError(error)) throw error;
        dropped.push(`${a.filename} (${a.contentType}): ${error.code}`);
      }
    }
    return kept;
  }

  function contentOf(email: InboundEmail, quoted: boolean, dropped: string[], attachments: AttachmentMeta[]): MessageContent {
    return {
      ...(attachments.length > 0 ? { attachments } : {}),
      email: {
        subject: email.subject || null, from: email.from.address, to: email.to, cc: email.cc, messageId: email.messageId,
        kind: email.kind, authentication: email.authentication, html: email.html, quoted, dropped,
      },
    };
  }

  const bodyOf = (email: InboundEmail, reply: string) =>
    (reply.trim() || email.subject.trim() || email.attachments.map((a) => a.filename).join(', ') || '—').slice(0, MESSAGE_MAX_CHARS);


  /** Auto-replies and list mail: a private note on the conversation they answer, or nothing. */
  async function note(workspaceId: string, email: InboundEmail, clues: ThreadClues, rawKey: string): Promise<EmailReception> {
    const conversationId = await referencedConversation(db, workspaceId, clues);
    if (!conversationId) return { kind: 'ignored', reason: `${email.kind} not tied to a conversation` };
    const reply = extractReply(email.text);
    const result = await deps.appender.append({
      workspaceId, conversationId, author: 'system', authorId: null, channel: 'email', private: true,
      body: bodyOf(email, reply.reply), content: contentOf(email, reply.quoted || reply.signatureRemoved, [], []), idempotencyKey: null,
      alsoStore: (tx, m) => rememberHeaderId(tx, { workspaceId, headerId: email.messageId ?? `<${m.id}@tandem.invalid>`, conversationId: m.conversationId, messageId: m.id, rawKey, createdAt: m.createdAt }),
    });
    return result.kind === 'stored' ? { kind: 'noted', conversationId: result.conversation.id } : { kind: 'ignored', reason: 'conversation gone' };
  }

  return {
    /** The raw source of a received mail, for agents. */
    async original(workspaceId: string, messageId: string) {
      const key = await rawKeyOf(db, workspaceId, messageId);
      if (!key) throw appError('message.not_found', 'This message has no original email.');
      return deps.uploads.openOriginal(workspaceId, key);
    },

    async receive(raw: Buffer, envelope: { recipients: readonly string[] }): Promise<EmailReception> {
      const route = await routeOf(envelope.recipients);
      if (!route) return { kind: 'rejected', reason: 'no channel receives at this address' };
      const parsed = await parseInboundEmail(raw, deps.limits);
      if (parsed.kind === 'malformed') return { kind: 'rejected', reason: parsed.reason };
      const { email } = parsed;
      const { workspaceId } = route;
      if (email.kind === 'bounce') return { kind: 'bounced', messages: await deps.deliveries.markBounced(workspaceId, email.bouncedMessageIds, email.text) };
      if (email.messageId && (await isKnownHeaderId(db, workspaceId, email.messageId))) return { kind: 'ignored', reason: 'already received' };
      const clues: ThreadClues = { tokenConversationId: route.token, inReplyTo: email.inReplyTo, references: email.references, subject: email.subject };
      // The parser's address check is looser than an email identity's: refuse now, for good,
      // rather than fail while storing, which answers 451 and has the sender retry for days.
      if (email.kind === 'personal' && normalizeIdentity('email', email.from.address).kind === 'invalid') {
        return { kind: 'rejected', reason: 'the sender address is not a valid email address' };
      }
      const rawKey = await deps.uploads.keepOriginal(workspaceId, raw);
      if (email.kind !== 'personal') return note(workspaceId, email, clues, rawKey);

      const customerId = await deps.customers.resolve(workspaceId, 'email', email.from.address, email.from.name ?? undefined);
      const conversationId = await threadedConversation(db, workspaceId, customerId, clues);
      const dropped = [...parsed.dropped];
      const attachments = await keepAttachments(workspaceId, customerId, email, dropped);
      const reply = extractReply(email.text);
      const received = await deps.receive.deliver({
        workspaceId, customerId, channel: 'email',
        ...(conversationId ? { conversationId } : { threadKey: email.references[0] ?? email.messageId, subject: email.subject || undefined }),
        body: bodyOf(email, reply.reply),
        content: contentOf(email, reply.quoted || reply.signatureRemoved, dropped, attachments),
        idempotencyKey: idempotencyKeyOf(email, raw),
        alsoStore: (tx, m) => rememberHeaderId(tx, { workspaceId, headerId: email.messageId ?? `<${m.id}@tandem.invalid>`, conversationId: m.conversationId, messageId: m.id, rawKey, createdAt: m.createdAt }),
      });
      log.info({ workspaceId, conversationId: received.conversation.id, duplicate: received.duplicate }, 'email received');
      return { kind: 'stored', conversationId: received.conversation.id, messageId: received.message.id, duplicate: received.duplicate };
    },
  };
}

export type EmailInboundService = ReturnType<typeof createEmailInboundService>;
