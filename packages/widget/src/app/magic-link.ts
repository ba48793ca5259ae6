const FRAGMENT_KEY = 'tandem-magic';

/** The magic-link token in `#tandem-magic=<token>`, if this page was opened from one. */
export function readMagicToken(hash: string): string | null {
  if (!hash.includes(`${FRAGMENT_KEY}=`)) return null;
  const token = new URLSearchParams(hash.replace(/^#/, '')).get(FRAGMENT_KEY);
  return token && token.length > 0 ? token : null;
}

/** Takes the token out of the address bar so it is not bookmarked, shared or redeemed twice. */
export function removeMagicToken(loc: Pick<Location, 'hash' | 'pathname' | 'search'>, hist: Pick<History, 'replaceState' | 'state'>): void {
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  params.delete(FRAGMENT_KEY);
  const rest = params.toString();
  hist.replaceState(hist.state, '', `${loc.pathname}${loc.search}${rest ? `#${rest}` : ''}`);
}

/** Where the emailed link should bring the customer back to: this page, minus any fragment. */
export function returnUrl(href: string): string | undefined {
  try {
    const url = new URL(href);
    url.hash = '';
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}
