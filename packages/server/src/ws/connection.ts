import type { WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import { isAppError } from '@tandem/core';
import { ClientFrame, type ServerFrame } from '@tandem/protocol';
import { unstorableText } from '../platform/storable-text.ts';

// A client that falls this far behind is disconnected rather than buffered without bound;
// it reconnects and resumes from its last sequence number, so nothing is lost.
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const HELLO_TIMEOUT_MS = 10_000;

export function send(socket: WebSocket, frame: ServerFrame): void {
  sendText(socket, JSON.stringify(frame));
}

// One live event goes to every agent of a workspace: serialize it once, not once per socket.
// Keyed by the event object, which the bus hands to every subscriber of this process.
const serialized = new WeakMap<object, string>();

/** Sends `{ type, [key]: payload }`, reusing the text already made for the same payload. */
export function sendShared(socket: WebSocket, type: 'event' | 'message', payload: object): void {
  let text = serialized.get(payload);
  if (text === undefined) {
    text = JSON.stringify(type === 'event' ? { type, event: payload } : { type, message: payload });
    serialized.set(payload, text);
  }
  sendText(socket, text);
}

function sendText(socket: WebSocket, text: string): void {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.close(1013, 'too far behind: reconnect and resume');
    return;
  }
  socket.send(text);
}

export function sendError(socket: WebSocket, error: unknown, log: FastifyBaseLogger, idempotencyKey?: string): void {
  const key = idempotencyKey ? { idempotencyKey } : {};
  if (isAppError(error)) {
    send(socket, { type: 'error', code: error.code, detail: error.detail, ...key });
    return;
  }
  log.error({ err: error }, 'websocket handler failed');
  send(socket, { type: 'error', code: 'server.internal', detail: 'Something went wrong on our side.', ...key });
}

/** Parses frames, closes sockets that never say hello, and runs handlers one at a time in order. */
export function onFrames(
  socket: WebSocket,
  log: FastifyBaseLogger,
  handle: (frame: ClientFrame) => Promise<void>,
): void {
  let chain: Promise<void> = Promise.resolve();
  let greeted = false;
  const timer = setTimeout(() => {
    if (!greeted) socket.close(4401, 'send hello first');
  }, HELLO_TIMEOUT_MS);
  socket.on('close', () => clearTimeout(timer));
  socket.on('message', (data, isBinary) => {
    const parsed = isBinary ? null : safeParse(data.toString());
    if (!parsed?.success) {
      send(socket, { type: 'error', code: 'ws.invalid_frame', detail: parsed ? parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'Frames are JSON text.' });
      return;
    }
    const frame = parsed.data;
    if (!greeted && frame.type !== 'hello') {
      send(socket, { type: 'error', code: 'ws.not_ready', detail: 'Send hello before anything else.' });
      return;
    }
    if (frame.type === 'hello') {
      if (greeted) return;
      greeted = true;
      clearTimeout(timer);
    }
    if (frame.type === 'ping') {
      send(socket, { type: 'pong' });
      return;
    }
    // Sends are handled concurrently (so many can share one group commit); hello is awaited first.
    const run = () => handle(frame).catch((error) => sendError(socket, error, log, 'idempotencyKey' in frame ? frame.idempotencyKey : undefined));
    if (frame.type === 'hello') chain = chain.then(run);
    else void chain.then(run);
  });
}

function safeParse(text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const unstorable = unstorableText(json);
  if (unstorable) return { success: false as const, error: { issues: [{ path: ['frame'], message: unstorable }] } };
  return ClientFrame.safeParse(json);
}
