import { anyUrlMatches, triggerFires, type EventProps } from '@tandem/core/proactive';
import { guard, reportError } from '../report-error.ts';
import type { KeyValueStorage } from '../state/safe-storage.ts';
import type { WidgetStore } from '../state/widget.store.ts';
import type { WidgetApi } from '../transport/widget-api.ts';
import type { ExposureClaim } from '../transport/wire-types.ts';
import { watchNavigation } from './navigation-watcher.ts';
import { watchPageSignals } from './page-signals.ts';
import { recordPageVisit } from './page-visits.ts';
import { claimUrl, loadRules, MAX_WAITING_EVENTS, newPageRun, signalsOf, type PageRun, type RunnableRule, type TrackedEvent } from './proactive-page.ts';
import { nextDueAt } from './proactive-schedule.ts';
import { tabSessionId } from './tab-session-id.ts';

export type ProactiveApi = Pick<WidgetApi, 'getProactive' | 'claimExposure'>;

export type ProactiveRunner = {
  /** Fetches this page's rules and watches the page; again on every SPA navigation. */
  start(): void;
  /** For good (the visitor asked not to be disturbed). */
  stop(): void;
  /** A host event was tracked (`Tandem.track`): rules waiting for it are evaluated now. */
  noteEvent(name: string, props: EventProps): void;
};

// These answers hold for every rule of the session, not only the one claimed.
const SESSION_WIDE_REASONS: readonly (string | null)[] = ['session_cap', 'weekly_cap', 'do_not_disturb'];
// Routers often pushState then replaceState within one navigation: count the page it settles on.
const NAVIGATION_SETTLE_MS = 300;

/**
 * Runs the workspace's proactive rules on the page: evaluates triggers locally (no round trip
 * per signal), claims a rule that fires, and shows it only if the server answers `shown`. The
 * server owns the caps; the widget never opens the panel or sends anything by itself.
 */
