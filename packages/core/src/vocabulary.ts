// The product's vocabulary (DESIGN.md), as closed string-literal sets shared by every package.

export const AGENT_ROLES = ['owner', 'admin', 'agent'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const CHANNEL_KINDS = ['web', 'email', 'sms', 'whatsapp', 'voice', 'api'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const IDENTITY_KINDS = ['web', 'email', 'phone', 'whatsapp', 'external'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const HANDLER_KINDS = ['bot', 'queue', 'agent'] as const;
export type HandlerKind = (typeof HANDLER_KINDS)[number];

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const MESSAGE_AUTHORS = ['customer', 'bot', 'agent', 'system'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

export const DELIVERY_STATUSES = ['stored', 'sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const GROUPING_POLICIES = ['contact', 'thread'] as const;
export type GroupingPolicy = (typeof GROUPING_POLICIES)[number];

export const CONSENT_PURPOSES = ['automation', 'behaviour', 'marketing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const LOCALES = ['en', 'vi', 'fa'] as const;
export type Locale = (typeof LOCALES)[number];
