// The real Tandem server in its own process, for the benchmark: started from config with
// benchmark overrides, driven over stdin (fixtures, memory readings), closed on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../src/config/load.ts';
import { startServer } from '../src/main.ts';
import { createActiveCustomers, createBenchWorkspace, createIdleCustomers } from './bench-fixtures.ts';
import { announceReady, probeHandlers, serveRequests } from './child.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
const config = loadConfig({
  TANDEM_DEMO: 'false',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  PORT: '0',
  TANDEM_DATA_DIR: dataDir,
  RATE_LIMIT_PER_MINUTE: '100000000',
  DATABASE_URL: process.env.DATABASE_URL,
  DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX,
  REDIS_URL: process.env.REDIS_URL,
});
// Logs to stderr: stdout carries the replies to the benchmark.
const log = pino({ level: config.LOG_LEVEL }, pino.destination(2));
const server = await startServer(config, { log });
const { services } = server.app;

serveRequests({
  async workspace(args) {
    return createBenchWorkspace(services, Number(args.agents));
  },
  async customers(args) {
    const started = performance.now();
    const customers = await createActiveCustomers(services, { workspaceId: String(args.workspaceId), count: Number(args.count) });
    return { customers, seconds: (performance.now() - started) / 1000 };
  },
  async idleCustomers(args) {
    return createIdleCustomers(server.deps.db, { workspaceId: String(args.workspaceId), count: Number(args.count) });
  },
  ...probeHandlers,
});

process.once('SIGTERM', () => {
  void server
    .close()
    .catch((error: unknown) => log.error({ err: error }, 'bench server close failed'))
    .finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
});

announceReady({ url: server.url, pid: process.pid, database: config.DATABASE_URL ? 'postgres' : 'pglite' });
