// The conditions an inbox filter may set, shared by the console (which applies them) and the
// server (which stores agents' saved filters).

/** Where a conversation stands against its SLA: past it, within 15 minutes of it, or neither. */
export const INBOX_SLA_STATES = ['breached', 'due-soon', 'on-track', 'none'] as const;
export type InboxSlaState = (typeof INBOX_SLA_STATES)[number];

/** The fields of a filter: each a list of values, any of which matches; an empty list matches all. */
export const INBOX_FILTER_FIELDS = ['statuses', 'channels', 'priorities', 'languages', 'labels', 'segments', 'sla'] as const;
export type InboxFilterField = (typeof INBOX_FILTER_FIELDS)[number];
