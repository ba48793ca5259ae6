import type { ChannelKind } from '@tandem/core';
import type { FeedEvent, InboxRow, Message, MessageContent, ServerFrame } from '@tandem/protocol';
import type { HttpClient } from '../api/http-client.ts';
import { connectFeed, type ConnectionState, type FeedSocket } from '../api/feed-socket.ts';
import { applyFeedEvent, emptyInbox, markStale, withRows, type InboxState } from '../features/inbox/inbox-state.ts';
import * as outbox from '../features/conversation/outbox.ts';
import { applyTyping, applyViewing, emptySignals, expireSignals, type SignalsState } from './signals-state.ts';
import { createThreadCache, fetchThread } from './thread-cache.ts';

export interface LiveSnapshot {
  inbox: InboxState;
  /** The first page is on screen. */
  loaded: boolean;
  /** Every page is loaded. */
  complete: boolean;
  connection: ConnectionState;
  outbox: outbox.Outbox;
  signals: SignalsState;
  /** Conversations with a mention of me not yet seen. */
  mentioned: ReadonlySet<string>;
  /** Bumped when a cached thread changes, so the open conversation re-reads it. */
  threadsVersion: number;
}

export interface LiveStoreOptions {
  http: HttpClient;
  self: { id: string; name: string };
  socketUrl: string;
  storage: Storage;
  workspaceId: string;
  onUnauthenticated: () => void;
  now?: () => number;
  createSocket?: (url: string) => WebSocket;
}

const PAGE = 1000;
const STATUSES = 'open,pending,snoozed';

