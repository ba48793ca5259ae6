import { segmentConditionHolds } from '../routing/segment-rules.ts';
import type { WebTrigger } from './proactive-rule.ts';
import { urlMatches } from './url-pattern.ts';

export type EventProps = Readonly<Record<string, string | number | boolean | null>>;

/** What the widget knows about the visitor on this page at this moment. */
export interface PageSignals {
  url: string;
  secondsOnPage: number;
  /** How far down the page they scrolled, 0–100. */
  scrollPercent: number;
  /** Seconds since they last typed in a form on the page they started filling; 0 when none. */
  formIdleSeconds: number;
  /** The pointer left towards the browser's tabs or address bar. */
  exitIntent: boolean;
  /** Views of this very page by this visitor in the last week, this one included. */
  pageVisits: number;
  /** The `Tandem.track()` event just recorded, if that is what is being evaluated. */
  event: { name: string; props: EventProps } | null;
}

/** Whether a web trigger fires on these signals (pure; the widget calls it on each change). */
export function triggerFires(trigger: WebTrigger, signals: PageSignals): boolean {
  if (trigger.urlPattern && !urlMatches(trigger.urlPattern, signals.url)) return false;
  switch (trigger.kind) {
    case 'page_view':
      return true;
    case 'time_on_page':
      return signals.secondsOnPage >= trigger.seconds;
    case 'scroll_depth':
      return signals.scrollPercent >= trigger.percent;
    case 'form_idle':
      return signals.formIdleSeconds >= trigger.seconds;
    case 'exit_intent':
      return signals.exitIntent;
    case 'repeat_visits':
      return signals.pageVisits >= trigger.visits;
    case 'host_event':
      return (
        signals.event !== null &&
        signals.event.name === trigger.event &&
        trigger.where.every((condition) => segmentConditionHolds(condition, propValue(signals.event!.props, condition.field)))
      );
  }
}

// Own keys only: a condition on `constructor` or `toString` must not reach Object.prototype (and
// then hold for `exists`). Not `Object.hasOwn`: the widget bundles this for es2020 browsers.
function propValue(props: EventProps, field: string): unknown {
  return Object.prototype.hasOwnProperty.call(props, field) ? (props[field] ?? undefined) : undefined;
}

/** The soonest moment a timed trigger can fire on this page, in seconds (for the widget's timer); null if not timed. */
export function secondsUntilDue(trigger: WebTrigger): number | null {
  if (trigger.kind === 'time_on_page' || trigger.kind === 'form_idle') return trigger.seconds;
  return null;
}
