// `npm run bench:messages`: customer→agent latency and durable throughput over WebSocket, on
// PGlite (always) and PostgreSQL (with BENCH_DATABASE_URL, plus Redis with BENCH_REDIS_URL),
// against a bare relay's ceiling, and the memory cost of idle sockets. See docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { createFreshDatabase } from './fresh-database.ts';
import { machineInfo, printReport, writeResults } from './report.ts';
import { runDurable, runRelay, type Backend, type BenchSettings, type TargetRun } from './targets.ts';

const env = process.env;
const int = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got "${env[name]}"`);
  return value;
};

const settings: BenchSettings = {
  seconds: int('BENCH_SECONDS', 10),
  conversations: int('BENCH_CONVERSATIONS', 1000),
  idle: int('BENCH_IDLE', 10_000),
  window: int('BENCH_WINDOW', 1),
  agents: int('BENCH_AGENTS', 5),
  connectBatch: int('BENCH_CONNECT_BATCH', 500),
  cpuProfileDir: env.BENCH_CPU_PROF_DIR ?? null,
};

function warnAboutFileDescriptors(): void {
  const limit = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim());
  const needed = settings.idle + settings.conversations + settings.agents + 200;
  if (Number.isFinite(limit) && limit < needed) {
    process.stderr.write(`warning: ulimit -n is ${limit}, the run needs about ${needed} descriptors per process; raise it or lower BENCH_IDLE\n`);
  }
}

function backends(): Backend[] {
  const list: Backend[] = [{ name: 'pglite', bus: 'in-process', env: {} }];
  if (env.BENCH_DATABASE_URL) {
    const redis = env.BENCH_REDIS_URL;
    list.push({ name: 'postgres', bus: redis ? 'redis' : 'in-process', env: { DATABASE_URL: env.BENCH_DATABASE_URL, ...(redis ? { REDIS_URL: redis } : {}) } });
  }
  const only = env.BENCH_BACKENDS?.split(',');
  return only ? list.filter((b) => only.includes(b.name)) : list;
}

warnAboutFileDescriptors();
const machine = machineInfo();
const started = performance.now();
process.stderr.write(`bench:messages ${JSON.stringify({ ...settings, cpuProfileDir: undefined })}\n`);
process.stderr.write('  bare relay…\n');
const relay = await runRelay(settings);
const runs: Array<{ backend: Backend; run: TargetRun }> = [];
for (const backend of backends()) {
  if (backend.name === 'postgres') await createFreshDatabase(backend.env.DATABASE_URL!);
  process.stderr.write(`  ${backend.name} (${backend.bus} bus)…\n`);
  runs.push({ backend, run: await runDurable(backend, settings) });
}
printReport(machine, runs, relay);
const written = writeResults(machine, settings, runs, relay);
console.log(`\nWrote ${written.join(', ')} in ${Math.round((performance.now() - started) / 1000)} s.`);
