import { guard } from '../report-error.ts';
import type { TrackEventBody } from '../transport/wire-types.ts';
import { watchNavigation } from './navigation-watcher.ts';

// Routers usually set the new title just after pushState; wait for it.
const TITLE_SETTLE_MS = 300;

/**
 * Sends `page.viewed` now and on every SPA navigation (pushState, replaceState, back/forward).
 * Hash-only changes are not page views. Returns the stop function.
 */
export function trackPageViews(send: (event: TrackEventBody) => void, win: Window = window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  send(pageView(win, win.document.referrer));
  const stopWatching = watchNavigation(win, (_url, previous) => {
    clearTimeout(timer);
    timer = setTimeout(guard('page view', () => send(pageView(win, previous))), TITLE_SETTLE_MS);
  });
  return () => {
    clearTimeout(timer);
    stopWatching();
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

function safeHttpUrl(href: string): string | undefined {
  return /^https?:\/\//i.test(href) && href.length <= 2048 ? href : undefined;
}
