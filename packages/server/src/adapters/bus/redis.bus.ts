import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { HandlerRegistry, type EventBus } from './event-bus.ts';

const PREFIX = 'tandem:';

/**
 * Redis pub/sub, for several server processes behind a load balancer: an event committed by
 * one process reaches clients connected to any other. A process subscribes only to the topics
 * its connected clients need, so traffic scales with interest, not with the whole deployment.
 */
export async function createRedisBus(url: string, log: Logger): Promise<EventBus> {
  // Auto-pipelining sends the publishes of one tick in one round trip: under load that is
  // most of them, at no cost when idle.
  const publisher = new Redis(url, { enableAutoPipelining: true, lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(url, { lazyConnect: true });
  await Promise.all([publisher.connect(), subscriber.connect()]);
  for (const client of [publisher, subscriber]) {
    client.on('error', (error) => log.warn({ err: error }, 'redis connection error'));
  }
  const registry = new HandlerRegistry();
  // A second subscriber to a topic waits for the first one's SUBSCRIBE to be confirmed.
  const live = new Map<string, Promise<unknown>>();
  const onError = (error: unknown) => log.error({ err: error }, 'bus handler failed');
  subscriber.on('message', (channel: string, raw: string) => {
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch (error) {
      log.warn({ err: error, channel }, 'bus message is not JSON');
      return;
    }
    registry.dispatch(channel.slice(PREFIX.length), payload, onError);
  });

  return {
    async publish(topic, payload) {
      await publisher.publish(PREFIX + topic, JSON.stringify(payload));
    },
    async subscribe(topic, handler) {
      if (registry.add(topic, handler)) live.set(topic, subscriber.subscribe(PREFIX + topic));
      try {
        await live.get(topic);
      } catch (error) {
        // Forget a refused SUBSCRIBE (outage, failover), or every later subscriber to the topic gets its error.
        if (registry.remove(topic, handler)) live.delete(topic);
        throw error;
      }
      return async () => {
        if (!registry.remove(topic, handler)) return;
        live.delete(topic);
        await subscriber.unsubscribe(PREFIX + topic);
      };
    },
    async close() {
      registry.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
