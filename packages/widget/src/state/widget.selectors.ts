import type { Message } from '@tandem/protocol';
import { sendableItems } from './outbox.ts';
import type { ConversationEntry, OutboxItem, WidgetState } from './widget-state.ts';

/** What a hello may carry, per the frame schema. */
export const RESUME_MAP_LIMIT = 100;

export const OWN_MESSAGE_STATUSES = ['queued', 'sent', 'seen', 'failed'] as const;
export type OwnMessageStatus = (typeof OWN_MESSAGE_STATUSES)[number];

export type TimelineItem =
  | { kind: 'message'; key: string; message: Message; status: OwnMessageStatus | null }
  | { kind: 'local'; key: string; item: OutboxItem; status: OwnMessageStatus }
  | { kind: 'divider'; key: string; startedAt: string };

export function isFromTeam(message: Message): boolean {
  return message.author === 'agent' || message.author === 'bot';
}

export function unreadCount(state: WidgetState): number {
  let count = 0;
  for (const entry of Object.values(state.conversations)) {
    for (const message of entry.messages) if (isFromTeam(message) && message.seq > entry.readSeq) count += 1;
  }
  return count;
}

/** conversation id → last contiguous seq, most recently active first, capped for the hello frame. */
export function resumeMap(state: WidgetState): Record<string, number> {
  const ids = Object.keys(state.conversations).sort((a, b) => activity(state.conversations[b]) - activity(state.conversations[a]));
  const map: Record<string, number> = {};
  for (const id of ids.slice(0, RESUME_MAP_LIMIT)) map[id] = state.conversations[id]?.lastSeq ?? 0;
  return map;
}

export function activeEntry(state: WidgetState): ConversationEntry | null {
  return state.activeConversationId === null ? null : (state.conversations[state.activeConversationId] ?? null);
}

/** Handed to the queue and nobody has picked it up yet. */
export function isWaitingForPerson(state: WidgetState): boolean {
  const conversation = activeEntry(state)?.conversation;
  return conversation?.handler === 'queue' && conversation.assigneeId === null && conversation.status !== 'resolved';
}

/** The queue figures to show while waiting for a person, or null when routing gave none. */
export function queueStanding(state: WidgetState): { position: number | null; minutes: number | null } | null {
  const queue = isWaitingForPerson(state) ? activeEntry(state)?.queue : null;
  if (!queue) return null;
  return { position: queue.position, minutes: queue.expectedWaitSeconds === null ? null : Math.max(1, Math.round(queue.expectedWaitSeconds / 60)) };
}

export function typingName(state: WidgetState): { name: string | null } | null {
  const typing = activeEntry(state)?.typing;
  return typing ? { name: typing.name } : null;
}

/** Every conversation, oldest first, each opened by a divider, then what is still unsent. */
export function timeline(state: WidgetState): TimelineItem[] {
  const entries = Object.values(state.conversations)
    .filter((entry) => entry.messages.length > 0)
    .sort((a, b) => firstAt(a).localeCompare(firstAt(b)));
  const items: TimelineItem[] = [];
  entries.forEach((entry, index) => {
    const first = entry.messages[0];
    if (index > 0 && first) items.push({ kind: 'divider', key: `divider:${first.conversationId}`, startedAt: first.createdAt });
    for (const message of entry.messages) {
      const status = message.author === 'customer' ? ownStatus(message, entry) : null;
      items.push({ kind: 'message', key: message.id, message, status });
    }
  });
  const pending = [...sendableItems(state.outbox), ...state.outbox.filter((item) => item.status === 'failed')]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const item of pending) items.push({ kind: 'local', key: item.idempotencyKey, item, status: item.status });
  return items;
}

function ownStatus(message: Message, entry: ConversationEntry): OwnMessageStatus {
  return message.seq <= entry.agentReadSeq ? 'seen' : 'sent';
}

function firstAt(entry: ConversationEntry): string {
  return entry.messages[0]?.createdAt ?? '';
}

function activity(entry: ConversationEntry | undefined): number {
  const at = entry?.conversation?.lastActivityAt ?? entry?.messages[entry.messages.length - 1]?.createdAt;
  return at ? Date.parse(at) : 0;
}
