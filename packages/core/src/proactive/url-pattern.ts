/**
 * Whether a page URL matches a rule's pattern. `*` matches any run of characters; a pattern
 * starting with `/` is matched against the path and query (`/checkout*`), anything else
 * against the whole URL (`https://shop.example/*`). Matching ignores case and the fragment.
 */
export function urlMatches(pattern: string, url: string): boolean {
  const target = pattern.startsWith('/') ? pathOf(url) : url.split('#')[0]!;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(target);
}

function pathOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url);
  const rest = match ? match[1]! : url.split('#')[0]!;
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}

/** Any of the patterns matches. */
export function anyUrlMatches(patterns: readonly string[], url: string): boolean {
  return patterns.some((pattern) => urlMatches(pattern, url));
}
