import type { ServiceDeps } from './platform/deps.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { createAgentService } from './features/agents/agent.service.ts';
import { createWorkspaceService } from './features/workspaces/workspace.service.ts';
import { createCustomerService } from './features/customers/customer.service.ts';
import { createConversationService } from './features/conversations/conversation.service.ts';
import { createMergeSplitService } from './features/conversations/merge-split.service.ts';
import { createReceiveService } from './features/conversations/receive.service.ts';
import { createMessageAppender } from './features/messages/message-appender.ts';
import { createPostMessageService } from './features/messages/post-message.service.ts';
import { createRevertService } from './features/audit/revert.service.ts';
import { createSignalService } from './features/conversations/signals.service.ts';
import { createArticleService } from './features/kb/article.service.ts';
import { createArticleSearchService } from './features/kb/article-search.service.ts';
import { createKbImportService } from './features/kb/kb-import.service.ts';
import { createGuideService } from './features/kb/guide.service.ts';
import { createUploadService } from './features/files/upload.service.ts';
import { createIdentifyService } from './features/widget/identify.service.ts';
import { createMagicLinkService } from './features/widget/magic-link.service.ts';
import { createWidgetService } from './features/widget/widget.service.ts';
import { createBotModelService } from './features/bot/bot-model.service.ts';
import { createBotTurnService } from './features/bot/bot-turn.service.ts';
import { createBotAdminService } from './features/bot/bot-admin.service.ts';
import { createBotRatingService } from './features/bot/bot-rating.service.ts';
import { createHandoffService } from './features/bot/handoff.service.ts';
import { withBotTurns } from './features/bot/with-bot-turns.ts';
import { createRoutingService } from './features/routing/routing.service.ts';
import { createAgentRoutingService } from './features/routing/agent-routing.service.ts';
import { createQueuePolicyService } from './features/routing/queue-policy.service.ts';
import { withRouting } from './features/routing/with-routing.ts';
import { withQueueMoves } from './features/routing/with-queue-moves.ts';
import { createSlaService } from './features/sla/sla.service.ts';
import { workspacesWithSla } from './features/sla/sla.store.ts';
import { createSegmentService } from './features/segments/segment.service.ts';
import { createInboxService } from './features/inbox/inbox.service.ts';
import { createPeriodicPasses } from './features/scheduler/periodic-passes.ts';
import { createCannedResponseService } from './features/canned-responses/canned-response.service.ts';
import { createMentionService } from './features/mentions/mention.service.ts';
import { createSavedFilterService } from './features/saved-filters/saved-filter.service.ts';
import { createDeliveryService } from './features/deliveries/delivery.service.ts';
import { withDeliveryKick } from './features/deliveries/with-delivery-kick.ts';
import { createEmailSender } from './features/deliveries/email.sender.ts';
import { createMessagingSender } from './features/deliveries/messaging.sender.ts';
import { createChannelSettingsService } from './features/channels/channel-settings.service.ts';
import { createChannelSimulator } from './features/channels/channel-simulator.service.ts';
import { createEmailInboundService } from './features/channels/email-inbound.service.ts';
import { createMessagingInboundService } from './features/channels/messaging-inbound.service.ts';
import { createCsatService } from './features/csat/csat.service.ts';
import { withSurveyReplies } from './features/csat/with-survey-replies.ts';
import { createFactsService } from './features/analytics/facts.service.ts';
import { createAnalyticsService } from './features/analytics/analytics.service.ts';
import { listWorkspaceIds } from './features/workspaces/workspace.store.ts';
import { createRuleService } from './features/proactive/rule.service.ts';
import { createWidgetProactiveService } from './features/proactive/widget-proactive.service.ts';
import { createBroadcastService } from './features/broadcasts/broadcast.service.ts';
import { createBusinessEventService } from './features/outreach/business-event.service.ts';
import { createUnsubscribe } from './features/outreach/unsubscribe.ts';
import { createPublicUrl } from './platform/public-url.ts';
import { createPrivacyServices } from './features/privacy/privacy.services.ts';
import { createAgentView } from './features/personal-data/agent-view.ts';

