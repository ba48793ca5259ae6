// The simulated people: customer sockets that send and count acks, agent sockets that receive
// the feed. The first agent's feed gives customer→agent latency: each body carries the
// send time (`bench:<performance.now()>`), and sender and receiver share this process's clock.
import type { WebSocket } from 'ws';
import { closeAll, openGreeted, openMany, wsUrl } from './sockets.ts';

export interface LoadTarget {
  url: string;
  workspaceId: string;
  agentTokens: string[];
  customers: Array<{ token: string; conversationId: string }>;
}

export interface Customer {
  index: number;
  socket: WebSocket;
  conversationId: string;
  outstanding: number;
  nextKey: number;
}

/** What one scenario records; the fleet's handlers write into the current one. */
export interface Recording {
  tag: string;
  windowStart: number;
  windowEnd: number;
  sentInWindow: number;
  skippedInWindow: number;
  acksInWindow: number;
  errors: number;
  firstError: string | null;
  latencies: number[];
  ackLatencies: number[];
  onSettled: (customer: Customer) => void;
}

export interface Fleet {
  customers: Customer[];
  agents: WebSocket[];
  record(recording: Recording): void;
  send(customer: Customer): void;
  close(): Promise<void>;
}

const BODY_MARK = '"body":"bench:';
export const inWindow = (r: Recording, t: number) => t >= r.windowStart && t < r.windowEnd;

function sentAt(text: string): number {
  const at = text.indexOf(BODY_MARK);
  if (at < 0) return Number.NaN;
  const start = at + BODY_MARK.length;
  return Number(text.slice(start, text.indexOf('"', start)));
}

type Current = { recording: Recording | null };

function listenAsLatencyAgent(agent: WebSocket, current: Current): void {
  agent.on('message', (data) => {
    const recording = current.recording;
    if (!recording) return;
    const sent = sentAt(String(data));
    if (inWindow(recording, sent)) recording.latencies.push(performance.now() - sent);
  });
}

function listenAsCustomer(customer: Customer, current: Current): void {
  customer.socket.on('message', (data) => {
    const text = String(data);
    const recording = current.recording;
    const isAck = text.startsWith('{"type":"message.ack"');
    // The copy of each own message (`type: message`) needs no parsing: acks are what count.
    if (!recording || (!isAck && !text.startsWith('{"type":"error"'))) return;
    const now = performance.now();
    customer.outstanding--;
    if (isAck) {
      if (inWindow(recording, now)) recording.acksInWindow++;
      const sent = sentAt(text);
      if (inWindow(recording, sent)) recording.ackLatencies.push(now - sent);
    } else {
      recording.errors++;
      recording.firstError ??= text.slice(0, 300);
    }
    recording.onSettled(customer);
  });
}

export async function connectFleet(target: LoadTarget, options: { batch: number }): Promise<Fleet> {
  const agentUrl = wsUrl(target.url, '/api/v1/ws');
  const customerUrl = wsUrl(target.url, `/api/v1/widget/${target.workspaceId}/ws`);
  const agents = await Promise.all(target.agentTokens.map((token) => openGreeted(agentUrl, { token })));
  // Each customer resumes after the opening message (seq 1), as the widget does on reconnect.
  const hellos = target.customers.map((c) => ({ token: c.token, conversations: { [c.conversationId]: 1 } }));
  const sockets = await openMany(customerUrl, hellos, options.batch);
  const customers = sockets.map((socket, index) => ({ index, socket, conversationId: target.customers[index]!.conversationId, outstanding: 0, nextKey: 0 }));
  const current: Current = { recording: null };
  listenAsLatencyAgent(agents[0]!, current);
  // The other agents only receive, as a console would; their frames are not inspected.
  for (const agent of agents.slice(1)) agent.on('message', () => undefined);
  for (const customer of customers) listenAsCustomer(customer, current);

  return {
    customers,
    agents,
    record: (recording) => void (current.recording = recording),
    send(customer) {
      const now = performance.now();
      const tag = current.recording?.tag ?? 'bench';
      const frame = { type: 'message.send', conversationId: customer.conversationId, body: `bench:${now.toFixed(3)}`, idempotencyKey: `${tag}-${customer.index}-${customer.nextKey++}` };
      customer.socket.send(JSON.stringify(frame));
      customer.outstanding++;
      if (current.recording && inWindow(current.recording, now)) current.recording.sentInWindow++;
    },
    close: () => closeAll([...agents, ...sockets]),
  };
}
