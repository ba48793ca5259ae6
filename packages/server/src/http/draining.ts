import type { FastifyInstance } from 'fastify';
import { appError } from '../platform/app-error.ts';

/**
 * Graceful shutdown. Once close() starts, new requests get a problem document (503, retry
 * elsewhere) and every response, including those of requests already running, carries
 * `Connection: close`: otherwise a keep-alive connection would stay open until
 * keepAliveTimeout (72 s) and hold shutdown past its grace period.
 */
export function registerDraining(http: FastifyInstance): void {
  let draining = false;
  http.addHook('preClose', async () => {
    draining = true;
  });
  http.addHook('onRequest', async () => {
    if (draining) throw appError('server.shutting_down', 'This process is stopping: retry, another one will answer.');
  });
  http.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
}
