// Test data builders: plain objects shaped like the server's wire types.
import type { CustomerConversation, Message, WidgetConfig, WidgetProactive, WidgetRule } from '@tandem/protocol';
import type { OutboxItem } from './widget-state.ts';

export const CONVERSATION_ID = '00000000-0000-4000-8000-00000000c0c0';
export const CUSTOMER_ID = '00000000-0000-4000-8000-0000000000c1';

export function aMessage(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    conversationId: CONVERSATION_ID,
    seq,
    author: 'agent',
    authorId: null,
    channel: 'web',
    private: false,
    body: `message ${seq}`,
    content: {},
    deliveryStatus: 'stored',
    deliveryError: null,
    idempotencyKey: null,
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString(),
    ...overrides,
  };
}

export function aConversation(overrides: Partial<CustomerConversation> = {}): CustomerConversation {
  return {
    id: CONVERSATION_ID,
    customerId: CUSTOMER_ID,
    status: 'open',
    handler: 'bot',
    assigneeId: null,
    language: null,
    channels: ['web'],
    lastChannel: 'web',
    subject: null,
    lastSeq: 0,
    customerDeliveredSeq: 0,
    customerReadSeq: 0,
    agentReadSeq: 0,
    mergedIntoId: null,
    createdAt: '2025-01-01T12:00:00.000Z',
    lastActivityAt: '2025-01-01T12:00:00.000Z',
    resolvedAt: null,
    ...overrides,
  };
}

export function anOutboxItem(key: string, overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    idempotencyKey: key,
    conversationId: null,
    body: `text for ${key}`,
    attachments: [],
    createdAt: '2025-01-01T12:05:00.000Z',
    status: 'queued',
    error: null,
    ...overrides,
  };
}

export function aConfig(overrides: Partial<WidgetConfig> = {}): WidgetConfig {
  return {
    workspaceId: '00000000-0000-4000-8000-0000000000w1',
    name: 'Acme Support',
    appearance: { color: '#1f6feb', position: 'right', greeting: { en: 'Hello from Acme' } },
    availability: { open: true, nextOpenAt: null },
    helpSearch: false,
    uploads: { maxBytes: 5 * 1024 * 1024, types: ['image/*', 'application/pdf'] },
    prechat: { topics: [], chooseBotOrPerson: false },
    ...overrides,
  };
}

export const RULE_ID = '00000000-0000-4000-8000-0000000000r1';
export const EXPOSURE_ID = '00000000-0000-4000-8000-0000000000e1';

/** A rule as the widget receives it (its action already in the visitor's language). */
export function aWidgetRule(trigger: WidgetRule['trigger'], overrides: Partial<Omit<WidgetRule, 'action'>> & { action?: Partial<WidgetRule['action']> } = {}): WidgetRule {
  const { action, ...rest } = overrides;
  return {
    id: RULE_ID,
    trigger,
    action: { kind: 'bot_message', text: 'Need a hand with your order?', quickReplies: [], guideKey: null, articles: [], ...action },
    allowWhileTyping: false,
    allowDuringPurchase: false,
    ...rest,
  };
}

export function aProactiveAnswer(overrides: Partial<WidgetProactive> = {}): WidgetProactive {
  return { rules: [], purchaseUrlPatterns: ['/checkout*'], doNotDisturb: false, sessionCapReached: false, ...overrides };
}
