// A customer's message arriving while their erasure commits: it must not join the erased
// customer. PostgreSQL only: PGlite runs one statement at a time, so nothing can wait on a lock.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/adapters/postgres/database.ts';
import { eraseCustomerData } from '../src/features/privacy/erasure.store.ts';
import { call, createWorkspace, startTestApp, TEST_DATABASE_URL } from './harness.ts';

const skip = TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL: PGlite has no concurrent transactions';

describe('a message racing its sender’s erasure', { skip }, () => {
  it('waits for the erasure, then starts a new customer instead of joining the erased one', async () => {
    const app = await startTestApp();
    const ws = await createWorkspace(app);
    const identity = { kind: 'email', value: 'race@example.com' };
    const inbound = (body: string) => call(app, 'POST', '/api/v1/inbound-messages', { token: ws.tokens.agent, body: { channel: 'email', identity, body } });
    const first = await inbound('My card number is in here');
    const erasedId = first.body.conversation.customerId as string;

    // The erasure takes the customer's lock; the message comes in meanwhile, resolves the address
    // to the customer still there and waits for that lock; the erasure does its work and commits.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived!: ReturnType<typeof inbound>;
    const erasing = app.deps.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT id FROM customers WHERE workspace_id = ${ws.id} AND id = ${erasedId} FOR UPDATE`);
      arrived = inbound('A second message, sent as the erasure runs');
      await held;
      await eraseCustomerData(tx, { workspaceId: ws.id, customerIds: [erasedId], pseudonymId: randomUUID(), now: new Date() });
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the message is now waiting on the lock
    release();
    await erasing;
    const second = await arrived;

    assert.equal(second.status, 201);
    assert.notEqual(second.body.conversation.customerId, erasedId, 'a new customer, not the erased one');
    const left = rowsOf<{ n: number }>(await app.deps.db.execute(sql`SELECT count(*)::int AS n FROM conversations WHERE workspace_id = ${ws.id} AND customer_id = ${erasedId}`))[0]!;
    assert.equal(left.n, 0, 'nothing joined the erased customer');
  });
});
