const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Strict application/x-www-form-urlencoded decoding. URLSearchParams would silently turn
 * invalid UTF-8 into U+FFFD; a webhook that is not UTF-8 is malformed, not a message to show.
 * Returns the pairs in body order (names may repeat), or null when the body is not valid.
 */
export function decodeTwilioForm(rawBody: Buffer): Array<[string, string]> | null {
  let text: string;
  try {
    text = utf8.decode(rawBody);
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
  const pairs: Array<[string, string]> = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeComponent(eq === -1 ? part : part.slice(0, eq));
    const value = decodeComponent(eq === -1 ? '' : part.slice(eq + 1));
    if (name === null || value === null) return null;
    pairs.push([name, value]);
  }
  return pairs;
}

function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch (error) {
    // decodeURIComponent throws URIError for a bad %-escape or percent-encoded bytes that are not UTF-8.
    if (error instanceof URIError) return null;
    throw error;
  }
}
