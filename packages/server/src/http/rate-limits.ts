import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';

/** Per-client request limits; with several processes they are counted in Redis so a client cannot multiply them. */
export async function registerRateLimits(http: FastifyInstance, options: { perMinute: number; redisUrl: string | undefined }): Promise<void> {
  // No offline queue: while Redis is away a count fails at once instead of holding the request.
  const store = options.redisUrl ? new Redis(options.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
  store?.on('error', (error) => http.log.warn({ err: error }, 'rate-limit store unavailable: requests are not counted'));
  await http.register(rateLimit, {
    max: options.perMinute,
    timeWindow: '1 minute',
    // Fail open: a Redis outage must not turn every request into a 500. Limits pause; service goes on.
    ...(store ? { redis: store, nameSpace: 'tandem-rl-', skipOnError: true } : {}),
  });
  // The rate limiter does not close a client it was given; left open, it keeps the process alive after SIGTERM.
  if (store) http.addHook('onClose', async () => void (await store.quit()));
}
