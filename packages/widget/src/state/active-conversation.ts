import type { ConversationEntry } from './widget-state.ts';

/**
 * The conversation new messages go to: the one with the latest activity, so a reply to an
 * email thread or a fresh conversation started elsewhere becomes the one the widget continues.
 */
export function pickActiveConversation(
  conversations: Readonly<Record<string, ConversationEntry>>,
  current: string | null,
): string | null {
  let best = current;
  let bestAt = current === null ? -Infinity : lastActivity(conversations[current]);
  for (const [id, entry] of Object.entries(conversations)) {
    if (entry.conversation?.mergedIntoId) continue;
    const at = lastActivity(entry);
    if (at > bestAt) {
      best = id;
      bestAt = at;
    }
  }
  return best;
}

function lastActivity(entry: ConversationEntry | undefined): number {
  if (!entry) return -Infinity;
  const last = entry.messages[entry.messages.length - 1];
  const times = [entry.conversation?.lastActivityAt, last?.createdAt].map((t) => (t ? Date.parse(t) : NaN));
  const valid = times.filter((t) => !Number.isNaN(t));
  return valid.length > 0 ? Math.max(...valid) : -Infinity;
}
