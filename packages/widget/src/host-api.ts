import type { WidgetController } from './app/widget-controller.ts';
import { HOST_EVENT_NAMES, type HostEventMap, type HostEventName, type HostEvents } from './app/host-events.ts';
import { pickConsent } from './app/consent.ts';
import { reportError } from './report-error.ts';
import type { IdentifyBody, WidgetConsentBody } from './transport/wire-types.ts';

export type TrackProps = Record<string, string | number | boolean | null>;

/** `window.Tandem`: the widget's JavaScript API for the host page. */
export type TandemApi = {
  /** Opens the chat panel. */
  open(): void;
  /** Closes the chat panel. */
  close(): void;
  /**
   * Tells Tandem who the visitor is, so their conversations follow them across devices and
   * agents see who they talk to. Passing `id` requires `hash`: the hex HMAC-SHA256 of `id` with
   * the workspace's identity secret, computed on your server (never in the browser).
   * Resolves with the customer id; rejects with an error whose `code` is e.g.
   * `widget.identity_forged` (wrong hash) or `widget.identity_unverified` (id without hash).
   */
  identify(input: IdentifyBody): Promise<{ customerId: string }>;
  /**
   * Records a custom event on the customer's journey (agents see it; rules can use it).
   * Resolves true once stored, false if it could not be; it never rejects.
   */
  track(event: string, props?: TrackProps): Promise<boolean>;
  /**
   * Passes the visitor's decision from your cookie banner: `behaviour` (page activity for
   * proactive help), `marketing` (news and offers), `automation` (the assistant may answer).
   * Purposes left out keep their value; an explicit `behaviour: true` overrides Do Not Track.
   * Waits for the visitor's session, then stores it. Resolves true once stored, false if it
   * could not be (the choice still goes into the session when one starts); it never rejects.
   */
  setConsent(consent: WidgetConsentBody): Promise<boolean>;
  /**
   * Listens to `message` (a new agent/bot message), `open`, `close` or `unread` (the count).
   * Returns a function that removes the listener.
   */
  on<E extends HostEventName>(event: E, listener: (...args: HostEventMap[E]) => void): () => void;
  /** Switches the language live: `en`, `vi` or `fa` (right-to-left). */
  setLocale(locale: string): void;
};

/** The pre-load snippet: `window.Tandem = window.Tandem || { q: [] }; Tandem.q.push(['open'])`. */
type TandemStub = { q?: unknown };

const NOT_RUNNING = 'The Tandem widget is not running (missing data-workspace, or its server refused the configuration)';

export function createHostApi(ready: Promise<WidgetController | null>, events: HostEvents): TandemApi {
  const withController = <T>(run: (controller: WidgetController) => T | Promise<T>): Promise<T> =>
    ready.then((controller) => {
      if (!controller) throw new Error(NOT_RUNNING);
      return run(controller);
    });
  const fireAndForget = (where: string, run: (controller: WidgetController) => void) => {
    withController(run).catch((error: unknown) => reportError(where, error));
  };
  return {
    open: () => fireAndForget('Tandem.open', (c) => c.open()),
    close: () => fireAndForget('Tandem.close', (c) => c.close()),
    identify: (input) => withController((c) => c.identify(input ?? {})),
    track: (event, props) =>
      withController((c) => c.track(String(event), props ?? {}))
        .then(() => true)
        .catch((error: unknown) => {
          reportError('Tandem.track', error);
          return false;
        }),
    setConsent(consent) {
      const picked = pickConsent(consent);
      if (Object.keys(picked).length === 0) {
        reportError('Tandem.setConsent', 'pass { behaviour, marketing, automation } with boolean values');
        return Promise.resolve(false);
      }
      return withController((c) => c.consent.set(picked))
        .then(() => true)
        .catch((error: unknown) => {
          reportError('Tandem.setConsent', error);
          return false;
        });
    },
    on(event, listener) {
      if (!(HOST_EVENT_NAMES as readonly string[]).includes(event) || typeof listener !== 'function') {
        reportError('Tandem.on', `unknown event "${String(event)}" (message, open, close, unread)`);
        return () => undefined;
      }
      return events.on(event, listener);
    },
    setLocale: (locale) => fireAndForget('Tandem.setLocale', (c) => c.setLocale(locale)),
  };
}

/** Installs `window.Tandem`, then replays calls the page queued in the stub before we loaded. */
export function installHostApi(win: Window & { Tandem?: unknown }, api: TandemApi): void {
  const stub = win.Tandem as TandemStub | undefined;
  const queued = Array.isArray(stub?.q) ? (stub.q as unknown[]) : [];
  win.Tandem = api;
  for (const call of queued) {
    if (!Array.isArray(call) || typeof call[0] !== 'string') continue;
    const [method, ...args] = call as [string, ...unknown[]];
    const fn = (api as Record<string, unknown>)[method];
    if (typeof fn !== 'function') {
      reportError('Tandem queue', `unknown method "${method}"`);
      continue;
    }
    try {
      const result: unknown = fn(...args);
      if (result instanceof Promise) result.catch((error: unknown) => reportError(`Tandem.${method}`, error));
    } catch (error) {
      reportError(`Tandem.${method}`, error);
    }
  }
}
