import type { WidgetStore } from '../state/widget.store.ts';
import { highestSeq } from '../state/message-timeline.ts';
import { unreadCount } from '../state/widget.selectors.ts';
import { guard } from '../report-error.ts';
import type { HostEvents } from './host-events.ts';
import type { ReceiptScheduler } from './receipt-scheduler.ts';
import type { TitleFlasher } from './title-flasher.ts';

/**
 * Keeps receipts and "unread" honest: whatever reaches this device (live or fetched) is
 * delivered; it counts as read only while the panel is open on a visible tab, otherwise the
 * badge, host events and the title say something is waiting.
 */
export function watchAttention(deps: {
  store: WidgetStore;
  events: HostEvents;
  receipts: ReceiptScheduler;
  flasher: TitleFlasher;
  win?: Window;
}): () => void {
  const { store, events, receipts, flasher } = deps;
  const win = deps.win ?? window;
  const isVisible = () => win.document.visibilityState !== 'hidden';

  const markRead = () => {
    const state = store.getState();
    if (!state.isOpen || !isVisible()) return;
    for (const [conversationId, entry] of Object.entries(state.conversations)) {
      const seq = highestSeq(entry);
      if (seq <= entry.readSeq) continue;
      store.dispatch({ type: 'customer.read', conversationId, seq });
      receipts.note(conversationId, 'read', seq);
    }
  };

  let unread = unreadCount(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.isOpen !== previous.isOpen) {
      events.emit(state.isOpen ? 'open' : 'close');
      if (state.isOpen) flasher.stop();
    }
    for (const [conversationId, entry] of Object.entries(state.conversations)) {
      const seq = highestSeq(entry);
      const before = previous.conversations[conversationId];
      if (seq > (before ? highestSeq(before) : 0)) receipts.note(conversationId, 'delivered', seq);
    }
    const count = unreadCount(state);
    if (count !== unread) {
      unread = count;
      events.emit('unread', count);
    }
    // Marking read dispatches; doing it after this notification round keeps listeners in order.
    if (state.isOpen) queueMicrotask(guard('mark read', markRead));
  });

  const onFocus = guard('focus', () => {
    flasher.stop();
    markRead();
  });
  const onVisibility = guard('visibility', markRead);
  win.addEventListener('focus', onFocus);
  win.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    unsubscribe();
    win.removeEventListener('focus', onFocus);
    win.document.removeEventListener('visibilitychange', onVisibility);
  };
}
