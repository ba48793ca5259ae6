import type { CustomerConversation, GuideStepView, Message, WidgetConfig } from '@tandem/protocol';
import { createRestClient, type RestClientOptions } from './rest.client.ts';
import type {
  AttachmentMeta,
  BotAnswerRatingBody,
  CreateWidgetSessionBody,
  ExposureClaim,
  ExposureClaimBody,
  ExposureEngagement,
  IdentifyBody,
  MagicLinkBody,
  TrackEventBody,
  WidgetConsent,
  WidgetConsentBody,
  WidgetMessageBody,
  WidgetProactive,
  WidgetSession,
} from './wire-types.ts';

/** A knowledge-base hit; the search endpoint arrives with the knowledge base. */
export type HelpArticle = { articleId: string; title: string; url: string; summary?: string | null };
export type GuideSummary = { key: string; title: Partial<Record<'en' | 'vi' | 'fa', string>> };

export type MessagesPage = { items: Message[]; hasMore: boolean };
export type PostedMessage = { conversation: CustomerConversation; message: Message; duplicate: boolean };

export type WidgetApi = ReturnType<typeof createWidgetApi>;

export type WidgetApiOptions = Omit<RestClientOptions, 'baseUrl'> & { apiOrigin: string; workspaceId: string };

export const HISTORY_PAGE_SIZE = 100;

export function widgetBasePath(workspaceId: string): string {
  return `/api/v1/widget/${encodeURIComponent(workspaceId)}`;
}

export function createWidgetApi(options: WidgetApiOptions) {
  const request = createRestClient({ ...options, baseUrl: `${options.apiOrigin}${widgetBasePath(options.workspaceId)}` });
  return {
    getConfig: () => request<WidgetConfig>('GET', '/config', { isAnonymous: true }),
    createSession: (body: CreateWidgetSessionBody) =>
      request<WidgetSession>('POST', '/sessions', { isAnonymous: true, body }),
    redeemMagicLink: (token: string) =>
      request<WidgetSession>('POST', '/magic-links/redeem', { isAnonymous: true, body: { token } }),
    listConversations: () => request<{ items: CustomerConversation[] }>('GET', '/conversations'),
    listMessages: (conversationId: string, afterSeq: number) =>
      request<MessagesPage>(
        'GET',
        `/conversations/${encodeURIComponent(conversationId)}/messages?afterSeq=${afterSeq}&limit=${HISTORY_PAGE_SIZE}`,
      ),
    postMessage: (body: WidgetMessageBody) => request<PostedMessage>('POST', '/messages', { body }),
    handoff: (conversationId: string) =>
      request<CustomerConversation>('POST', `/conversations/${encodeURIComponent(conversationId)}/handoff`),
    identify: (body: IdentifyBody) => request<WidgetSession>('POST', '/identify', { body }),
    requestMagicLink: (body: MagicLinkBody) => request<{ ok: true }>('POST', '/magic-links', { body }),
    rateAnswer: (messageId: string, body: BotAnswerRatingBody) =>
      request<{ ok: true }>('POST', `/messages/${encodeURIComponent(messageId)}/rating`, { body }),
    track: (body: TrackEventBody) => request<unknown>('POST', '/events', { body }),
    upload: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request<AttachmentMeta>('POST', '/uploads', { form });
    },
    listGuides: () => request<{ items: GuideSummary[] }>('GET', '/guides'),
    advanceGuide: (key: string, body: { step?: string; runId?: string }, locale: string) =>
      request<GuideStepView>('POST', `/guides/${encodeURIComponent(key)}/steps?locale=${encodeURIComponent(locale)}`, { body }),
    searchHelp: (query: string, locale: string, signal?: AbortSignal) =>
      request<{ items: HelpArticle[] }>(
        'GET',
        `/help/search?q=${encodeURIComponent(query)}&locale=${encodeURIComponent(locale)}`,
        { signal },
      ),
    /** The proactive rules this visitor may meet in this tab's session, already in their language. */
    getProactive: (sessionId: string) =>
      request<WidgetProactive>('GET', `/proactive?sessionId=${encodeURIComponent(sessionId)}`),
    /** A rule fired: the server decides (caps, consent, the moment) whether it may show. */
    claimExposure: (body: ExposureClaimBody) => request<ExposureClaim>('POST', '/proactive/exposures', { body }),
    engageExposure: (exposureId: string, engagement: ExposureEngagement) =>
      request<void>('POST', `/proactive/exposures/${encodeURIComponent(exposureId)}/engagement`, { body: { engagement } }),
    setDoNotDisturb: (on: boolean) => request<void>('PUT', '/proactive/do-not-disturb', { body: { on } }),
    getConsent: () => request<WidgetConsent>('GET', '/consent'),
    /** Purposes left out keep their value; answers with all of them. */
    setConsent: (body: WidgetConsentBody) => request<WidgetConsent>('PUT', '/consent', { body }),
  };
}
