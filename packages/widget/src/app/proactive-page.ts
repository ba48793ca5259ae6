import { isWebTrigger, type EventProps, type PageSignals, type WebTrigger } from '@tandem/core/proactive';
import type { WidgetProactive, WidgetRule } from '../transport/wire-types.ts';

export type RunnableRule = WidgetRule & { trigger: WebTrigger };
export type TrackedEvent = { name: string; props: EventProps };

/** One page view: what the visitor did on it, the rules it may run and what became of them. */
export type PageRun = {
  url: string;
  startedAt: number;
  pageVisits: number;
  scrollPercent: number;
  /** When the visitor last typed in a host form field; null until they type. */
  lastFormInputAt: number | null;
  exitIntent: boolean;
  /** null until the server answered. */
  rules: RunnableRule[] | null;
  purchaseUrlPatterns: readonly string[];
  /** Rules claimed or passed over on this page: never evaluated again on it. */
  settled: Set<string>;
  /** Shown, or the session's caps are spent: nothing more on this page. */
  isDone: boolean;
  isClaiming: boolean;
  /** Host events tracked while no claim could be made (rules loading, a claim in flight, tab hidden). */
  waitingEvents: TrackedEvent[];
  timer: ReturnType<typeof setTimeout> | undefined;
};

export const MAX_WAITING_EVENTS = 20;

export function newPageRun(init: { url: string; startedAt: number; pageVisits: number; waitingEvents: TrackedEvent[] }): PageRun {
  return {
    ...init,
    scrollPercent: 0,
    lastFormInputAt: null,
    exitIntent: false,
    rules: null,
    purchaseUrlPatterns: [],
    settled: new Set(),
    isDone: false,
    isClaiming: false,
    timer: undefined,
  };
}

/** Takes the server's answer: nothing to run when the visitor said "don't" or the session had its share. */
export function loadRules(run: PageRun, answer: WidgetProactive): void {
  run.purchaseUrlPatterns = answer.purchaseUrlPatterns;
  run.rules = answer.doNotDisturb || answer.sessionCapReached ? [] : answer.rules.filter(isRunnable);
  if (run.rules.length === 0) run.isDone = true;
}

export function signalsOf(run: PageRun, now: number, event: TrackedEvent | null): PageSignals {
  return {
    url: run.url,
    secondsOnPage: (now - run.startedAt) / 1000,
    scrollPercent: run.scrollPercent,
    formIdleSeconds: run.lastFormInputAt === null ? 0 : (now - run.lastFormInputAt) / 1000,
    exitIntent: run.exitIntent,
    pageVisits: run.pageVisits,
    event,
  };
}

/** What a claim may carry as the page: http(s) only, within the schema's length. */
export function claimUrl(url: string): string | undefined {
  return /^https?:\/\//i.test(url) && url.length <= 2048 ? url : undefined;
}

function isRunnable(rule: WidgetRule): rule is RunnableRule {
  return isWebTrigger(rule.trigger);
}
