import { z } from 'zod';
import {
  CHANNEL_KINDS,
  CONVERSATION_STATUSES,
  DELIVERY_STATUSES,
  HANDLER_KINDS,
  LOCALES,
  MESSAGE_AUTHORS,
  PRIORITIES,
} from '@tandem/core';
import { Id, MESSAGE_MAX_CHARS, PageQuery, Timestamp } from '../common.ts';
import { IdentityInput } from './customer.schemas.ts';

export const Conversation = z.object({
  id: Id,
  customerId: Id,
  status: z.enum(CONVERSATION_STATUSES),
  handler: z.enum(HANDLER_KINDS),
  assigneeId: Id.nullable(),
  teamId: Id.nullable(),
  priority: z.enum(PRIORITIES),
  language: z.string().nullable(),
  channels: z.array(z.enum(CHANNEL_KINDS)).describe('Every channel this conversation has used'),
  lastChannel: z.enum(CHANNEL_KINDS).nullable().describe("The customer's last channel: replies go there"),
  subject: z.string().nullable(),
  labels: z.array(z.string()).describe('Labels agents put on it, lowercased'),
  lastSeq: z.number().int(),
  customerDeliveredSeq: z.number().int().describe("The customer's devices have received messages up to this seq"),
  customerReadSeq: z.number().int().describe('The customer has seen messages up to this seq'),
  agentReadSeq: z.number().int().describe('An agent has seen messages up to this seq'),
  snoozedUntil: Timestamp.nullable(),
  mergedIntoId: Id.nullable(),
  createdAt: Timestamp,
  lastActivityAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
}).meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof Conversation>;

/** A conversation as its customer sees it: without the team's own bookkeeping (labels, priority, team, snooze). */
export const CustomerConversation = Conversation.omit({ labels: true, priority: true, teamId: true, snoozedUntil: true }).meta({ id: 'CustomerConversation' });
export type CustomerConversation = z.infer<typeof CustomerConversation>;

/** A label agents put on conversations: trimmed and lowercased; no commas, so labels can be typed as a comma-separated list. */
export const Label = z.string().trim().toLowerCase().min(1).max(40).regex(/^[^,]*$/, 'no commas');

export const LabelCount = z.object({
  label: z.string(),
  openConversations: z.number().int().describe('Open conversations with this label'),
}).meta({ id: 'LabelCount' });

export const ListConversationsQuery = PageQuery.extend({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  assigneeId: Id.optional(),
  teamId: Id.optional(),
  customerId: Id.optional(),
  label: Label.optional().describe('Only conversations with this label'),
});

export const UpdateConversationBody = z
  .strictObject({
    status: z.enum(CONVERSATION_STATUSES).optional(),
    snoozedUntil: z.iso.datetime({ offset: true }).optional(),
    handler: z.enum(HANDLER_KINDS).optional(),
    assigneeId: Id.nullable().optional(),
    teamId: Id.nullable().optional(),
    priority: z.enum(PRIORITIES).optional(),
    language: z.enum(LOCALES).nullable().optional(),
    labels: z.array(Label).max(20).overwrite((labels) => [...new Set(labels)]).optional().describe('Replaces the labels; duplicates are dropped'),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const MergeConversationsBody = z.strictObject({
  conversationId: Id.describe('The conversation absorbed into the one in the path'),
});

export const SplitConversationBody = z.strictObject({
  messageIds: z.array(Id).min(1).max(500).describe('Messages moved to a new conversation'),
});

/** Links shown to people: http(s) only, so no `javascript:` or `data:` URL can reach a page. */
export const SafeUrl = z.url({ protocol: /^https?$/ }).max(2048);
/** An absolute http(s) URL or a path on this server (never protocol-relative `//host`). */
export const SafeLink = z.union([SafeUrl, z.string().max(2048).regex(/^\/(?!\/)/, 'a path starting with one /')]);

export const QuickReply = z.strictObject({ label: z.string().min(1).max(80), value: z.string().min(1).max(256) });
export const ArticleCard = z.strictObject({
  articleId: Id.optional(),
  title: z.string().min(1).max(200),
  url: SafeLink.describe('An article on the help center: a path on this server, or an absolute URL'),
  summary: z.string().max(500).optional(),
});
export const AttachmentMeta = z.strictObject({
  name: z.string().min(1).max(255),
  contentType: z.string().min(3).max(127),
  size: z.number().int().min(0),
  url: SafeLink,
}).meta({ id: 'AttachmentMeta' });
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

/** A WhatsApp message template (approved by Meta) with its body parameters, for replies outside the 24-hour window. */
export const TemplateUse = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/),
  parameters: z.array(z.string().min(1).max(1024)).max(20).default([]),
}).meta({ id: 'TemplateUse' });

