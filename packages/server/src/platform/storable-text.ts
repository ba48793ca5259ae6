// PostgreSQL text and jsonb hold neither NUL nor half a UTF-16 surrogate pair. Both are valid in
// JSON (\u0000, \ud800), YAML and form encoding, so input carrying one would fail at the database,
// as a 500, instead of being refused as bad input (or cleaned, where the sender cannot be told).

// With the u flag a surrogate pair is one code point: these match only half of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;
// C0 and C1 controls but tab and newline.
const CONTROLS = /[^\P{Cc}\n\t]/gu;

/** Why some text in a parsed value (strings and keys, at any depth) could not be stored, or null. */
export function unstorableText(value: unknown): string | null {
  // Iterative: a 1 MiB body can nest deeper than the call stack.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return 'Text may not contain the NUL character (U+0000).';
      if (LONE_SURROGATE.test(item)) return 'Text may not contain half of a UTF-16 surrogate pair.';
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (item !== null && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) pending.push(key, inner);
    }
  }
  return null;
}

/** Text without C0 and C1 control characters, except tab and newline. */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** Text from a sender we cannot refuse (a provider, a searcher), made storable: controls dropped, unpaired surrogates replaced. */
export function storableText(text: string): string {
  return withoutControls(text).replace(LONE_SURROGATES, '\uFFFD');
}
