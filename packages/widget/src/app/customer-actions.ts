import { reportError } from '../report-error.ts';
import type { WidgetStore } from '../state/widget.store.ts';
import { ApiError, isApiError } from '../transport/api-error.ts';
import { backoffDelay, DEFAULT_BACKOFF } from '../transport/backoff.ts';
import type { GuideSummary, HelpArticle, WidgetApi } from '../transport/widget-api.ts';
import type { GuideStepView } from '@tandem/protocol';
import type { IdentifyBody } from '../transport/wire-types.ts';
import { readMagicToken, removeMagicToken, returnUrl } from './magic-link.ts';
import { trackPageViews } from './page-tracker.ts';
import type { SessionKeeper } from './session-keeper.ts';

type TrackProps = Record<string, string | number | boolean | null>;

export function createCustomerActions(deps: {
  store: WidgetStore;
  api: WidgetApi;
  session: SessionKeeper;
  win: Window;
  setOpen: (isOpen: boolean) => void;
  /** Asked per page view: a privacy choice made on this page applies from the next one. */
  allowsTracking: () => boolean;
}) {
  const { store, api, session, win } = deps;
  const notice = (slot: 'error' | 'info', key: string | null) =>
    store.dispatch({ type: 'notice.shown', slot, notice: key ? { key } : null });

  const authed = async () => {
    if (await session.ensure()) return;
    throw new ApiError({ status: 0, code: 'network.unreachable', detail: 'No session: the server could not be reached' });
  };

  // Kept for this page's session only: enough to show the choice, and nothing more to store.
  const ratings = new Map<string, boolean>();

  const track = async (name: string, props: TrackProps = {}) => {
    await authed();
    const url = /^https?:/i.test(win.location.href) ? win.location.href.slice(0, 2048) : undefined;
    await api.track({ name, props, ...(url ? { url } : {}) });
  };

  return {
    /** Without a config there is nothing to draw; a cached one draws at once and is refreshed. */
    async loadConfig(): Promise<boolean> {
      for (let attempt = 0; ; attempt += 1) {
        try {
          store.dispatch({ type: 'config.loaded', config: await api.getConfig() });
          return true;
        } catch (error) {
          const hasCached = store.getState().config !== null;
          const isHopeless = !isApiError(error) || !error.isTemporary;
          if (hasCached || isHopeless) {
            reportError(hasCached ? 'config refresh' : 'config', error);
            return hasCached;
          }
          await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, { ...DEFAULT_BACKOFF, random: Math.random })));
        }
      }
    },
    async redeemMagicLinkFromUrl(): Promise<void> {
      const token = readMagicToken(win.location.hash);
      if (!token) return;
      try {
        session.adopt(await api.redeemMagicLink(token));
        notice('info', 'email.welcomeBack');
      } catch (error) {
        if (!isApiError(error)) throw error;
        notice('error', 'error.magicLinkInvalid');
      } finally {
        removeMagicToken(win.location, win.history);
      }
      deps.setOpen(true);
    },
    startPageTracking: () =>
      trackPageViews((event) => {
        if (!deps.allowsTracking()) return;
        authed()
          .then(() => api.track(event))
          .catch((error: unknown) => reportError('page view', error));
      }, win),
    /** Emails a link that reopens this conversation anywhere; false when refused (shown to the customer). */
    async requestMagicLink(email: string): Promise<boolean> {
      try {
        await authed();
        await api.requestMagicLink({ email, locale: store.getState().locale, returnUrl: returnUrl(win.location.href) });
        notice('error', null);
        return true;
      } catch (error) {
        if (!isApiError(error)) throw error;
        if (error.status !== 400) reportError('magic link', error);
        notice('error', error.status === 400 ? 'email.invalid' : 'error.generic');
        return false;
      }
    },
    /** Rejects with the server's problem (e.g. `widget.identity_forged`) so the host page can react. */
    async identify(input: IdentifyBody): Promise<{ customerId: string }> {
      await authed();
      const result = await api.identify(pickIdentify(input));
      session.adopt(result);
      return { customerId: result.customerId };
    },
    track,
    ratingOf: (messageId: string): boolean | undefined => ratings.get(messageId),
    /** Thumbs up/down on a bot answer: shown at once, sent in the background (failures go to the console). */
    rateAnswer(messageId: string, helpful: boolean): void {
      if (ratings.get(messageId) === helpful) return;
      ratings.set(messageId, helpful);
      authed()
        .then(() => api.rateAnswer(messageId, { helpful }))
        .catch((error: unknown) => reportError('answer rating', error));
    },
    async listGuides(): Promise<GuideSummary[]> {
      await authed();
      return (await api.listGuides()).items;
    },
    /** Starts a guide (no step) or follows a choice; the server counts every step for analytics. */
    async advanceGuide(key: string, step?: { step: string; runId: string }): Promise<GuideStepView> {
      await authed();
      return api.advanceGuide(key, step ?? {}, store.getState().locale);
    },
    async searchHelp(query: string, signal?: AbortSignal): Promise<HelpArticle[]> {
      await authed();
      return (await api.searchHelp(query, store.getState().locale, signal)).items;
    },
  };
}

/** The server's schema is strict: forward only the fields it knows. */
function pickIdentify(input: IdentifyBody): IdentifyBody {
  const body: IdentifyBody = {};
  if (input.id !== undefined) body.id = String(input.id);
  if (input.email !== undefined) body.email = input.email;
  if (input.name !== undefined) body.name = input.name;
  if (input.attributes !== undefined) body.attributes = input.attributes;
  if (input.hash !== undefined) body.hash = input.hash;
  return body;
}
