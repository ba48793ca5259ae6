// The server's domain records: what stores return and services work with. Plain data with
// the vocabulary's literal types; timestamps are Dates. The wire shape is `toJson(record)`.
import type {
  AgentRole,
  BusinessHours,
  ConcreteStrategy,
  Locale,
  ProactiveCaps,
  PrivacySettings,
  Consent,
  ChannelKind,
  ConversationStatus,
  DeliveryStatus,
  FeedEventType,
  GroupingPolicy,
  HandlerKind,
  IdentityKind,
  MessageAuthor,
  Priority,
  TimelineEventType,
  Vertical,
} from '@tandem/core';
import type { MessageContent } from '@tandem/protocol';

export interface WorkspaceSettings {
  conversationGrouping: GroupingPolicy;
  reopenWindowHours: number;
  widgetOrigins: string[];
  widget: WidgetAppearance;
  businessHours: BusinessHours | null;
  /** `strategy` is the workspace's default service; segments and the vertical may decide otherwise per customer. */
  bot: { enabled: boolean; strategy: ConcreteStrategy; threshold: number | null };
  vertical: Vertical | null;
  /** What the customer may choose before writing: a topic (its team takes the conversation), and bot or person. */
  prechat: { topics: Array<{ key: string; label: Partial<Record<Locale, string>>; teamId: string | null }>; chooseBotOrPerson: boolean };
  /** The satisfaction survey after resolution: whether it is sent, and how long after. */
  csat: { enabled: boolean; delayMinutes: number };
  /** Limits on proactive messages, whatever the rules say. */
  proactive: ProactiveCaps;
  /** Personal data shown to agents, and how long conversations are kept. */
  privacy: PrivacySettings;
}

export interface WidgetAppearance {
  color: string;
  position: 'right' | 'left';
  greeting: Partial<Record<Locale, string>>;
}

export interface WorkspaceRecord {
  id: string;
  name: string;
  slug: string;
  settings: WorkspaceSettings;
  createdAt: Date;
}

export interface AgentRecord {
  workspaceId: string;
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  skills: string[];
  createdAt: Date;
}

export interface IdentityRecord {
  id: string;
  kind: IdentityKind;
  value: string;
  createdAt: Date;
}

export interface CustomerRecord {
  workspaceId: string;
  id: string;
  name: string | null;
  attributes: Record<string, unknown>;
  consent: Consent;
  identities: IdentityRecord[];
  mergedIntoId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ConversationRecord {
  workspaceId: string;
  id: string;
  customerId: string;
  status: ConversationStatus;
  handler: HandlerKind;
  assigneeId: string | null;
  teamId: string | null;
  priority: Priority;
  language: string | null;
  channels: ChannelKind[];
  lastChannel: ChannelKind | null;
  threadKey: string | null;
  subject: string | null;
  labels: string[];
  lastSeq: number;
  customerDeliveredSeq: number;
  customerReadSeq: number;
  agentReadSeq: number;
  snoozedUntil: Date | null;
  mergedIntoId: string | null;
  createdAt: Date;
  lastActivityAt: Date;
  resolvedAt: Date | null;
  /** Since when it has waited for a person (null when nobody is waiting on it). */
  queuedAt: Date | null;
}

export interface MessageRecord {
  workspaceId: string;
  id: string;
  conversationId: string;
  seq: number;
  author: MessageAuthor;
  authorId: string | null;
  channel: ChannelKind;
  private: boolean;
  body: string;
  content: MessageContent;
  deliveryStatus: DeliveryStatus;
  deliveryError: string | null;
  idempotencyKey: string | null;
  createdAt: Date;
}

export interface FeedEventRecord {
  workspaceId: string;
  seq: number;
  type: FeedEventType;
  conversationId: string | null;
  conversation?: ConversationRecord;
  message?: MessageRecord;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface TimelineEventRecord {
  workspaceId: string;
  id: string;
  customerId: string;
  conversationId: string | null;
  type: TimelineEventType;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/** Who is acting: recorded on audit entries and used for access checks. */
export type Actor =
  | { type: 'agent'; id: string; role: AgentRole }
  | { type: 'customer'; id: string }
  | { type: 'system'; id: null };
