/** A key the server accepts (8–128 of [A-Za-z0-9_:.-]) and never sees twice from different sends. */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  // randomUUID needs a secure context; plain-http intranet pages still get getRandomValues.
  if (typeof crypto?.randomUUID === 'function') return `w:${crypto.randomUUID()}`;
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `w:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
