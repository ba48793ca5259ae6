import type { ChannelKind, ConversationStatus, GroupingPolicy } from '../vocabulary.ts';

/** How inbound messages are grouped into conversations (a workspace setting). */
export interface GroupingSettings {
  /** `contact`: one open conversation per customer; `thread`: one per channel thread. */
  policy: GroupingPolicy;
  /** A message within this many hours of a resolution reopens the conversation. */
  reopenWindowHours: number;
}

/** What the policy needs to know of a customer's existing conversations. */
export interface ConversationCandidate {
  id: string;
  status: ConversationStatus;
  lastChannel: ChannelKind | null;
  threadKey: string | null;
  lastActivityAt: Date;
  resolvedAt: Date | null;
}

export interface InboundThread {
  channel: ChannelKind;
  /** The channel's own thread reference (email thread root, widget conversation...), if any. */
  threadKey: string | null;
}

export type GroupingDecision =
  | { kind: 'append'; conversationId: string }
  | { kind: 'reopen'; conversationId: string }
  | { kind: 'create' };

/**
 * Picks the conversation an inbound customer message belongs to.
 * A conversation is the customer's case, not a channel thread: under `contact` the newest
 * unresolved conversation wins whatever the channel, so a customer who chatted in the widget
 * and later writes by email stays in one conversation.
 */
export function chooseConversation(
  settings: GroupingSettings,
  candidates: readonly ConversationCandidate[],
  inbound: InboundThread,
  now: Date,
): GroupingDecision {
  const eligible =
    settings.policy === 'thread' ? candidates.filter((c) => isSameThread(c, inbound)) : candidates;
  const newestFirst = [...eligible].sort(
    (a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime(),
  );
  const active = newestFirst.find((c) => c.status !== 'resolved');
  if (active) return { kind: 'append', conversationId: active.id };
  const recent = newestFirst.find((c) => isWithinReopenWindow(c, settings, now));
  if (recent) return { kind: 'reopen', conversationId: recent.id };
  return { kind: 'create' };
}

function isSameThread(candidate: ConversationCandidate, inbound: InboundThread): boolean {
  if (inbound.threadKey === null) return false;
  return candidate.lastChannel === inbound.channel && candidate.threadKey === inbound.threadKey;
}

function isWithinReopenWindow(
  candidate: ConversationCandidate,
  settings: GroupingSettings,
  now: Date,
): boolean {
  if (candidate.resolvedAt === null) return false;
  const windowMs = settings.reopenWindowHours * 3_600_000;
  return now.getTime() - candidate.resolvedAt.getTime() <= windowMs;
}