export function createProactiveRunner(deps: {
  api: ProactiveApi;
  store: WidgetStore;
  win: Window;
  /** localStorage: the page visits of the last week. */
  storage: KeyValueStorage;
  /** False when the browser asks not to be tracked: no log of visited pages is kept, each view counts alone. */
  remembersVisits: boolean;
  /** sessionStorage: this tab's session id. */
  tabStorage: KeyValueStorage;
  keyPrefix: string;
  now?: () => number;
  /** When the first page started loading: the widget itself starts later, once the browser is idle. */
  loadedAt?: number;
}): ProactiveRunner {
  const { api, store, win } = deps;
  const now = deps.now ?? Date.now;
  const stops: (() => void)[] = [];
  const eventsBeforePage: TrackedEvent[] = [];
  let sessionId = '';
  let page: PageRun | null = null;
  let isStopped = false;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;

  // One clock reading per tick for both evaluating and scheduling: read twice, a millisecond
  // ticking over in between made a timer that fired a hair early schedule nothing more.
  const evaluate = (run: PageRun, event: TrackedEvent | null = null, at = now()): void => {
    if (page !== run || run.isDone) return;
    if (!run.rules || run.isClaiming || win.document.visibilityState === 'hidden') {
      if (event && run.waitingEvents.length < MAX_WAITING_EVENTS) run.waitingEvents.push(event);
      return;
    }
    const signals = signalsOf(run, at, event);
    for (const rule of run.rules) {
      if (run.settled.has(rule.id) || !triggerFires(rule.trigger, signals)) continue;
      run.settled.add(rule.id);
      // The visitor is already talking to us: this rule's moment passes unclaimed.
      if (store.getState().isOpen) continue;
      return claim(run, rule);
    }
  };

  const schedule = (run: PageRun, at = now()): void => {
    clearTimeout(run.timer);
    if (page !== run || !run.rules || run.isDone) return;
    const due = nextDueAt(run.rules.filter((r) => !run.settled.has(r.id)).map((r) => r.trigger), run, at);
    if (due === null) return;
    // Rounded up: timers drop fractions of a millisecond, and the page's start time has them.
    run.timer = setTimeout(guard('proactive timer', () => {
      const tick = now();
      evaluate(run, null, tick);
      schedule(run, tick);
    }), Math.ceil(due - at));
  };

  const resume = (run: PageRun): void => {
    const at = now();
    evaluate(run, null, at);
    for (const event of run.waitingEvents.splice(0)) evaluate(run, event, at);
    schedule(run, at);
  };

  const claim = (run: PageRun, rule: RunnableRule): void => {
    run.isClaiming = true;
    const url = claimUrl(run.url);
    api
      .claimExposure({
        ruleId: rule.id,
        sessionId,
        ...(url ? { url } : {}),
        typing: store.getState().draft.trim() !== '',
        purchasing: anyUrlMatches(run.purchaseUrlPatterns, run.url),
      })
      .then((answer) => settle(run, rule, answer))
      .catch((error: unknown) => reportError('proactive claim', error))
      .finally(guard('proactive claim', () => {
        run.isClaiming = false;
        resume(run);
      }));
  };

  const settle = (run: PageRun, rule: RunnableRule, answer: ExposureClaim): void => {
    if (page !== run) return;
    if (answer.outcome === 'shown') {
      run.isDone = true;
      // Opened meanwhile: the visitor found us without the prompt.
      if (!store.getState().isOpen) store.dispatch({ type: 'proactive.shown', prompt: { exposureId: answer.id, ruleId: rule.id, action: rule.action } });
    } else if (answer.outcome === 'suppressed' && SESSION_WIDE_REASONS.includes(answer.reason)) {
      run.isDone = true;
    }
  };

  const openPage = (startedAt: number): void => {
    const url = win.location.href;
    const pageVisits = deps.remembersVisits ? recordPageVisit(deps.storage, `${deps.keyPrefix}:page-visits`, url, now()) : 1;
    const run = newPageRun({ url, startedAt, pageVisits, waitingEvents: eventsBeforePage.splice(0) });
    page = run;
    api
      .getProactive(sessionId)
      .then((answer) => {
        if (page !== run) return;
        loadRules(run, answer);
        resume(run);
      })
      .catch((error: unknown) => reportError('proactive rules', error));
  };

  const closePage = () => {
    if (page) clearTimeout(page.timer);
    page = null;
  };

  const onNavigate = () => {
    closePage();
    // A prompt belongs to the page it was shown on, as it would on a full page load.
    store.dispatch({ type: 'proactive.cleared' });
    const startedAt = now();
    clearTimeout(settleTimer);
    settleTimer = setTimeout(guard('proactive page', () => openPage(startedAt)), NAVIGATION_SETTLE_MS);
  };

  const onSignals = {
    onScroll(percent: number) {
      if (!page || percent <= page.scrollPercent) return;
      page.scrollPercent = percent;
      evaluate(page);
    },
    onFormInput() {
      if (!page) return;
      page.lastFormInputAt = now();
      schedule(page);
    },
    onExitIntent() {
      if (!page || page.exitIntent) return;
      page.exitIntent = true;
      evaluate(page);
    },
  };

  const onVisibility = guard('proactive visibility', () => {
    if (page && win.document.visibilityState !== 'hidden') resume(page);
  });

  return {
    start() {
      if (isStopped || stops.length > 0) return;
      sessionId = tabSessionId(deps.tabStorage, `${deps.keyPrefix}:tab-session`);
      win.document.addEventListener('visibilitychange', onVisibility);
      stops.push(
        watchPageSignals(win, onSignals),
        watchNavigation(win, onNavigate),
        () => win.document.removeEventListener('visibilitychange', onVisibility),
      );
      openPage(Math.min(deps.loadedAt ?? now(), now()));
    },
    stop() {
      isStopped = true;
      for (const stopWatching of stops.splice(0)) stopWatching();
      clearTimeout(settleTimer);
      closePage();
    },
    noteEvent(name, props) {
      if (isStopped) return;
      const event = { name, props };
      if (page) evaluate(page, event);
      // Before the first page, or between a navigation and its page: the event belongs to the next page.
      else if (eventsBeforePage.length < MAX_WAITING_EVENTS) eventsBeforePage.push(event);
    },
  };
}
