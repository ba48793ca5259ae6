import { ApiError } from '../transport/api-error.ts';
import type { WidgetApi } from '../transport/widget-api.ts';
import type { WidgetConsent, WidgetConsentBody } from '../transport/wire-types.ts';
import { prefersNoTracking } from './privacy-signals.ts';

/** Mirrors core's CONSENT_PURPOSES (a value import from core would bundle more than this line). */
export const CONSENT_PURPOSES = ['automation', 'behaviour', 'marketing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export type ConsentActions = ReturnType<typeof createConsentActions>;

/**
 * The visitor's privacy choices, per purpose. The browser's Do Not Track or Global Privacy
 * Control signal only sets where a new session starts; an explicit choice (the privacy view,
 * or the host site's cookie banner through `Tandem.setConsent`) outranks it. Choices made on
 * this page also go into any session created later, so one made before the session exists,
 * or before a refused session is renewed, is not lost.
 */
export function createConsentActions(deps: {
  api: Pick<WidgetApi, 'getConsent' | 'setConsent'>;
  ensureSession: () => Promise<string | null>;
  nav: Navigator;
}) {
  let chosen: WidgetConsentBody = {};
  let known: WidgetConsent | null = null;

  const withSession = async () => {
    if (await deps.ensureSession()) return;
    throw new ApiError({ status: 0, code: 'network.unreachable', detail: 'No session: the server could not be reached' });
  };

  return {
    forNewSession: (): WidgetConsentBody => ({ behaviour: !prefersNoTracking(deps.nav), ...chosen }),
    /** Whether page views may leave the browser; the server checks again before keeping one. */
    allowsTracking: (): boolean => known?.behaviour ?? chosen.behaviour ?? !prefersNoTracking(deps.nav),
    async load(): Promise<WidgetConsent> {
      await withSession();
      known = await deps.api.getConsent();
      return known;
    },
    /** Saves once the session exists; purposes left out keep their value. Resolves with all of them. */
    async set(change: WidgetConsentBody): Promise<WidgetConsent> {
      chosen = { ...chosen, ...change };
      await withSession();
      known = await deps.api.setConsent(change);
      return known;
    },
  };
}

/** What a host page passed, as the server's strict schema accepts it: booleans for known purposes only. */
export function pickConsent(input: unknown): WidgetConsentBody {
  const picked: WidgetConsentBody = {};
  if (typeof input !== 'object' || input === null) return picked;
  for (const purpose of CONSENT_PURPOSES) {
    const value = (input as Record<string, unknown>)[purpose];
    if (typeof value === 'boolean') picked[purpose] = value;
  }
  return picked;
}
