import { CHANNEL_KINDS, CONVERSATION_STATUSES, INBOX_SLA_STATES, PRIORITIES, type InboxSlaState, type Priority } from '@tandem/core';
import type { InboxFilter, InboxRow } from '@tandem/protocol';

export const SORTS = ['waiting', 'priority', 'sla', 'recent'] as const;
export type Sort = (typeof SORTS)[number];

/** The filter in use (saved, or the ad-hoc one): every list is "any of these"; empty means no condition. */
export type Filter = InboxFilter;

export const emptyFilter: Filter = { statuses: [], channels: [], priorities: [], languages: [], labels: [], segments: [], sla: [] };
export const isEmptyFilter = (filter: Filter) => Object.values(filter).every((list: unknown[]) => list.length === 0);
export const FILTER_CHOICES = { statuses: CONVERSATION_STATUSES, channels: CHANNEL_KINDS, priorities: PRIORITIES, sla: INBOX_SLA_STATES } as const;

export type View = { kind: 'mine' | 'unassigned' | 'all' | 'mentions' } | { kind: 'team'; teamId: string } | { kind: 'saved'; filterId: string };

export interface ViewContext {
  agentId: string;
  /** Conversations with a mention of this agent not yet seen. */
  mentioned: ReadonlySet<string>;
  now: number;
}

const SLA_SOON_MS = 15 * 60_000;
const PRIORITY_RANK: Record<Priority, number> = { urgent: 3, high: 2, normal: 1, low: 0 };

export function slaStateOf(row: InboxRow, now: number): InboxSlaState {
  if (row.slaBreached) return 'breached';
  if (!row.slaDueAt) return 'none';
  const left = Date.parse(row.slaDueAt) - now;
  if (left <= 0) return 'breached';
  return left <= SLA_SOON_MS ? 'due-soon' : 'on-track';
}

export function inView(row: InboxRow, view: View, context: ViewContext): boolean {
  const c = row.conversation;
  switch (view.kind) {
    case 'mine':
      return c.assigneeId === context.agentId && c.status !== 'resolved';
    case 'unassigned':
      return c.assigneeId === null && c.status === 'open' && c.handler !== 'bot';
    case 'mentions':
      return context.mentioned.has(c.id);
    case 'team':
      return c.teamId === view.teamId && c.status !== 'resolved';
    default:
      return true;
  }
}

export function matchesFilter(row: InboxRow, filter: Filter, now: number): boolean {
  const c = row.conversation;
  const any = <T>(wanted: readonly T[], test: (value: T) => boolean) => wanted.length === 0 || wanted.some(test);
  return (
    any(filter.statuses, (s) => c.status === s) &&
    any(filter.channels, (ch) => c.channels.includes(ch)) &&
    any(filter.priorities, (p) => c.priority === p) &&
    any(filter.languages, (l) => c.language === l) &&
    any(filter.labels, (l) => c.labels.includes(l)) &&
    any(filter.segments, (s) => row.customer.segments.includes(s)) &&
    any(filter.sla, (s) => slaStateOf(row, now) === s)
  );
}

const time = (iso: string | null) => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));
const recent = (a: InboxRow, b: InboxRow) => b.conversation.lastActivityAt.localeCompare(a.conversation.lastActivityAt) || a.conversation.id.localeCompare(b.conversation.id);

export function compareRows(sort: Sort): (a: InboxRow, b: InboxRow) => number {
  switch (sort) {
    case 'waiting':
      return (a, b) => time(a.waitingSince) - time(b.waitingSince) || recent(a, b);
    case 'priority':
      return (a, b) => PRIORITY_RANK[b.conversation.priority] - PRIORITY_RANK[a.conversation.priority] || time(a.waitingSince) - time(b.waitingSince) || recent(a, b);
    case 'sla':
      return (a, b) => time(a.slaDueAt) - time(b.slaDueAt) || recent(a, b);
    default:
      return recent;
  }
}

export function selectRows(rows: Iterable<InboxRow>, options: { view: View; filter: Filter; sort: Sort; context: ViewContext }): InboxRow[] {
  const { view, filter, context } = options;
  const selected: InboxRow[] = [];
  for (const row of rows) if (inView(row, view, context) && matchesFilter(row, filter, context.now)) selected.push(row);
  return selected.sort(compareRows(options.sort));
}

/** The customer wrote and no one has replied since: shown bold, counted in the view's badge. */
export const isUnread = (row: InboxRow) => row.waitingSince !== null && row.conversation.lastSeq > row.conversation.agentReadSeq;

export function unreadCount(rows: Iterable<InboxRow>, view: View, context: ViewContext): number {
  let count = 0;
  for (const row of rows) if (isUnread(row) && inView(row, view, context)) count += 1;
  return count;
}