/** Every use case, built from the adapters. One instance per process. */
export function createServices(deps: ServiceDeps) {
  const publicUrl = createPublicUrl(deps.config);
  const uploads = createUploadService(deps);
  const deliveries = createDeliveryService({
    ...deps,
    senders: { email: createEmailSender({ ...deps, uploads }), sms: createMessagingSender({ ...deps, fetch }, 'sms'), whatsapp: createMessagingSender({ ...deps, fetch }, 'whatsapp') },
  });
  const appender = withDeliveryKick(createMessageAppender(deps), deliveries);
  const customers = createCustomerService(deps);
  const auth = createAuthService(deps);
  const articleSearch = createArticleSearchService(deps);
  const guides = createGuideService(deps);
  const botModels = createBotModelService(deps);
  const postMessage = createPostMessageService({ ...deps, appender });
  const routing = createRoutingService(deps);
  const conversations = withQueueMoves(createConversationService(deps), routing);
  const sla = createSlaService({ ...deps, routing });
  const segments = createSegmentService(deps);
  const unsubscribe = createUnsubscribe({ ...deps, publicUrl });
  const broadcasts = createBroadcastService({ ...deps, deliveries, unsubscribe });
  // Erasing phrases agents made from a customer's messages retrains the bot without them.
  const agentView = createAgentView(deps);
  const privacy = createPrivacyServices({ ...deps, publicUrl, onTrainingChanged: (workspaceId) => botModels.retrainLater(workspaceId), onSettingsChanged: (workspaceId, settings) => agentView.changed(workspaceId, settings.maskPiiForAgents) });
  const passes = createPeriodicPasses([
    { name: 'routing', workspaces: () => routing.workspacesToPass(), run: (workspaceId) => routing.pass(workspaceId) },
    { name: 'sla', workspaces: () => workspacesWithSla(deps.db), run: (workspaceId) => sla.pass(workspaceId) },
    { name: 'broadcasts', workspaces: () => broadcasts.workspacesToPass(), run: (workspaceId) => broadcasts.pass(workspaceId) },
    { name: 'privacy', workspaces: () => privacy.erasure.workspacesToPass(), run: (workspaceId) => privacy.erasure.pass(workspaceId) },
    { name: 'retention', workspaces: () => privacy.retention.workspacesToPass(), run: (workspaceId) => privacy.retention.pass(workspaceId) },
    { name: 'file-removals', workspaces: () => privacy.fileRemovals.workspacesToPass(), run: (workspaceId) => privacy.fileRemovals.pass(workspaceId) },
    { name: 'deliveries', workspaces: () => deliveries.workspacesToPass(), run: (workspaceId) => deliveries.pass(workspaceId) },
    { name: 'csat', workspaces: () => listWorkspaceIds(deps.db), run: (workspaceId) => csat.pass(workspaceId) },
    { name: 'analytics', workspaces: () => listWorkspaceIds(deps.db), run: (workspaceId) => facts.refresh(workspaceId) },
  ], deps.log);
  const handoff = createHandoffService({ ...deps, conversations, customers, routing });
  const botTurns = createBotTurnService({ ...deps, publicUrl, appender, customers, models: botModels, handoff, articleSearch, segments });
  const csat = createCsatService({ ...deps, appender, publicUrl });
  const facts = createFactsService(deps);
  const receive = withSurveyReplies(withRouting(withBotTurns(createReceiveService({ ...deps, appender, customers }), botTurns), routing), csat, customers);
  const articleChanged = (workspaceId: string, articleId: string) => {
    articleSearch.changed(workspaceId, articleId);
    botModels.retrainLater(workspaceId); // articles' sample questions train the bot
  };
  const articles = createArticleService({ ...deps, onChanged: articleChanged });
  return {
    publicUrl,
    appender,
    auth,
    agents: createAgentService(deps),
    workspaces: createWorkspaceService(deps),
    customers,
    conversations,
    mergeSplit: createMergeSplitService(deps),
    receive,
    postMessage,
    revert: createRevertService(deps),
    signals: createSignalService(deps),
    articleSearch,
    articles,
    csat,
    facts,
    analytics: createAnalyticsService({ ...deps, articles }),
    guides,
    kbImport: createKbImportService({ ...deps, guides, onChanged: articleChanged }),
    uploads,
    deliveries,
    channelSettings: createChannelSettingsService(deps),
    channelSimulator: createChannelSimulator({ ...deps, publicUrl }),
    emailInbound: createEmailInboundService({ ...deps, receive, appender, customers, uploads, deliveries, limits: { maxAttachments: 20, maxAttachmentBytes: deps.config.UPLOAD_MAX_BYTES } }),
    messagingInbound: createMessagingInboundService({ ...deps, receive, customers, uploads, deliveries, fetch }),
    identify: createIdentifyService({ ...deps, auth, customers }),
    magicLinks: createMagicLinkService({ ...deps, auth, customers }),
    widget: createWidgetService({ ...deps, auth, conversations, customers, handoff }),
    botModels,
    botTurns,
    handoff,
    bot: createBotAdminService({ ...deps, models: botModels }),
    botRatings: createBotRatingService(deps),
    routing,
    sla,
    segments,
    cannedResponses: createCannedResponseService(deps),
    mentions: createMentionService(deps),
    savedFilters: createSavedFilterService(deps),
    proactiveRules: createRuleService(deps),
    widgetProactive: createWidgetProactiveService({ ...deps, customers }),
    broadcasts,
    privacy,
    businessEvents: createBusinessEventService({ ...deps, customers, deliveries, unsubscribe }),
    unsubscribe,
    inbox: createInboxService(deps),
    agentView,
    passes,
    agentRouting: createAgentRoutingService({ ...deps, routing, postMessage }),
    queuePolicies: createQueuePolicyService({ ...deps, onChanged: (workspaceId) => void routing.drain(workspaceId).catch(() => undefined) }),
  };
}

export type Services = ReturnType<typeof createServices>;
