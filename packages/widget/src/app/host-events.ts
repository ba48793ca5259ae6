import type { Message } from '@tandem/protocol';
import { reportError } from '../report-error.ts';

/** What `Tandem.on` can listen to, and what each listener receives. */
export type HostEventMap = {
  /** A new message from an agent or the bot. */
  message: [message: Message];
  open: [];
  close: [];
  /** The number of unread agent/bot messages changed. */
  unread: [count: number];
};
export type HostEventName = keyof HostEventMap;
export const HOST_EVENT_NAMES = ['message', 'open', 'close', 'unread'] as const satisfies readonly HostEventName[];

type Listener = (...args: never[]) => void;

export type HostEvents = {
  on<E extends HostEventName>(event: E, listener: (...args: HostEventMap[E]) => void): () => void;
  emit<E extends HostEventName>(event: E, ...args: HostEventMap[E]): void;
};

export function createHostEvents(): HostEvents {
  const listeners = new Map<HostEventName, Set<Listener>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => void set.delete(listener as Listener);
    },
    emit(event, ...args) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        // A host page's listener throwing is its own bug; it must not stop the widget.
        try {
          (listener as (...a: typeof args) => void)(...args);
        } catch (error) {
          reportError(`Tandem.on('${event}') listener`, error);
        }
      }
    },
  };
}
