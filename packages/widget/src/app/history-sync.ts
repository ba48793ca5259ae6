import type { CustomerConversation } from '@tandem/protocol';
import { guard } from '../report-error.ts';
import { hasGap } from '../state/message-timeline.ts';
import type { WidgetStore } from '../state/widget.store.ts';
import type { WidgetApi } from '../transport/widget-api.ts';

/** The conversations whose history a fresh page loads; older ones stay resumable, just not shown. */
const RECENT_CONVERSATIONS = 5;
const MAX_PAGES = 20;
// Replayed frames arrive in a burst after `ready`: wait for it to settle before calling a hole real.
const GAP_SETTLE_MS = 1_500;

export type HistorySync = {
  /** Lists conversations and fetches what this page has not got: everything when fresh, the tail when behind. */
  sync(): Promise<void>;
  scheduleGapFetch(conversationId: string): void;
};

export function createHistorySync(deps: { store: WidgetStore; api: WidgetApi }): HistorySync {
  const { store, api } = deps;
  let running: Promise<void> | null = null;
  const gapTimers = new Map<string, ReturnType<typeof setTimeout>>();

  const fetchFrom = async (conversationId: string, afterSeq: number, upToSeq?: number) => {
    let cursor = afterSeq;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await api.listMessages(conversationId, cursor);
      store.dispatch({
        type: 'history.loaded',
        conversationId,
        page: { afterSeq: cursor, messages: result.items, hasMore: result.hasMore, upToSeq },
      });
      const last = result.items[result.items.length - 1];
      if (!result.hasMore || !last) return;
      cursor = last.seq;
    }
  };

  const syncOnce = async () => {
    const { items } = await api.listConversations();
    store.dispatch({ type: 'conversations.loaded', conversations: items });
    for (const conversation of mostRecent(items)) {
      const entry = store.getState().conversations[conversation.id];
      if (!entry) continue;
      // After a reload the resume point survives but the messages before it do not: fetch them.
      if (!entry.hasHistory) await fetchFrom(conversation.id, 0, conversation.lastSeq);
      else if (conversation.lastSeq > entry.lastSeq) await fetchFrom(conversation.id, entry.lastSeq, conversation.lastSeq);
    }
  };

  return {
    sync() {
      running ??= syncOnce().finally(() => {
        running = null;
      });
      return running;
    },
    scheduleGapFetch(conversationId) {
      clearTimeout(gapTimers.get(conversationId));
      gapTimers.set(conversationId, setTimeout(guard('gap fetch', async () => {
        gapTimers.delete(conversationId);
        const entry = store.getState().conversations[conversationId];
        if (entry && hasGap(entry)) await fetchFrom(conversationId, entry.lastSeq);
      }), GAP_SETTLE_MS));
    },
  };
}

function mostRecent(conversations: readonly CustomerConversation[]): CustomerConversation[] {
  return conversations
    .filter((c) => !c.mergedIntoId)
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt))
    .slice(0, RECENT_CONVERSATIONS);
}
