import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { Redis } from 'ioredis';

type StoreCtor<Extra extends unknown[]> = new (continueExceeding: boolean, exponentialBackoff: boolean, ...extra: Extra) => FastifyRateLimitStore;
// The plugin's own two stores. It takes one store only; we need Redis with this process's count behind it.
const require = createRequire(import.meta.url);
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as StoreCtor<[Redis, string]>;
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as StoreCtor<[]>;

/**
 * Counts in Redis, shared by every process; while Redis is away, in this process (as with one
 * process), so a Redis outage neither fails requests nor lifts the limits, and sign-in guessing
 * stays throttled. Counts restart from zero on each switch.
 */
function redisWithLocalFallback(redis: Redis, onSwitch: (degraded: boolean, error?: Error) => void) {
  let degraded = false;
  const pair = (shared: FastifyRateLimitStore, local: FastifyRateLimitStore): FastifyRateLimitStore => ({
    incr(key, callback, timeWindow, max) {
      shared.incr(key, (error, result) => {
        if (!error) {
          if (degraded) onSwitch((degraded = false));
          callback(null, result);
          return;
        }
        if (!degraded) onSwitch((degraded = true), error);
        local.incr(key, callback, timeWindow, max);
      }, timeWindow, max);
    },
    child: (routeOptions) => pair(shared.child(routeOptions), local.child(routeOptions)),
  });
  return class {
    // The plugin constructs the store with its resolved settings.
    constructor(options: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
      const { continueExceeding = false, exponentialBackoff = false } = options;
      return pair(new RedisStore(continueExceeding, exponentialBackoff, redis, 'tandem-rl-'), new LocalStore(continueExceeding, exponentialBackoff));
    }
  } as unknown as FastifyRateLimitStoreCtor;
}

/** Per-client request limits; with several processes they are counted in Redis so a client cannot multiply them. */
export async function registerRateLimits(http: FastifyInstance, options: { perMinute: number; redisUrl: string | undefined }): Promise<void> {
  // No offline queue: while Redis is away a count fails at once instead of holding the request.
  const redis = options.redisUrl ? new Redis(options.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
  redis?.on('error', () => undefined); // reported once per outage, below
  const onSwitch = (degraded: boolean, error?: Error) =>
    degraded
      ? http.log.warn({ err: error }, 'rate-limit counts unavailable in Redis: counting in this process until it returns')
      : http.log.info('rate-limit counts back in Redis');
  await http.register(rateLimit, {
    max: options.perMinute,
    timeWindow: '1 minute',
    ...(redis ? { store: redisWithLocalFallback(redis, onSwitch) } : {}),
  });
  // The rate limiter does not close a client it was given; left open, it keeps the process alive after SIGTERM.
  if (redis) http.addHook('onClose', async () => void (await redis.quit()));
}
