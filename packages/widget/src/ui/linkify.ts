import { safeHref } from './safe-url.ts';

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Only text that starts with http:// or https:// can become a link; anything else stays text.
const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"»”’]+$/;

/** Splits message text into plain text and http(s) links, for rendering as text nodes and <a>. */
export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const candidate = trimUrl(match[0]);
    const href = safeHref(candidate);
    // "xhttps://…" is a word, not a URL.
    if (!href || (start > 0 && /[\w/]/.test(text[start - 1] ?? ''))) continue;
    if (start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, start) });
    segments.push({ kind: 'link', text: candidate, href });
    cursor = start + candidate.length;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
  return mergeText(segments);
}

/** Sentence punctuation after a URL, and a closing bracket with no opening one inside it, are not the URL. */
function trimUrl(raw: string): string {
  let url = raw.replace(TRAILING_PUNCTUATION, '');
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    while (url.endsWith(close) && count(url, close) > count(url, open)) url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return url;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function mergeText(segments: TextSegment[]): TextSegment[] {
  const merged: TextSegment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (segment.kind === 'text' && last?.kind === 'text') last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}