/** What a sender may attach to a message. */
export const ComposedContent = z.strictObject({
  quickReplies: z.array(QuickReply).max(10).optional(),
  articleCards: z.array(ArticleCard).max(10).optional(),
  attachments: z.array(AttachmentMeta).max(20).optional(),
  template: TemplateUse.optional(),
}).meta({ id: 'ComposedContent' });

/** What the email channel records of a mail it received (never set by clients). */
export const EmailMeta = z.object({
  subject: z.string().nullable(),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  messageId: z.string().nullable(),
  kind: z.enum(['personal', 'auto_reply', 'bounce', 'bulk']).describe('Auto-replies, bounces and bulk mail are stored but never answered'),
  authentication: z.object({ spf: z.string().nullable(), dkim: z.string().nullable(), dmarc: z.string().nullable() }),
  html: z.string().nullable().describe('The HTML part, sanitized (no scripts, styles or images)'),
  quoted: z.boolean().describe('Quoted history or a signature was cut from the body'),
  dropped: z.array(z.string()).describe('Attachments not kept (too large, too many, or a type not allowed)'),
}).meta({ id: 'EmailMeta' });

export const MessageContent = ComposedContent.extend({ email: EmailMeta.optional() }).meta({ id: 'MessageContent' });
export type MessageContent = z.infer<typeof MessageContent>;

export const MessageBody = z.string().min(1).max(MESSAGE_MAX_CHARS);
export const IdempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_:.-]+$/)
  .describe('A client-chosen key: sending the same key twice stores one message');

export const Message = z.object({
  id: Id,
  conversationId: Id,
  seq: z.number().int().describe('Position in its conversation, from 1; resume with it'),
  author: z.enum(MESSAGE_AUTHORS),
  authorId: Id.nullable(),
  channel: z.enum(CHANNEL_KINDS),
  private: z.boolean().describe('A private note: agents alone see it'),
  body: z.string(),
  content: MessageContent,
  deliveryStatus: z.enum(DELIVERY_STATUSES),
  deliveryError: z.string().nullable().describe('Why the last send on email, SMS or WhatsApp failed'),
  idempotencyKey: z.string().nullable(),
  createdAt: Timestamp,
  masked: z.boolean().optional().describe('Personal data in the body is masked for agents (workspace setting); reveal it with POST …/reveal, which is audited'),
}).meta({ id: 'Message' });
export type Message = z.infer<typeof Message>;

export const PostMessageBody = z.strictObject({
  body: MessageBody,
  private: z.boolean().default(false),
  channel: z.enum(CHANNEL_KINDS).optional().describe("Defaults to the customer's last channel"),
  content: ComposedContent.default({}),
  idempotencyKey: IdempotencyKey.optional(),
});

export const CreateConversationBody = z.strictObject({
  customerId: Id,
  subject: z.string().trim().min(1).max(300).optional(),
  channel: z.enum(CHANNEL_KINDS).optional(),
  message: PostMessageBody.omit({ private: true, channel: true }).optional(),
});

export const InboundMessageBody = z.strictObject({
  channel: z.enum(CHANNEL_KINDS),
  identity: IdentityInput.describe('Who wrote: matched to a customer, created if new'),
  customerName: z.string().trim().min(1).max(200).optional(),
  threadKey: z.string().min(1).max(998).optional().describe("The channel's thread reference"),
  subject: z.string().trim().min(1).max(300).optional(),
  body: MessageBody,
  content: ComposedContent.default({}),
  idempotencyKey: IdempotencyKey.optional(),
});

export const InboundMessageResult = z.object({ conversation: Conversation, message: Message, duplicate: z.boolean() });
export const CustomerMessageResult = z.object({ conversation: CustomerConversation, message: Message, duplicate: z.boolean() }).meta({ id: 'CustomerMessageResult' });

export const ListMessagesQuery = z.strictObject({
  afterSeq: z.coerce.number().int().min(0).default(0).describe('Return messages after this sequence number'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const SplitResult = z.object({ conversation: Conversation, movedMessageIds: z.array(Id) });
export const MessagesPage = z.object({ items: z.array(Message), hasMore: z.boolean() });
