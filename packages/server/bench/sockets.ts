// WebSocket clients for the load generator: connect, say hello, wait for `ready`.
import { WebSocket } from 'ws';

const CONNECT_TIMEOUT_MS = 30_000;

export function wsUrl(base: string, path: string): string {
  return `${base.replace(/^http/, 'ws')}${path}`;
}

export interface Hello {
  token: string;
  /** Customers: conversation id → last message seq seen, as the widget resumes. */
  conversations?: Record<string, number>;
}

/** An open socket that has said hello and been answered `ready`. */
export function openGreeted(url: string, hello: Hello): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    const timer = setTimeout(() => fail(new Error(`no ready from ${url} in ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.terminate();
      reject(error);
    };
    socket.once('error', fail);
    socket.once('close', (code) => fail(new Error(`closed with ${code} before ready`)));
    socket.once('open', () => socket.send(JSON.stringify({ type: 'hello', ...hello })));
    socket.once('message', (data) => {
      const text = String(data);
      if (!text.startsWith('{"type":"ready"')) return fail(new Error(`expected ready, got ${text.slice(0, 200)}`));
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', (error) => console.error(`socket error: ${error.message}`));
      resolve(socket);
    });
  });
}

/** Opens one socket per hello, `batch` at a time, so thousands take seconds rather than a stampede. */
export async function openMany(url: string, hellos: readonly Hello[], batch: number): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  for (let start = 0; start < hellos.length; start += batch) {
    const chunk = hellos.slice(start, start + batch).map((hello) => openGreeted(url, hello));
    sockets.push(...(await Promise.all(chunk)));
  }
  return sockets;
}

export async function closeAll(sockets: readonly WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === socket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close();
        }),
    ),
  );
}
