import { guard } from '../report-error.ts';

const PATCHED = Symbol.for('tandem.history-patched');
const NAVIGATION_EVENT = 'tandem:navigation';

type PatchableHistory = History & { [PATCHED]?: true };

/**
 * Calls `onNavigate` on every SPA navigation to another URL: pushState, replaceState,
 * back/forward. Hash-only changes are not navigations. Returns the stop function.
 */
export function watchNavigation(win: Window, onNavigate: (url: string, previous: string) => void): () => void {
  let lastUrl = withoutHash(win.location.href);
  const noteNavigation = guard('navigation', () => {
    const url = withoutHash(win.location.href);
    if (url === lastUrl) return;
    const previous = lastUrl;
    lastUrl = url;
    onNavigate(url, previous);
  });
  patchHistory(win);
  win.addEventListener(NAVIGATION_EVENT, noteNavigation);
  win.addEventListener('popstate', noteNavigation);
  return () => {
    win.removeEventListener(NAVIGATION_EVENT, noteNavigation);
    win.removeEventListener('popstate', noteNavigation);
  };
}

// History has no navigation event of its own: wrap pushState/replaceState to announce one.
function patchHistory(win: Window): void {
  const history = win.history as PatchableHistory;
  // A second copy of the script (or a second watcher) must not wrap the wrappers.
  if (history[PATCHED]) return;
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function patched(this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      win.dispatchEvent(new Event(NAVIGATION_EVENT));
      return result;
    };
  }
  history[PATCHED] = true;
}

export function withoutHash(href: string): string {
  const at = href.indexOf('#');
  return at === -1 ? href : href.slice(0, at);
}
