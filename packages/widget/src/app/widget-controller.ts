import type { ServerFrame } from '@tandem/protocol';
import { createWidgetI18n, isWidgetLocale, translator } from '../i18n/widget-i18n.ts';
import { formatBytes } from '../i18n/formatters.ts';
import { guard, reportError } from '../report-error.ts';
import { persistStore, restoreState, storageKey } from '../state/persisted-state.ts';
import { createSafeStorage, type KeyValueStorage } from '../state/safe-storage.ts';
import { resumeMap, unreadCount } from '../state/widget.selectors.ts';
import { createInitialState, type PrechatChoice, type WidgetLocale } from '../state/widget-state.ts';
import { createWidgetStore } from '../state/widget.store.ts';
import { backoffDelay, DEFAULT_BACKOFF } from '../transport/backoff.ts';
import { createSocketClient } from '../transport/socket.client.ts';
import { createWidgetApi, widgetBasePath } from '../transport/widget-api.ts';
import { watchAttention } from './attention-watcher.ts';
import { createComposerActions } from './composer-actions.ts';
import { createConsentActions } from './consent.ts';
import { createCustomerActions } from './customer-actions.ts';
import { createFrameRouter } from './frame-router.ts';
import { createHandoffRequest } from './handoff-request.ts';
import { createHistorySync } from './history-sync.ts';
import { createHostEvents, type HostEvents } from './host-events.ts';
import { createOutboxSender } from './outbox-sender.ts';
import { createProactiveActions } from './proactive-actions.ts';
import { createProactiveRunner } from './proactive-runner.ts';
import { createReceiptScheduler } from './receipt-scheduler.ts';
import { prefersNoTracking } from './privacy-signals.ts';
import { createSessionKeeper } from './session-keeper.ts';
import { playSoftBeep } from './soft-beep.ts';
import { createTitleFlasher } from './title-flasher.ts';

export type WidgetControllerOptions = {
  workspaceId: string;
  /** Origin (scheme, host, port) of the Tandem server. */
  apiOrigin: string;
  locale: WidgetLocale;
  storage: KeyValueStorage;
  win?: Window;
  /** Created before the widget boots, so `Tandem.on` works from the first line of the page. */
  events?: HostEvents;
  fetchFn?: typeof fetch;
  createSocket?: (url: string) => WebSocket;
};

export type WidgetController = ReturnType<typeof createWidgetController>;

/** Past this many failed sockets in a row, queued messages go over plain HTTP instead. */
const HTTP_FALLBACK_AFTER_FAILURES = 3;
const CONFIG_MAX_AGE_MS = 60_000;

