import type { Logger } from 'pino';
import { HandlerRegistry, type EventBus } from './event-bus.ts';

/** The default bus: one process, no server needed. */
export function createInProcessBus(log: Logger): EventBus {
  const registry = new HandlerRegistry();
  const onError = (error: unknown) => log.error({ err: error }, 'bus handler failed');
  return {
    async publish(topic, payload) {
      registry.dispatch(topic, payload, onError);
    },
    async subscribe(topic, handler) {
      registry.add(topic, handler);
      return async () => {
        registry.remove(topic, handler);
      };
    },
    // One process: nothing is ever in transit, so there is never a gap.
    onPossibleGap: () => () => undefined,
    async close() {
      registry.clear();
    },
  };
}
