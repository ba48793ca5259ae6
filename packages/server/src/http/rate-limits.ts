import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';

/** Per-client request limits; with several processes they are counted in Redis so a client cannot multiply them. */
export async function registerRateLimits(http: FastifyInstance, options: { perMinute: number; redisUrl: string | undefined }): Promise<void> {
  const store = options.redisUrl ? new Redis(options.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1 }) : null;
  await http.register(rateLimit, {
    max: options.perMinute,
    timeWindow: '1 minute',
    ...(store ? { redis: store, nameSpace: 'tandem-rl-' } : {}),
  });
  // The rate limiter does not close a client it was given; left open, it keeps the process alive after SIGTERM.
  if (store) http.addHook('onClose', async () => void (await store.quit()));
}
