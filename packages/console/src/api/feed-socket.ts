import type { ClientFrameInput, ServerFrame } from '@tandem/protocol';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface FeedSocketHandlers {
  /** The server is streaming: `seq` is where it starts (after replaying what was missed). */
  onReady(seq: number): void;
  onFrame(frame: ServerFrame): void;
  onState(state: ConnectionState): void;
  /** The session is no longer valid: stop reconnecting. */
  onUnauthenticated(): void;
}

const MAX_BACKOFF_MS = 15_000;

/**
 * The agent feed over one WebSocket. It says hello with the last sequence number seen, so the
 * server replays what was missed while offline, and reconnects with jittered backoff.
 */
export function connectFeed(options: {
  url: string;
  since: () => number | null;
  handlers: FeedSocketHandlers;
  createSocket?: (url: string) => WebSocket;
}) {
  const { handlers } = options;
  const create = options.createSocket ?? ((url: string) => new WebSocket(url));
  let socket: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let ready = false;

  function open(): void {
    if (stopped) return;
    handlers.onState('connecting');
    ready = false;
    const ws = create(options.url);
    socket = ws;
    ws.onopen = () => {
      const since = options.since();
      ws.send(JSON.stringify({ type: 'hello', ...(since === null ? {} : { since }) }));
    };
    ws.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as ServerFrame;
      if (frame.type === 'ready') {
        attempt = 0;
        ready = true;
        handlers.onState('online');
        handlers.onReady(frame.seq);
        return;
      }
      handlers.onFrame(frame);
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      ready = false;
      if (event.code === 4401) {
        stopped = true;
        handlers.onState('offline');
        handlers.onUnauthenticated();
        return;
      }
      handlers.onState('offline');
      schedule();
    };
  }

  function schedule(): void {
    if (stopped) return;
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt += 1;
    timer = setTimeout(open, delay);
  }

  open();
  return {
    /** Sends when connected; returns false when the frame could not go out now. */
    send(frame: ClientFrameInput): boolean {
      if (!socket || !ready || socket.readyState !== 1) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    /** Tries again at once (the browser said it is online again). */
    retryNow(): void {
      if (socket || stopped) return;
      if (timer) clearTimeout(timer);
      attempt = 0;
      open();
    },
    close(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
      socket?.close(1000, 'signed out');
      socket = null;
    },
  };
}

export type FeedSocket = ReturnType<typeof connectFeed>;
