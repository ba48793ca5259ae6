import type { TimelineItem } from '../state/widget.selectors.ts';

/** Consecutive messages from one author within this window share a bubble group and one timestamp. */
export const GROUP_WINDOW_MS = 5 * 60_000;

type Bubble = Exclude<TimelineItem, { kind: 'divider' }>;
export type MessageGroup = { kind: 'group'; key: string; author: string; items: Bubble[] };
export type TimelineBlock = MessageGroup | Extract<TimelineItem, { kind: 'divider' }>;

export function bubbleAuthor(item: Bubble): string {
  return item.kind === 'local' ? 'customer' : item.message.author;
}

export function bubbleTime(item: Bubble): string {
  return item.kind === 'local' ? item.item.createdAt : item.message.createdAt;
}

function authorKey(item: Bubble): string {
  return item.kind === 'local' ? 'customer' : `${item.message.author}:${item.message.authorId ?? ''}`;
}

export function groupTimeline(items: readonly TimelineItem[], windowMs = GROUP_WINDOW_MS): TimelineBlock[] {
  const blocks: TimelineBlock[] = [];
  let current: MessageGroup | null = null;
  for (const item of items) {
    if (item.kind === 'divider') {
      blocks.push(item);
      current = null;
      continue;
    }
    const previous = current?.items[current.items.length - 1];
    const isSameAuthor = previous !== undefined && authorKey(previous) === authorKey(item);
    const isClose = previous !== undefined && Date.parse(bubbleTime(item)) - Date.parse(bubbleTime(previous)) <= windowMs;
    if (current && isSameAuthor && isClose) {
      current.items.push(item);
    } else {
      current = { kind: 'group', key: item.key, author: bubbleAuthor(item), items: [item] };
      blocks.push(current);
    }
  }
  return blocks;
}
