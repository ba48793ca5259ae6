import type { Message } from '@tandem/protocol';
import type { ConversationEntry } from './widget-state.ts';

/** A page of history fetched over HTTP: authoritative for every seq in (afterSeq, its last seq]. */
export type HistoryPage = {
  afterSeq: number;
  messages: readonly Message[];
  hasMore: boolean;
  /** The conversation's lastSeq read before the fetch: with no more pages, nothing visible is missing up to it. */
  upToSeq?: number;
};

/** Inserts or replaces by id, keeping ascending seq order. */
export function insertMessage(messages: readonly Message[], message: Message): Message[] {
  const existing = messages.findIndex((m) => m.id === message.id);
  if (existing >= 0) {
    const next = messages.slice();
    next[existing] = message;
    return next;
  }
  let at = messages.length;
  while (at > 0 && (messages[at - 1]?.seq ?? 0) > message.seq) at -= 1;
  return [...messages.slice(0, at), message, ...messages.slice(at)];
}

/**
 * Moves the resume point over seqs that are actually present, never across a hole: resuming
 * past a missing message would lose it for good.
 */
export function advanceContiguous(lastSeq: number, messages: readonly Message[]): number {
  let next = lastSeq;
  for (const message of messages) {
    if (message.seq <= next) continue;
    if (message.seq !== next + 1) break;
    next = message.seq;
  }
  return next;
}

export function applyMessage(entry: ConversationEntry, message: Message): ConversationEntry {
  const messages = insertMessage(entry.messages, message);
  return { ...entry, messages, lastSeq: advanceContiguous(entry.lastSeq, messages) };
}

export function applyHistoryPage(entry: ConversationEntry, page: HistoryPage): ConversationEntry {
  let messages = entry.messages;
  for (const message of page.messages) messages = insertMessage(messages, message);
  let lastSeq = entry.lastSeq;
  // Private notes take seqs the customer never sees, so holes inside a page are not losses;
  // a page that starts beyond our resume point proves nothing about what lies before it.
  if (page.afterSeq <= lastSeq) {
    const pageEnd = page.messages.reduce((max, m) => Math.max(max, m.seq), page.afterSeq);
    const confirmed = page.hasMore ? pageEnd : Math.max(pageEnd, page.upToSeq ?? 0);
    lastSeq = Math.max(lastSeq, confirmed);
  }
  const hasHistory = entry.hasHistory || page.afterSeq === 0;
  return { ...entry, messages, lastSeq: advanceContiguous(lastSeq, messages), hasHistory };
}

/** Something arrived beyond a hole: the hole must be fetched over HTTP before resuming past it. */
export function hasGap(entry: ConversationEntry): boolean {
  const last = entry.messages[entry.messages.length - 1];
  return last !== undefined && last.seq > entry.lastSeq;
}

export function highestSeq(entry: ConversationEntry): number {
  return entry.messages[entry.messages.length - 1]?.seq ?? 0;
}
