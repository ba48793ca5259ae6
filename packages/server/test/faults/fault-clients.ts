// Simulated widget customers for the fault tests: each sends numbered messages with idempotency
// keys, remembers which were acknowledged, and can retry the rest with the same keys.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { requestJson, type HttpOutcome } from '../server-process.ts';

export interface Sent {
  key: string;
  body: string;
  outcome: HttpOutcome | null;
}

export interface Customer {
  name: string;
  /** Random per customer: keys stay unique across runs on a shared database. */
  keyPrefix: string;
  token: string;
  conversationId: string;
  messages: Sent[];
}

/** A visitor session with an opened conversation, so every later message names it. */
export async function openCustomer(base: string, workspaceId: string, name: string): Promise<Customer> {
  const session = await requestJson(base, 'POST', `/api/v1/widget/${workspaceId}/sessions`, { body: { name } });
  if (session.status !== 201) throw new Error(`session: ${session.status} ${JSON.stringify(session.body)}`);
  const keyPrefix = `key-${randomBytes(6).toString('hex')}`;
  const opened = await requestJson(base, 'POST', `/api/v1/widget/${workspaceId}/messages`, { token: session.body.token, body: { body: `${name} opens`, idempotencyKey: `${keyPrefix}-open` } });
  if (opened.status !== 201) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`);
  return { name, keyPrefix, token: session.body.token, conversationId: opened.body.conversation.id, messages: [] };
}

export const isAcknowledged = (outcome: HttpOutcome | null) => outcome?.status !== null && outcome?.status !== undefined && outcome.status >= 200 && outcome.status < 300;

/** Sends one message (the next number, or a retry of `sent`) and records its outcome. */
export async function send(base: string, workspaceId: string, customer: Customer, sent?: Sent, timeoutMs = 15_000): Promise<Sent> {
  const message = sent ?? { key: `${customer.keyPrefix}-${customer.messages.length}`, body: `${customer.name} message ${customer.messages.length}`, outcome: null };
  if (!sent) customer.messages.push(message);
  message.outcome = await requestJson(base, 'POST', `/api/v1/widget/${workspaceId}/messages`, {
    token: customer.token,
    body: { conversationId: customer.conversationId, body: message.body, idempotencyKey: message.key },
    timeoutMs,
  });
  return message;
}

/** Every message body of a conversation with how often it is stored, read through the agent API. */
export async function storedBodies(base: string, token: string, conversationId: string): Promise<{ counts: Map<string, number>; ids: Set<string>; seqs: number[] }> {
  const page = await requestJson(base, 'GET', `/api/v1/conversations/${conversationId}/messages?limit=500`, { token });
  if (page.status !== 200) throw new Error(`messages: ${page.status} ${JSON.stringify(page.body)}`);
  const items = page.body.items as Array<{ id: string; body: string; seq: number; author: string }>;
  const counts = new Map<string, number>();
  for (const m of items.filter((i) => i.author === 'customer')) counts.set(m.body, (counts.get(m.body) ?? 0) + 1);
  return { counts, ids: new Set(items.map((i) => i.id)), seqs: items.map((i) => i.seq) };
}

/** A database of its own on the test PostgreSQL server, so terminating its backends touches nothing else. */
export async function createFreshDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
