import { isApiError } from '../transport/api-error.ts';
import type { WidgetApi } from '../transport/widget-api.ts';
import type { WidgetStore } from '../state/widget.store.ts';
import { activeEntry } from '../state/widget.selectors.ts';

export type HandoffRequest = {
  /** "Talk to a person": now if a conversation is open, else right after the first message is acked. */
  request(): Promise<void>;
  /**
   * Completes a remembered request once there is a conversation to hand off: the one a
   * customer message was just acked in, or the active one after a reconnect.
   */
  resume(conversationId?: string): Promise<void>;
};

export function createHandoffRequest(deps: { store: WidgetStore; api: WidgetApi }): HandoffRequest {
  const { store, api } = deps;
  let inFlight: Promise<void> | null = null;

  // A resolved conversation is history: the next message opens (or reopens) the one to hand off.
  const targetId = () => {
    const state = store.getState();
    return activeEntry(state)?.conversation?.status === 'resolved' ? null : state.activeConversationId;
  };

  const handOff = (conversationId: string) => {
    inFlight ??= api
      .handoff(conversationId)
      .then((conversation) => {
        store.dispatch({ type: 'conversation.updated', conversation });
        store.dispatch({ type: 'handoff.requested', isRequested: false });
      })
      .catch((error: unknown) => {
        // Offline: keep the request and finish it on reconnect. Refused: tell the customer.
        if (isApiError(error) && error.isTemporary) return;
        store.dispatch({ type: 'handoff.requested', isRequested: false });
        store.dispatch({ type: 'notice.shown', slot: 'info', notice: null });
        store.dispatch({ type: 'notice.shown', slot: 'error', notice: { key: 'handoff.failed' } });
        if (!isApiError(error)) throw error;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  return {
    request() {
      store.dispatch({ type: 'handoff.requested', isRequested: true });
      store.dispatch({ type: 'notice.shown', slot: 'info', notice: { key: 'handoff.confirmed' } });
      const id = targetId();
      return id ? handOff(id) : Promise.resolve();
    },
    resume(conversationId) {
      const id = conversationId ?? targetId();
      return store.getState().isHandoffRequested && id ? handOff(id) : Promise.resolve();
    },
  };
}
