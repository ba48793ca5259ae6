// The results as a table on stdout and as JSON files under bench/results/.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem, type as osType, release, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScenarioResult } from './scenario.ts';
import type { Backend, BenchSettings, TargetRun } from './targets.ts';
import { round } from './stats.ts';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  loadAverageAtStart: number[];
  /** The commit measured, with `+changes` when the working tree differed from it. */
  commit: string;
}

function currentCommit(): string {
  const packages = fileURLToPath(new URL('../../', import.meta.url));
  const git = (...args: string[]) => execFileSync('git', ['-C', packages, ...args], { encoding: 'utf8' }).trim();
  try {
    const changed = git('status', '--porcelain', '--untracked-files=no', '--', '.').length > 0;
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? '+changes' : ''}`;
  } catch (error) {
    return `unknown (${String(error).split('\n')[0]})`;
  }
}

export function machineInfo(): MachineInfo {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: round(totalmem() / 1024 ** 3),
    node: process.version,
    os: `${osType()} ${release()}`,
    loadAverageAtStart: loadavg().map((l) => round(l, 2)),
    commit: currentCommit(),
  };
}

const ratio = (durable: ScenarioResult, relay: ScenarioResult | undefined) =>
  relay && relay.achievedPerSecond > 0 ? round(durable.achievedPerSecond / relay.achievedPerSecond, 2) : null;

function rows(label: string, run: TargetRun, relay: TargetRun | null): string[][] {
  return run.scenarios.map((s, i) => [
    label,
    s.scenario,
    s.targetPerSecond === null ? 'max' : String(s.targetPerSecond),
    String(s.achievedPerSecond),
    String(s.latencyMs.p50),
    String(s.latencyMs.p99),
    String(s.ackLatencyMs.p99),
    `${s.skipped}/${s.lost}/${s.errors}`,
    `${s.cpuPercent.server}/${s.cpuPercent.load}/${s.cpuPercent.machine}`,
    relay ? String(ratio(s, relay.scenarios[i]) ?? '–') : '–',
  ]);
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export function printReport(machine: MachineInfo, runs: Array<{ backend: Backend; run: TargetRun }>, relay: TargetRun): void {
  const header = ['backend', 'scenario', 'target msg/s', 'achieved msg/s', 'p50 ms', 'p99 ms', 'ack p99 ms', 'skip/lost/err', 'cpu% srv/load/all', 'vs relay'];
  const body = [...runs.flatMap(({ backend, run }) => rows(`${backend.name} (${backend.bus} bus)`, run, relay)), ...rows('bare relay', relay, null)];
  console.log(`\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}, load average at start ${machine.loadAverageAtStart.join(' ')}; code ${machine.commit}`);
  console.log('Latency: customer send → first agent receives (ms). achieved = durable acks/s. cpu%: server and load generator in % of one core, all = whole machine busy %.\n');
  console.log(table(header, body));
  console.log('');
  for (const { label, run } of [...runs.map(({ backend, run }) => ({ label: backend.name, run })), { label: 'bare relay', run: relay }]) {
    const i = run.idle;
    if (!i) continue;
    console.log(
      `Idle (${label}): ${i.connections} hello'd customer sockets opened in ${i.connectSeconds} s; RSS ${i.rssBeforeMb} → ${i.rssAfterMb} MB = ` +
        `${i.rssBytesPerConnection} B/connection (JS heap used ${i.heapBytesPerConnection} B, heap total ${i.heapTotalBytesPerConnection} B, external ${i.externalBytesPerConnection} B)`,
    );
  }
}

export function writeResults(
  machine: MachineInfo,
  settings: BenchSettings,
  runs: Array<{ backend: Backend; run: TargetRun }>,
  relay: TargetRun,
): string[] {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return runs.map(({ backend, run }) => {
    const path = `${dir}messages-${backend.name}.json`;
    const scenarios = run.scenarios.map((s, i) => ({ ...s, relayRatio: ratio(s, relay.scenarios[i]) }));
    const { cpuProfileDir: _profile, ...shown } = settings;
    const result = { date: new Date().toISOString(), machine, settings: shown, backend: { name: backend.name, bus: backend.bus }, ...run, scenarios, relay: { scenarios: relay.scenarios, idle: relay.idle } };
    writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
    return path;
  });
}
