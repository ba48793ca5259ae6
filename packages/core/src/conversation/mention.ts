// Agents mention each other in private notes as `@handle`, the local part of their email.
// The handle ends on a letter or digit, so the full stop closing a sentence is not part of it;
// the `@` may not follow a letter, digit or handle character, so an email address is no mention.
const MENTION = /(?<![\p{L}\p{M}\p{N}._@-])@([a-z0-9](?:[a-z0-9._-]*[a-z0-9])?)(?![\p{L}\p{M}\p{N}@])/giu;

/** An agent's handle: the local part of their email, lowercased (`lan@demo.tandem.test` → `lan`). */
export const agentHandle = (email: string): string => email.split('@')[0]!.toLowerCase();

/** The handles mentioned in a text, each once, lowercased, in order of appearance. */
export function mentionHandlesIn(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[1]!.toLowerCase()))];
}
