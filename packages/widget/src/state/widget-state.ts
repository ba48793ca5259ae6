import type { CustomerConversation, Message, WidgetConfig, WidgetRule } from '@tandem/protocol';
import type { AttachmentMeta } from '../transport/wire-types.ts';

export const WIDGET_LOCALES = ['en', 'vi', 'fa'] as const;
export type WidgetLocale = (typeof WIDGET_LOCALES)[number];

export const CONNECTION_STATUSES = ['connecting', 'online', 'offline'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const OUTBOX_STATUSES = ['queued', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A message the customer wrote that the server has not acknowledged yet. */
/** What the customer picked before their first message (when the workspace offers it). */
export type PrechatChoice = { topic: string | null; with: 'bot' | 'person' | null };

export type OutboxItem = {
  idempotencyKey: string;
  conversationId: string | null;
  /** The pre-chat choice, sent with the message that starts a conversation. */
  start?: { topic?: string; with?: 'bot' | 'person' };
  body: string;
  attachments: AttachmentMeta[];
  createdAt: string;
  status: OutboxStatus;
  error: string | null;
};

export type AgentTyping = { name: string | null; expiresAt: number };

export type ConversationEntry = {
  conversation: CustomerConversation | null;
  /** Ascending seq, unique ids. */
  messages: Message[];
  /** Highest seq up to which nothing visible is missing: what `hello` resumes from. */
  lastSeq: number;
  /** Highest seq the customer has seen. */
  readSeq: number;
  agentReadSeq: number;
  typing: AgentTyping | null;
  /** Where the conversation stands in the team's queue, when routing says. */
  queue: { position: number | null; expectedWaitSeconds: number | null } | null;
  /** This page has fetched the history from the start: resumed frames alone only bring what came after lastSeq. */
  hasHistory: boolean;
};

/** A proactive rule's message the server let us show (outcome `shown`), until the visitor acts on it. */
export type ProactivePrompt = { exposureId: string; ruleId: string; action: WidgetRule['action'] };

/** A translatable line shown to the customer: a catalog key plus interpolation values. */
export type Notice = { key: string; params?: Record<string, string | number> };

export type WidgetState = {
  token: string | null;
  customerId: string | null;
  conversations: Record<string, ConversationEntry>;
  activeConversationId: string | null;
  outbox: OutboxItem[];
  draft: string;
  /** "Talk to a person" was pressed before any conversation existed. */
  isHandoffRequested: boolean;
  prechat: PrechatChoice;
  isOpen: boolean;
  connection: ConnectionStatus;
  locale: WidgetLocale;
  config: WidgetConfig | null;
  error: Notice | null;
  info: Notice | null;
  /** Shown next to the launcher; never persisted: it belongs to the page view it was shown on. */
  proactive: ProactivePrompt | null;
  /** A guide the customer asked to start from outside the panel (a proactive prompt), by key. */
  requestedGuide: string | null;
};

export function createEntry(partial: Partial<ConversationEntry> = {}): ConversationEntry {
  return { conversation: null, messages: [], lastSeq: 0, readSeq: 0, agentReadSeq: 0, typing: null, queue: null, hasHistory: false, ...partial };
}

export function createInitialState(locale: WidgetLocale): WidgetState {
  return {
    token: null,
    customerId: null,
    conversations: {},
    activeConversationId: null,
    outbox: [],
    draft: '',
    isHandoffRequested: false,
    prechat: { topic: null, with: null },
    isOpen: false,
    connection: 'connecting',
    locale,
    config: null,
    error: null,
    info: null,
    proactive: null,
    requestedGuide: null,
  };
}
