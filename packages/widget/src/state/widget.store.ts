import { reportError } from '../report-error.ts';
import { widgetReducer, type WidgetAction } from './widget.reducer.ts';
import type { WidgetState } from './widget-state.ts';

export type StoreListener = (state: WidgetState, previous: WidgetState) => void;

export type WidgetStore = {
  getState(): WidgetState;
  dispatch(action: WidgetAction): void;
  subscribe(listener: StoreListener): () => void;
};

export function createWidgetStore(initial: WidgetState): WidgetStore {
  let state = initial;
  const listeners = new Set<StoreListener>();
  return {
    getState: () => state,
    dispatch(action) {
      const previous = state;
      state = widgetReducer(state, action);
      if (state === previous) return;
      for (const listener of [...listeners]) {
        // One broken subscriber must not stop the others (the UI, persistence) from seeing the change.
        try {
          listener(state, previous);
        } catch (error) {
          reportError(`store listener (${action.type})`, error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
