/**
 * An href we may put in the page: http(s) only, so `javascript:`, `data:` and `vbscript:`
 * never become clickable whatever a message or the server says. Relative URLs (file
 * downloads are server paths) resolve against `base`, the Tandem server.
 */
export function safeHref(url: string, base?: string): string | null {
  try {
    const parsed = base === undefined ? new URL(url) : new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}
