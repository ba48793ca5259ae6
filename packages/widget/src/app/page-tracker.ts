import { guard } from '../report-error.ts';
import type { TrackEventBody } from '../transport/wire-types.ts';

const PATCHED = Symbol.for('tandem.history-patched');
// Routers usually set the new title just after pushState; wait for it.
const TITLE_SETTLE_MS = 300;

type PatchableHistory = History & { [PATCHED]?: true };

/**
 * Sends `page.viewed` now and on every SPA navigation (pushState, replaceState, back/forward).
 * Hash-only changes are not page views. Returns the stop function.
 */
export function trackPageViews(send: (event: TrackEventBody) => void, win: Window = window): () => void {
  let lastUrl = withoutHash(win.location.href);
  let referrer = win.document.referrer;
  let timer: ReturnType<typeof setTimeout> | undefined;
  send(pageView(win, referrer));

  const noteNavigation = guard('page view', () => {
    const url = withoutHash(win.location.href);
    if (url === lastUrl) return;
    referrer = lastUrl;
    lastUrl = url;
    clearTimeout(timer);
    timer = setTimeout(guard('page view', () => send(pageView(win, referrer))), TITLE_SETTLE_MS);
  });

  const history = win.history as PatchableHistory;
  // A second copy of the script must not wrap the wrappers.
  if (!history[PATCHED]) {
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function patched(this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args);
        win.dispatchEvent(new Event('tandem:navigation'));
        return result;
      };
    }
    history[PATCHED] = true;
  }
  win.addEventListener('tandem:navigation', noteNavigation);
  win.addEventListener('popstate', noteNavigation);
  return () => {
    clearTimeout(timer);
    win.removeEventListener('tandem:navigation', noteNavigation);
    win.removeEventListener('popstate', noteNavigation);
  };
}

function pageView(win: Window, referrer: string): TrackEventBody {
  const url = safeHttpUrl(win.location.href);
  return {
    name: 'page.viewed',
    ...(url ? { url } : {}),
    title: win.document.title.slice(0, 300),
    ...(referrer ? { referrer: referrer.slice(0, 2048) } : {}),
  };
}

function withoutHash(href: string): string {
  const at = href.indexOf('#');
  return at === -1 ? href : href.slice(0, at);
}

function safeHttpUrl(href: string): string | undefined {
  return /^https?:\/\//i.test(href) && href.length <= 2048 ? href : undefined;
}
