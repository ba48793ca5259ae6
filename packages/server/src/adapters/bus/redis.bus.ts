import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { HandlerRegistry, type EventBus } from './event-bus.ts';

const PREFIX = 'tandem:';
// While Redis is away, how often subscribers are told to read what they missed from storage.
const GAP_POLL_MS = 2_000;

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
  const gapListeners = new Set<() => void>();
  const announceGap = () => {
    for (const listener of [...gapListeners]) {
      try {
        listener();
      } catch (error) {
        onError(error);
      }
    }
  };
  // Pub/sub keeps nothing for a disconnected subscriber: what other processes publish during an
  // outage never arrives. Until Redis is back, subscribers poll storage instead; once it is, they
  // read once more right away and once a little later (events committed between the reconnect
  // and the re-subscription arrive on neither path otherwise).
  let outage: NodeJS.Timeout | null = null;
  let closing = false;
  subscriber.on('close', () => {
    if (closing || outage) return;
    log.warn('redis subscriber disconnected: realtime feeds read from the database until it is back');
    outage = setInterval(announceGap, GAP_POLL_MS);
    outage.unref();
  });
  subscriber.on('ready', () => {
    if (!outage) return;
    clearInterval(outage);
    outage = null;
    log.info('redis subscriber reconnected');
    // ioredis re-subscribes what it knew of; topics first subscribed during the outage are added here.
    const topics = registry.topics().map((topic) => PREFIX + topic);
    if (topics.length > 0) subscriber.subscribe(...topics).catch((error: unknown) => log.warn({ err: error }, 'redis re-subscribe failed'));
    announceGap();
    setTimeout(announceGap, GAP_POLL_MS).unref();
  });
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
      const unsubscribe = async () => {
        if (!registry.remove(topic, handler)) return;
        live.delete(topic);
        // The handler is gone either way: a failed UNSUBSCRIBE (Redis away) only leaves a topic
        // nobody handles, and must not become an unhandled rejection in a socket's close handler.
        await subscriber.unsubscribe(PREFIX + topic).catch((error: unknown) => log.warn({ err: error, topic }, 'redis unsubscribe failed'));
      };
      if (outage) {
        // Not waiting for Redis: the gap polls deliver until it is back, and the topic is subscribed then.
        live.get(topic)!.catch((error: unknown) => log.warn({ err: error, topic }, 'subscribe during redis outage failed; retried on reconnect'));
        return unsubscribe;
      }
      try {
        await live.get(topic);
      } catch (error) {
        // Forget a refused SUBSCRIBE (outage, failover), or every later subscriber to the topic gets its error.
        if (registry.remove(topic, handler)) live.delete(topic);
        throw error;
      }
      return unsubscribe;
    },
    onPossibleGap(listener) {
      gapListeners.add(listener);
      return () => void gapListeners.delete(listener);
    },
    async close() {
      closing = true;
      if (outage) clearInterval(outage);
      gapListeners.clear();
      registry.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
