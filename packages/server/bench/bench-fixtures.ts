// The data a benchmark needs, created through the services (as the product would), in
// concurrent chunks so a thousand customers take seconds rather than minutes.
import { randomBytes } from 'node:crypto';
import type { Services } from '../src/services.ts';
import type { Db } from '../src/adapters/postgres/database.ts';
import { accessTokens, customers } from '../src/adapters/postgres/schema.ts';
import { generateToken } from '../src/features/auth/access-token.ts';
import { uuidV7 } from '../src/platform/clock.ts';

const CHUNK = 50;
const BULK_ROWS = 1000;

export interface BenchCustomer {
  customerId: string;
  token: string;
  conversationId: string;
}

export async function createBenchWorkspace(services: Services, agentCount: number) {
  const workspace = await services.workspaces.create({ name: 'Bench', slug: `bench-${randomBytes(5).toString('hex')}` });
  const agentTokens: string[] = [];
  for (let i = 0; i < agentCount; i++) {
    const agent = await services.agents.create(
      workspace.id,
      { email: `agent${i}@bench.example.com`, name: `Agent ${i}`, role: 'agent', password: 'correct horse battery', skills: [] },
      null,
    );
    agentTokens.push((await services.auth.issue('api', workspace.id, { agentId: agent.id, name: 'bench' })).token);
  }
  return { workspaceId: workspace.id, agentTokens };
}

async function createCustomer(services: Services, workspaceId: string): Promise<BenchCustomer> {
  const customer = await services.customers.create(workspaceId, { identities: [{ kind: 'web', value: randomBytes(16).toString('base64url') }] });
  const { token } = await services.auth.issue('widget', workspaceId, { customerId: customer.id });
  const opened = await services.receive.deliver({
    workspaceId,
    customerId: customer.id,
    channel: 'web',
    body: 'Hello, I need help with my order.',
    content: {},
    idempotencyKey: null,
  });
  return { customerId: customer.id, token, conversationId: opened.conversation.id };
}

/** Widget customers with a session token each and one open conversation, through the services. */
export async function createActiveCustomers(
  services: Services,
  options: { workspaceId: string; count: number },
): Promise<BenchCustomer[]> {
  const created: BenchCustomer[] = [];
  for (let start = 0; start < options.count; start += CHUNK) {
    const size = Math.min(CHUNK, options.count - start);
    const chunk = Array.from({ length: size }, () => createCustomer(services, options.workspaceId));
    created.push(...(await Promise.all(chunk)));
  }
  return created;
}

/**
 * Customers who only keep a socket open. Inserted in bulk, past the services: ten thousand
 * one-by-one creations would take minutes on PGlite, and their creation is not what is measured.
 */
export async function createIdleCustomers(db: Db, options: { workspaceId: string; count: number }): Promise<string[]> {
  const tokens: string[] = [];
  const { workspaceId } = options;
  for (let start = 0; start < options.count; start += BULK_ROWS) {
    const now = new Date();
    const size = Math.min(BULK_ROWS, options.count - start);
    const rows = Array.from({ length: size }, () => ({ id: uuidV7(), ...generateToken('widget', workspaceId) }));
    await db.insert(customers).values(
      rows.map((r) => ({ workspaceId, id: r.id, consent: { automation: true, behaviour: false, marketing: false }, createdAt: now, updatedAt: now })),
    );
    await db.insert(accessTokens).values(
      // Used just now, as for visitors coming back: their hello reads the token without rewriting it.
      rows.map((r) => ({ workspaceId, id: uuidV7(), kind: 'widget', customerId: r.id, tokenHash: r.hash, createdAt: now, lastUsedAt: now })),
    );
    tokens.push(...rows.map((r) => r.token));
  }
  return tokens;
}
