// Every table that refers to a customer (by customer_id, or through their conversations or
// messages) and what the export and the erasure do with it. A test compares these lists with
// the schema: a new table that names a customer fails it until it is placed here.
import type { CustomerExportSection } from '@tandem/protocol';

/** Table → the export section its rows appear in (`customer`: the profile itself). */
export const EXPORTED_TABLES: Readonly<Record<string, CustomerExportSection | 'customer'>> = {
  customers: 'customer',
  identities: 'identities',
  contact_preferences: 'contactPreferences',
  access_tokens: 'widgetSessions',
  magic_links: 'magicLinks',
  conversations: 'conversations',
  messages: 'conversations',
  files: 'attachments',
  timeline_events: 'timelineEvents',
  csat_surveys: 'csatSurveys',
  kb_feedback: 'articleFeedback',
  kb_searches: 'searches',
  bot_answer_ratings: 'botAnswerRatings',
  bot_answer_feedback: 'botAnswerFeedback',
  bot_training_phrases: 'trainingPhrases',
  bot_sessions: 'botSessions',
  handoffs: 'handoffs',
  proactive_exposures: 'proactiveExposures',
  broadcast_recipients: 'broadcastRecipients',
  business_events: 'businessEvents',
  privacy_requests: 'privacyRequests',
};

/** Tables left out of the export, each with why: none holds anything the customer said or did that the export lacks. */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  conversation_facts: 'analytics computed from the conversations and messages that are exported',
  routing_events: "how the team routed the work: agents, teams and the router's reasons",
  sla_events: "the team's response-time warnings and breaches",
  mentions: 'agents naming colleagues in private notes; the notes are exported as messages',
  email_message_ids: 'mail header ids kept for threading; the messages they belong to are exported',
  deliveries: 'send-job bookkeeping; each message carries its delivery status and error',
  feed_events: "the console's live update log, which holds ids only",
};

export type ErasureTreatment = 'deleted' | 'anonymized' | 'revoked' | 'kept';

/**
 * What an erasure does with each table. `anonymized`: the rows stay because aggregates count
 * them, with nothing that points at the person; `kept` rows hold no personal data (see KEPT).
 */
export const ERASURE_TREATMENT: Readonly<Record<string, ErasureTreatment>> = {
  customers: 'anonymized',
  identities: 'deleted',
  contact_preferences: 'deleted',
  access_tokens: 'revoked',
  magic_links: 'deleted',
  conversations: 'deleted',
  messages: 'deleted',
  files: 'deleted',
  timeline_events: 'deleted',
  csat_surveys: 'anonymized',
  kb_feedback: 'anonymized',
  kb_searches: 'deleted',
  bot_answer_ratings: 'deleted',
  bot_answer_feedback: 'deleted',
  bot_training_phrases: 'deleted',
  bot_sessions: 'deleted',
  handoffs: 'deleted',
  proactive_exposures: 'deleted',
  broadcast_recipients: 'deleted',
  business_events: 'deleted',
  conversation_facts: 'anonymized',
  routing_events: 'deleted',
  sla_events: 'deleted',
  mentions: 'deleted',
  email_message_ids: 'deleted',
  deliveries: 'deleted',
  privacy_requests: 'kept',
  feed_events: 'kept',
};

export const KEPT: Readonly<Record<string, string>> = {
  privacy_requests: 'the record that the erasure was asked for and done: the customer id and counts, nothing else',
  feed_events: 'ids and event types only; the messages and conversations they pointed at are gone',
};
