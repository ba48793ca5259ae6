import { z } from 'zod';
import { CHANNEL_KINDS, FEED_EVENT_TYPES } from '@tandem/core';
import { Id } from '../common.ts';
import { Conversation, type CustomerConversation, IdempotencyKey, Message, MessageBody, ComposedContent } from '../rest/conversation.schemas.ts';
import { ConversationStart } from '../rest/widget.schemas.ts';

// Client → server. The first frame is always `hello`; it carries the token when the
// handshake had none (browsers cannot set headers on a WebSocket) and where to resume from.
export const HelloFrame = z.strictObject({
  type: z.literal('hello'),
  token: z.string().max(512).optional(),
  since: z.number().int().min(0).optional().describe('Agents: last feed sequence number seen'),
  conversations: z
    .record(Id, z.number().int().min(0))
    .refine((r) => Object.keys(r).length <= 100, 'at most 100 conversations')
    .optional()
    .describe('Customers: conversation id → last message seq seen'),
});

export const SendMessageFrame = z.strictObject({
  type: z.literal('message.send'),
  conversationId: Id.optional(),
  start: ConversationStart.optional(),
  body: MessageBody,
  private: z.boolean().default(false),
  channel: z.enum(CHANNEL_KINDS).optional().describe("Agents: the channel to reply on; defaults to the customer's last one"),
  content: ComposedContent.default({}),
  idempotencyKey: IdempotencyKey,
});

export const PingFrame = z.strictObject({ type: z.literal('ping') });

/** Ephemeral: shown to the other side for a few seconds, never stored. */
export const TypingFrame = z.strictObject({ type: z.literal('typing'), conversationId: Id, typing: z.boolean() });

/** The highest message seq this side has received (`delivered`) or seen (`read`). Stored; never goes back. */
export const ReceiptFrame = z.strictObject({
  type: z.literal('receipt'),
  conversationId: Id,
  delivered: z.number().int().min(0).optional(),
  read: z.number().int().min(0).optional(),
});

/** Agents: which conversation this agent has open (ephemeral), so two agents do not answer the same customer. */
export const ViewingFrame = z.strictObject({ type: z.literal('viewing'), conversationId: Id, viewing: z.boolean() });

export const ClientFrame = z.discriminatedUnion('type', [HelloFrame, SendMessageFrame, PingFrame, TypingFrame, ReceiptFrame, ViewingFrame]);
export type ClientFrame = z.infer<typeof ClientFrame>;
/** A frame as a client writes it (defaults may be left out). */
export type ClientFrameInput = z.input<typeof ClientFrame>;

export const FeedEvent = z.object({
  seq: z.number().int(),
  type: z.enum(FEED_EVENT_TYPES),
  conversationId: Id.nullable(),
  conversation: Conversation.optional(),
  message: Message.optional(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type FeedEvent = z.infer<typeof FeedEvent>;

// Server → client.
export type ServerFrame =
  | { type: 'ready'; seq: number }
  | { type: 'event'; event: FeedEvent }
  | { type: 'message'; message: Message }
  | { type: 'message.ack'; idempotencyKey: string; message: Message; duplicate: boolean }
  | { type: 'error'; code: string; detail: string; idempotencyKey?: string }
  | { type: 'pong' }
  | { type: 'typing'; conversationId: string; author: 'customer' | 'agent'; typing: boolean; name?: string }
  | { type: 'receipt'; conversationId: string; by: 'customer' | 'agent'; deliveredSeq: number; readSeq: number }
  | ViewingSignal
  | { type: 'conversation'; conversation: CustomerConversation }
  | QueueFrame;

/**
 * Where a waiting conversation stands, sent by routing to the customer while no person has it.
 * Either figure may be unknown (null); a frame with both null clears what was shown.
 */
export type QueueFrame = { type: 'queue'; conversationId: string; position: number | null; expectedWaitSeconds: number | null };

/** To agents: another agent (or this one, on another socket) opened or left a conversation. */
export type ViewingSignal = { type: 'viewing'; conversationId: string; agentId: string; name: string; viewing: boolean };
