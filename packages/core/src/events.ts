// Names of the realtime events agents receive (stored in the workspace feed, then published)
// and of the timeline events on a customer's journey. `noun.past_tense`, listed once.

export const FEED_EVENT_TYPES = [
  'conversation.created',
  'conversation.updated',
  'conversation.merged',
  'conversation.split',
  'message.created',
  'message.delivery_updated',
  'customer.merged',
  'sla.warned',
  'sla.breached',
] as const;
export type FeedEventType = (typeof FEED_EVENT_TYPES)[number];

export const TIMELINE_EVENT_TYPES = [
  'page.viewed',
  'article.read',
  'search.made',
  'guide.step_reached',
  'purchase.made',
  'conversation.started',
  'conversation.merged',
  'conversation.split',
  'customer.merged',
  'identity.added',
  'handoff.requested',
  'csat.given',
  'proactive.clicked',
  'consent.changed',
  'custom',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];
