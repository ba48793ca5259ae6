import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';

const alive = new WeakSet<WebSocket>();

/**
 * Finds connections whose peer vanished without a close (sleeping laptops, dropped NATs): each
 * round pings every socket and terminates those that did not answer the previous ping. One
 * timer for the process, not one per connection, so idle sockets stay cheap.
 */
export function startHeartbeat(app: FastifyInstance, intervalMs = 30_000): void {
  const server = app.websocketServer;
  server.on('connection', (socket: WebSocket) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
  });
  const timer = setInterval(() => {
    for (const socket of server.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
