// The ceiling to compare against: a bare `ws` relay with no storage, no auth and no schema
// checks. It speaks the same frames as Tandem on the same paths and sends the same frames
// per message (an event to every agent, an ack and a copy to the customer), so the ratio
// durable/relay isolates what storage and the product's rules cost.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { announceReady, probeHandlers, serveRequests } from './child.ts';

interface SendFrame {
  type: string;
  conversationId?: string;
  body?: string;
  idempotencyKey?: string;
}

const agents = new Set<WebSocket>();
let feedSeq = 0;
const http = createServer();
const wss = new WebSocketServer({ server: http, maxPayload: 64 * 1024 });

wss.on('connection', (socket, request) => {
  const isAgent = request.url === '/api/v1/ws';
  socket.on('close', () => agents.delete(socket));
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as SendFrame;
    if (frame.type === 'hello') {
      if (isAgent) agents.add(socket);
      socket.send(JSON.stringify({ type: 'ready', seq: 0 }));
      return;
    }
    if (frame.type !== 'message.send' || isAgent) return;
    relay(socket, frame);
  });
});

function relay(customer: WebSocket, frame: SendFrame): void {
  const now = new Date().toISOString();
  const message = {
    id: randomUUID(),
    conversationId: frame.conversationId,
    seq: ++feedSeq,
    author: 'customer',
    authorId: null,
    channel: 'web',
    private: false,
    body: frame.body,
    content: {},
    deliveryStatus: 'stored',
    deliveryError: null,
    idempotencyKey: frame.idempotencyKey,
    createdAt: now,
  };
  const conversation = {
    id: frame.conversationId,
    customerId: null,
    status: 'open',
    handler: 'queue',
    assigneeId: null,
    teamId: null,
    priority: 'normal',
    language: null,
    channels: ['web'],
    lastChannel: 'web',
    subject: null,
    lastSeq: feedSeq,
    snoozedUntil: null,
    mergedIntoId: null,
    createdAt: now,
    lastActivityAt: now,
    resolvedAt: null,
  };
  const event = JSON.stringify({
    type: 'event',
    event: { seq: feedSeq, type: 'message.created', conversationId: frame.conversationId, conversation, message, data: {}, createdAt: now },
  });
  for (const agent of agents) agent.send(event);
  customer.send(JSON.stringify({ type: 'message.ack', idempotencyKey: frame.idempotencyKey, message, duplicate: false }));
  customer.send(JSON.stringify({ type: 'message', message }));
}

serveRequests(probeHandlers);

process.once('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  wss.close();
  http.close(() => process.exit(0));
});

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as AddressInfo;
  announceReady({ url: `http://127.0.0.1:${port}`, pid: process.pid });
});
