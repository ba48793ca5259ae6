// Fakes of the console's ports for component and state tests: an in-memory HTTP API and a
// WebSocket the test drives by hand. No mocking library: each implements the real interface.
import type { Conversation, InboxRow, Message, ServerFrame } from '@tandem/protocol';
import { ProblemError, type HttpClient } from '../api/http-client.ts';

export class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeSocket.instances.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text) as Record<string, unknown>);
  }
  close() {
    this.drop(1000);
  }
  /** The server accepts the connection and answers hello with `ready`. */
  open(seq = 0) {
    this.readyState = 1;
    this.onopen?.();
    this.push({ type: 'ready', seq });
  }
  push(frame: ServerFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  static latest(): FakeSocket {
    return FakeSocket.instances[FakeSocket.instances.length - 1]!;
  }
}

export function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

/** GET handlers by path; unknown paths answer 404 as the server would. */
export function fakeHttp(routes: Record<string, (query: Record<string, unknown>) => unknown>, calls: string[] = []): HttpClient {
  return {
    async get<T>(path: string, query: Record<string, unknown> = {}) {
      calls.push(`GET ${path}`);
      const route = routes[path];
      if (!route) throw new ProblemError(404, 'not_found', `no ${path}`);
      return route(query) as T;
    },
    async send<T>(method: string, path: string) {
      calls.push(`${method} ${path}`);
      return { ok: true } as T;
    },
    async upload<T>() {
      return {} as T;
    },
  };
}

let counter = 0;
export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  counter += 1;
  return {
    id: `c${counter}`,
    customerId: `cu${counter}`,
    status: 'open',
    handler: 'agent',
    assigneeId: null,
    teamId: null,
    priority: 'normal',
    language: 'en',
    channels: ['web'],
    lastChannel: 'web',
    subject: null,
    labels: [],
    lastSeq: 1,
    customerDeliveredSeq: 0,
    customerReadSeq: 0,
    agentReadSeq: 0,
    snoozedUntil: null,
    mergedIntoId: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    lastActivityAt: '2026-12-01T10:00:00.000Z',
    resolvedAt: null,
    ...overrides,
  };
}

export function row(c: Conversation, overrides: Partial<InboxRow> = {}): InboxRow {
  return {
    conversation: c,
    customer: { id: c.customerId, name: 'Sara', email: null, segments: [] },
    preview: { body: 'hello', author: 'customer', private: false, createdAt: c.lastActivityAt },
    waitingSince: c.lastActivityAt,
    slaDueAt: null,
    slaBreached: false,
    ...overrides,
  };
}

export function message(c: Conversation, overrides: Partial<Message> = {}): Message {
  return {
    id: `m-${c.id}-${c.lastSeq}`,
    conversationId: c.id,
    seq: c.lastSeq,
    author: 'customer',
    authorId: null,
    channel: 'web',
    private: false,
    body: 'hi',
    content: {},
    deliveryStatus: 'stored',
    deliveryError: null,
    idempotencyKey: null,
    createdAt: c.lastActivityAt,
    ...overrides,
  };
}