/** The signed-in agent's live view of the workspace: inbox rows, threads, outbox, signals. */
export function createLiveStore(options: LiveStoreOptions) {
  const { http, self, storage } = options;
  const now = options.now ?? Date.now;
  const outboxKey = `tandem.outbox.${options.workspaceId}.${self.id}`;
  const threads = createThreadCache();
  const listeners = new Set<() => void>();
  let snapshot: LiveSnapshot = {
    inbox: emptyInbox,
    loaded: false,
    complete: false,
    connection: 'connecting',
    outbox: outbox.requeueInFlight(outbox.readOutbox(storage, outboxKey)),
    signals: emptySignals,
    mentioned: new Set(),
    threadsVersion: 0,
  };
  let socket: FeedSocket | null = null;
  let buffered: FeedEvent[] | null = [];
  let refreshing: Promise<void> | null = null;

  function update(patch: Partial<LiveSnapshot>): void {
    snapshot = { ...snapshot, ...patch };
    if (patch.outbox) storage.setItem(outboxKey, JSON.stringify(patch.outbox));
    for (const listener of listeners) listener();
  }

  function onEvent(event: FeedEvent): void {
    if (buffered) return void buffered.push(event);
    const inbox = applyFeedEvent(snapshot.inbox, event);
    const threadChanged = event.message ? threads.append(event.message) : false;
    update({ inbox, ...(threadChanged ? { threadsVersion: snapshot.threadsVersion + 1 } : {}) });
    if (inbox.stale.size > 0) void refreshStale();
  }

  function onFrame(frame: ServerFrame): void {
    if (frame.type === 'event') return onEvent(frame.event);
    if (frame.type === 'message.ack') return update({ outbox: outbox.acknowledge(snapshot.outbox, frame.idempotencyKey) });
    if (frame.type === 'error' && frame.idempotencyKey) return update({ outbox: outbox.refuse(snapshot.outbox, frame.idempotencyKey, frame) });
    if (frame.type === 'viewing') return update({ signals: applyViewing(snapshot.signals, frame, self.id, now()) });
    if (frame.type === 'typing') return update({ signals: applyTyping(snapshot.signals, frame, self.name, now()) });
  }

  function flushOutbox(): void {
    const due = outbox.dueForSending(snapshot.outbox);
    const sent = new Set<string>();
    for (const item of due) {
      const { conversationId, body, private: isPrivate, channel, content, idempotencyKey } = item;
      const ok = socket?.send({ type: 'message.send', conversationId, body, private: isPrivate, ...(channel ? { channel } : {}), content, idempotencyKey });
      if (!ok) break;
      sent.add(item.idempotencyKey);
    }
    if (sent.size > 0) update({ outbox: outbox.markSending(snapshot.outbox, sent) });
  }

  async function refreshStale(): Promise<void> {
    if (refreshing) return refreshing;
    refreshing = (async () => {
      while (snapshot.inbox.stale.size > 0) {
        const ids = [...snapshot.inbox.stale];
        const rows = await Promise.all(ids.map((id) => http.get<InboxRow>(`/inbox/${id}`).catch(() => null)));
        const found = rows.filter((r): r is InboxRow => r !== null);
        const gone = ids.filter((id, i) => rows[i] === null);
        const inbox = withRows(snapshot.inbox, found);
        const stale = new Set(inbox.stale);
        for (const id of gone) stale.delete(id);
        update({ inbox: { ...inbox, stale } });
      }
    })().finally(() => (refreshing = null));
    return refreshing;
  }

  /**
   * The most recent page first, on screen at once; older pages follow in the background. A row
   * already here (from the feed, or fetched alone) is newer than the page's copy and is kept.
   */
  async function loadInbox(): Promise<void> {
    const page = (cursor?: string) => http.get<{ items: InboxRow[]; nextCursor: string | null }>('/inbox', { status: STATUSES, limit: PAGE, cursor });
    const first = await page();
    let inbox = withRows(snapshot.inbox, first.items);
    // Events that arrived while loading are newer than or equal to what was read: apply them in order.
    const pending = buffered ?? [];
    buffered = null;
    for (const event of pending) inbox = applyFeedEvent(inbox, event);
    update({ inbox, loaded: true, complete: first.nextCursor === null });
    if (inbox.stale.size > 0) void refreshStale();
    for (let cursor = first.nextCursor; cursor; ) {
      const next = await page(cursor);
      update({ inbox: withRows(snapshot.inbox, next.items.filter((r) => !snapshot.inbox.rows.has(r.conversation.id))) });
      cursor = next.nextCursor;
    }
    if (!snapshot.complete) update({ complete: true });
  }

  async function loadMentions(): Promise<void> {
    const mentions = await http.get<{ items: { conversationId: string }[] }>('/mentions', { unseen: true });
    update({ mentioned: new Set(mentions.items.map((m) => m.conversationId)) });
  }

  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: (): LiveSnapshot => snapshot,

    start(): () => void {
      socket = connectFeed({
        url: options.socketUrl,
        since: () => snapshot.inbox.seq,
        handlers: {
          onReady: (seq) => {
            if (snapshot.inbox.seq === null) update({ inbox: { ...snapshot.inbox, seq } });
            flushOutbox();
          },
          onFrame,
          onState: (connection) => update(connection === 'offline' ? { connection, outbox: outbox.requeueInFlight(snapshot.outbox) } : { connection }),
          onUnauthenticated: options.onUnauthenticated,
        },
        createSocket: options.createSocket,
      });
      void loadInbox();
      void loadMentions().catch(() => undefined);
      const expiry = setInterval(() => {
        const signals = expireSignals(snapshot.signals, now());
        if (signals !== snapshot.signals) update({ signals });
      }, 2_000);
      const online = () => socket?.retryNow();
      globalThis.addEventListener?.('online', online);
      return () => {
        clearInterval(expiry);
        globalThis.removeEventListener?.('online', online);
        socket?.close();
      };
    },

    /** Queues a reply or note and sends it as soon as the connection allows. */
    send(input: { conversationId: string; body: string; private: boolean; channel?: ChannelKind; content?: MessageContent }): void {
      const item = { ...input, content: input.content ?? {}, idempotencyKey: `console-${crypto.randomUUID()}`, createdAt: new Date(now()).toISOString() };
      update({ outbox: outbox.enqueue(snapshot.outbox, item) });
      flushOutbox();
    },
    retry(key: string): void {
      update({ outbox: outbox.retry(snapshot.outbox, key) });
      flushOutbox();
    },
    discard: (key: string) => update({ outbox: outbox.discard(snapshot.outbox, key) }),

    async thread(conversationId: string): Promise<readonly Message[]> {
      const cached = threads.get(conversationId);
      if (cached) return cached;
      const messages = await fetchThread(http, conversationId);
      threads.put(conversationId, messages);
      update({ threadsVersion: snapshot.threadsVersion + 1 });
      return messages;
    },
    cachedThread: (conversationId: string) => threads.get(conversationId),

    signal(frame: { type: 'viewing'; conversationId: string; viewing: boolean } | { type: 'typing'; conversationId: string; typing: boolean } | { type: 'receipt'; conversationId: string; read: number }): void {
      socket?.send(frame);
    },
    seeMentions(conversationId: string): void {
      if (!snapshot.mentioned.has(conversationId)) return;
      const mentioned = new Set(snapshot.mentioned);
      mentioned.delete(conversationId);
      update({ mentioned });
      void http.send('POST', '/mentions/seen', { conversationId }).catch(() => undefined);
    },
    /** Re-reads rows after an action whose result is not in the feed (e.g. a failed accept). */
    refresh: (ids: string[]) => {
      update({ inbox: markStale(snapshot.inbox, ids) });
      return refreshStale();
    },
  };
}

export type LiveStore = ReturnType<typeof createLiveStore>;
