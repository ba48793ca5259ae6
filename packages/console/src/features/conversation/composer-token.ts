/** The `/canned` or `@mention` word being typed at the caret, if any. */
export interface ActiveToken {
  trigger: '/' | '@';
  query: string;
  start: number;
  end: number;
}

const TOKEN = /(^|\s)([/@])([\p{L}\p{N}._-]{0,40})$/u;

export function activeToken(text: string, caret: number): ActiveToken | null {
  const before = text.slice(0, caret);
  const match = TOKEN.exec(before);
  if (!match) return null;
  const trigger = match[2] as '/' | '@';
  const start = before.length - match[2]!.length - match[3]!.length;
  return { trigger, query: match[3]!, start, end: caret };
}

/** Replaces the token with `insert`; returns the new text and where the caret goes. */
export function replaceToken(text: string, token: ActiveToken, insert: string): { text: string; caret: number } {
  const next = text.slice(0, token.start) + insert + text.slice(token.end);
  return { text: next, caret: token.start + insert.length };
}
