import type { ServerFrame } from '@tandem/protocol';
import { guard, reportError } from '../report-error.ts';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.ts';
import type { OutgoingFrame } from './wire-types.ts';

export type SocketStatus = 'connecting' | 'online' | 'offline';

export type SocketClientOptions = {
  url: string;
  /** Built when the socket opens, so it carries the newest token and resume map. */
  hello: () => OutgoingFrame;
  onFrame: (frame: ServerFrame) => void;
  onStatus: (status: SocketStatus, failures: number) => void;
  random?: () => number;
  createSocket?: (url: string) => WebSocket;
  /** Where online/offline/visibilitychange are heard; the window in a browser. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  isOnline?: () => boolean;
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
};

export type SocketClient = {
  start(): void;
  stop(): void;
  /** Reconnects with a fresh hello (a new token). */
  restart(): void;
  /** Sends on a ready socket; false when there is none, so the caller keeps the frame. */
  send(frame: OutgoingFrame): boolean;
  isReady(): boolean;
};

// Proxies and load balancers drop idle WebSockets after 30–60 s; a ping every 25 s keeps them
// open, and a missing pong reveals a half-open socket that would otherwise look connected.
const PING_INTERVAL_MS = 25_000;
const PONG_TIMEOUT_MS = 10_000;

export function createSocketClient(options: SocketClientOptions): SocketClient {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const events = options.events ?? globalThis;
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine !== false);
  const random = options.random ?? Math.random;
  let socket: WebSocket | null = null;
  let isReady = false;
  let isStopped = true;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (status: SocketStatus) => options.onStatus(status, failures);

  const connect = () => {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    if (isStopped || socket) return;
    if (failures === 0) setStatus('connecting');
    let ws: WebSocket;
    try {
      ws = createSocket(options.url);
    } catch (error) {
      reportError('socket connect', error);
      failures += 1;
      setStatus('offline');
      scheduleRetry();
      return;
    }
    socket = ws;
    ws.onopen = guard('socket open', () => ws.send(JSON.stringify(options.hello())));
    ws.onmessage = guard('socket message', (event: MessageEvent) => receive(ws, event.data));
    ws.onclose = guard('socket close', () => drop(ws));
  };

  const receive = (ws: WebSocket, data: unknown) => {
    if (ws !== socket || typeof data !== 'string') return;
    const frame = JSON.parse(data) as ServerFrame;
    if (frame.type === 'ready') {
      isReady = true;
      failures = 0;
      startPing(ws);
      setStatus('online');
    } else if (frame.type === 'pong') {
      clearTimeout(pongTimer);
    }
    options.onFrame(frame);
  };

  const drop = (ws: WebSocket) => {
    if (ws !== socket) return;
    socket = null;
    isReady = false;
    stopPing();
    failures += 1;
    setStatus('offline');
    scheduleRetry();
  };

  const forceDrop = (ws: WebSocket) => {
    ws.onclose = null;
    try {
      ws.close();
    } catch (error) {
      reportError('socket close', error);
    }
    drop(ws);
  };

  const scheduleRetry = () => {
    if (isStopped || retryTimer !== undefined) return;
    // While the browser says it is offline, wait for its `online` event (or the longest delay).
    const delay = isOnline()
      ? backoffDelay(failures - 1, { ...DEFAULT_BACKOFF, random })
      : DEFAULT_BACKOFF.capMs;
    retryTimer = setTimeout(guard('socket retry', connect), delay);
  };

  const startPing = (ws: WebSocket) => {
    stopPing();
    pingTimer = setInterval(guard('socket ping', () => {
      ws.send(JSON.stringify({ type: 'ping' }));
      clearTimeout(pongTimer);
      pongTimer = setTimeout(guard('socket pong', () => forceDrop(ws)), options.pongTimeoutMs ?? PONG_TIMEOUT_MS);
    }), options.pingIntervalMs ?? PING_INTERVAL_MS);
  };

  const stopPing = () => {
    clearInterval(pingTimer);
    clearTimeout(pongTimer);
  };

  const reconnectNow = guard('socket reconnect', () => {
    if (isStopped || socket) return;
    connect();
  });
  const onOffline = guard('socket offline', () => {
    if (socket) forceDrop(socket);
  });
  const onVisible = guard('socket visibility', () => {
    if (globalThis.document?.visibilityState !== 'hidden') reconnectNow();
  });

  const stop = () => {
    isStopped = true;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    stopPing();
    events.removeEventListener('online', reconnectNow);
    events.removeEventListener('offline', onOffline);
    events.removeEventListener('visibilitychange', onVisible);
    const ws = socket;
    socket = null;
    isReady = false;
    if (ws) {
      ws.onclose = null;
      ws.close();
    }
  };

  const start = () => {
    if (!isStopped) return;
    isStopped = false;
    events.addEventListener('online', reconnectNow);
    events.addEventListener('offline', onOffline);
    events.addEventListener('visibilitychange', onVisible);
    connect();
  };

  return {
    start,
    stop,
    restart: () => {
      stop();
      failures = 0;
      start();
    },
    send(frame) {
      if (!socket || !isReady || socket.readyState !== 1) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    isReady: () => isReady,
  };
}
