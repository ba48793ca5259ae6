import type { WidgetConfig } from '@tandem/protocol';
import type { KeyValueStorage } from './safe-storage.ts';
import type { WidgetStore } from './widget.store.ts';
import { createEntry, OUTBOX_STATUSES, type OutboxItem, type WidgetState } from './widget-state.ts';

const VERSION = 1;

/** What survives a reload, a closed tab or a return days later. Messages are refetched, not kept. */
export type PersistedState = {
  v: typeof VERSION;
  token: string | null;
  customerId: string | null;
  lastSeq: Record<string, number>;
  readSeq: Record<string, number>;
  activeConversationId: string | null;
  outbox: OutboxItem[];
  draft: string;
  isHandoffRequested: boolean;
  /** Cached so the launcher can render before the network answers (or when it never does). */
  config: WidgetConfig | null;
};

export function storageKey(workspaceId: string): string {
  return `tandem:${workspaceId}`;
}

export function toPersisted(state: WidgetState): PersistedState {
  const lastSeq: Record<string, number> = {};
  const readSeq: Record<string, number> = {};
  for (const [id, entry] of Object.entries(state.conversations)) {
    lastSeq[id] = entry.lastSeq;
    readSeq[id] = entry.readSeq;
  }
  return {
    v: VERSION,
    token: state.token,
    customerId: state.customerId,
    lastSeq,
    readSeq,
    activeConversationId: state.activeConversationId,
    outbox: state.outbox,
    draft: state.draft,
    isHandoffRequested: state.isHandoffRequested,
    config: state.config,
  };
}

/** Applies what was saved onto a fresh state; anything unreadable is ignored, never fatal. */
export function restoreState(base: WidgetState, raw: string | null): WidgetState {
  const saved = parse(raw);
  if (!saved) return base;
  const conversations: WidgetState['conversations'] = {};
  for (const [id, seq] of Object.entries(saved.lastSeq)) {
    if (typeof seq !== 'number') continue;
    conversations[id] = createEntry({ lastSeq: seq, readSeq: numberOr(saved.readSeq[id], 0) });
  }
  return {
    ...base,
    token: stringOrNull(saved.token),
    customerId: stringOrNull(saved.customerId),
    conversations,
    activeConversationId: stringOrNull(saved.activeConversationId),
    outbox: Array.isArray(saved.outbox) ? saved.outbox.filter(isOutboxItem).map(normalizeItem) : [],
    draft: typeof saved.draft === 'string' ? saved.draft : '',
    isHandoffRequested: saved.isHandoffRequested === true,
    config: saved.config && typeof saved.config === 'object' ? saved.config : null,
  };
}

/** Writes the persisted slice whenever it changes; returns the unsubscribe. */
export function persistStore(store: WidgetStore, storage: KeyValueStorage, key: string): () => void {
  let written = JSON.stringify(toPersisted(store.getState()));
  return store.subscribe((state) => {
    const next = JSON.stringify(toPersisted(state));
    if (next === written) return;
    written = next;
    storage.setItem(key, next);
  });
}

function parse(raw: string | null): PersistedState | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object' || (value as { v?: unknown }).v !== VERSION) return null;
    const saved = value as PersistedState;
    return { ...saved, lastSeq: recordOr(saved.lastSeq), readSeq: recordOr(saved.readSeq) };
  } catch (error) {
    // A corrupt entry (another script, a manual edit) means starting over, not failing to load.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

function isOutboxItem(value: unknown): value is OutboxItem {
  const item = value as Partial<OutboxItem> | null;
  return (
    !!item &&
    typeof item.idempotencyKey === 'string' &&
    typeof item.body === 'string' &&
    typeof item.createdAt === 'string' &&
    (OUTBOX_STATUSES as readonly unknown[]).includes(item.status) &&
    Array.isArray(item.attachments)
  );
}

function normalizeItem(item: OutboxItem): OutboxItem {
  return { ...item, conversationId: stringOrNull(item.conversationId), error: stringOrNull(item.error) };
}

function recordOr(value: unknown): Record<string, number> {
  return value && typeof value === 'object' ? (value as Record<string, number>) : {};
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