export function createWidgetController(options: WidgetControllerOptions) {
  const win = options.win ?? window;
  const key = storageKey(options.workspaceId);
  const store = createWidgetStore(restoreState(createInitialState(options.locale), options.storage.getItem(key)));
  persistStore(store, options.storage, key);
  const i18n = createWidgetI18n(options.locale);
  const translate = () => translator(i18n, store.getState().locale);
  const events = options.events ?? createHostEvents();
  const api = createWidgetApi({
    apiOrigin: options.apiOrigin,
    workspaceId: options.workspaceId,
    getToken: () => store.getState().token,
    // The keeper is created below; no request can run before it exists.
    renewToken: (refused) => keeper.renew(refused),
    fetchFn: options.fetchFn,
  });
  const consent = createConsentActions({ api, ensureSession: () => keeper.ensure(), nav: win.navigator });
  let socketFailures = 0;
  let isSocketWanted = false;
  const socket = createSocketClient({
    url: `${options.apiOrigin.replace(/^http/, 'ws')}${widgetBasePath(options.workspaceId)}/ws`,
    hello: () => ({ type: 'hello', token: store.getState().token ?? undefined, conversations: resumeMap(store.getState()) }),
    onFrame: (frame: ServerFrame) => route(frame),
    onStatus: (status, failures) => {
      socketFailures = failures;
      if (status !== 'online') outbox.reset();
      store.dispatch({ type: 'connection.changed', status });
      if (status === 'offline' && failures >= HTTP_FALLBACK_AFTER_FAILURES && win.navigator.onLine !== false) {
        // Piggyback on the reconnect cadence: while the socket is down, HTTP both sends and polls.
        sendPending();
        history.sync().catch((error: unknown) => reportError('history sync', error));
      }
    },
    createSocket: options.createSocket,
  });
  const keeper = createSessionKeeper({
    store,
    createSession: () => api.createSession({ locale: store.getState().locale, consent: consent.forNewSession() }),
    onChanged: () => {
      if (isSocketWanted) socket.restart();
    },
  });
  const outbox = createOutboxSender({ store, socket, api });
  const sendPending = () => {
    if (socket.isReady()) return outbox.flush();
    if (socketFailures >= HTTP_FALLBACK_AFTER_FAILURES && win.navigator.onLine !== false) {
      outbox.flushOverHttp().catch((error: unknown) => reportError('http send', error));
    }
  };
  const history = createHistorySync({ store, api });
  const receipts = createReceiptScheduler({ send: (frame) => socket.send(frame) });
  const handoff = createHandoffRequest({ store, api });
  const flasher = createTitleFlasher(win.document);

  const connect = async (attempt = 0): Promise<void> => {
    isSocketWanted = true;
    if (await keeper.ensure()) return socket.start();
    store.dispatch({ type: 'connection.changed', status: 'offline' });
    const delay = backoffDelay(attempt, { ...DEFAULT_BACKOFF, random: Math.random });
    setTimeout(guard('session retry', () => connect(attempt + 1)), delay);
  };

  const route = createFrameRouter({
    store,
    outbox,
    history,
    receipts,
    handoff,
    events,
    onTeamMessage: () => {
      const state = store.getState();
      if (state.isOpen && win.document.visibilityState !== 'hidden') return;
      const count = unreadCount(state);
      flasher.start((title) => translate()('title.flash', { count, title }));
      playSoftBeep();
    },
    onSessionRefused: () => {
      const refused = store.getState().token;
      isSocketWanted = false;
      socket.stop();
      void keeper.renew(refused).then(() => connect());
    },
  });

  const setOpen = (isOpen: boolean) => store.dispatch({ type: 'panel.toggled', isOpen });
  const formatSize = (bytes: number) => formatBytes(bytes, store.getState().locale);
  const composer = createComposerActions({
    store,
    api,
    ensureSession: () => keeper.ensure(),
    sendPending,
    sendFrame: (frame) => socket.send(frame),
    formatSize,
  });
  const customer = createCustomerActions({ store, api, session: keeper, win, setOpen, allowsTracking: consent.allowsTracking });
  let configLoadedAt = Date.now();
  const open = () => {
    setOpen(true);
    // Availability changes with the hours: refresh a config older than the server's cache.
    if (Date.now() - configLoadedAt > CONFIG_MAX_AGE_MS) {
      configLoadedAt = Date.now();
      customer.loadConfig().catch((error: unknown) => reportError('config refresh', error));
    }
  };
  const proactiveRunner = createProactiveRunner({
    api,
    store,
    win,
    storage: options.storage,
    remembersVisits: !prefersNoTracking(win.navigator),
    tabStorage: createSafeStorage(() => win.sessionStorage),
    keyPrefix: key,
    loadedAt: win.performance?.timeOrigin,
  });
  const proactive = createProactiveActions({ store, api, composer, handoff, open, stopRunner: () => proactiveRunner.stop() });

  return {
    store,
    events,
    composer,
    ...customer,
    /** Records the event, and lets proactive rules waiting for it fire. */
    track(name: string, props: Parameters<typeof customer.track>[1] = {}) {
      guard('proactive event', () => proactiveRunner.noteEvent(name, props))();
      return customer.track(name, props);
    },
    proactive,
    /** The visitor's privacy choices: the privacy view and `Tandem.setConsent`. */
    consent,
    apiOrigin: options.apiOrigin,
    translate,
    /** After the config: redeems a magic link, opens the session and socket, tracks page views, runs proactive rules. */
    async run(): Promise<void> {
      watchAttention({ store, events, receipts, flasher, win });
      await customer.redeemMagicLinkFromUrl();
      await connect();
      // The browser asks not to be tracked: only a choice the visitor stored earlier overrules it.
      if (prefersNoTracking(win.navigator) && store.getState().token) await consent.load().catch((error: unknown) => reportError('consent', error));
      customer.startPageTracking();
      proactiveRunner.start();
    },
    open,
    close: () => setOpen(false),
    handoff: () => handoff.request(),
    setLocale(locale: unknown) {
      if (!isWidgetLocale(locale)) return reportError('setLocale', `unsupported locale ${String(locale)} (en, vi or fa)`);
      void i18n.changeLanguage(locale);
      store.dispatch({ type: 'locale.changed', locale });
    },
    dismiss: (slot: 'error' | 'info') => store.dispatch({ type: 'notice.shown', slot, notice: null }),
    /** Picks a pre-chat topic or who to start with (sent with the first message). */
    choosePrechat: (choice: Partial<PrechatChoice>) => store.dispatch({ type: 'prechat.chosen', choice }),
    formatSize,
  };
}
