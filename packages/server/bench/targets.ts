// Starting what is measured: the real server on one storage backend, or the bare relay,
// each in its own process, and running every scenario against it.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startChild, type ChildHandle, type CpuReading } from './child.ts';
import { connectFleet, type LoadTarget } from './fleet.ts';
import { measureIdle, type IdleResult } from './idle.ts';
import { runScenario, type ScenarioResult, type Shape } from './scenario.ts';

export interface BenchSettings {
  seconds: number;
  conversations: number;
  idle: number;
  window: number;
  agents: number;
  connectBatch: number;
  cpuProfileDir: string | null;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  bus: 'in-process' | 'redis';
  env: Record<string, string>;
}

export interface TargetRun {
  scenarios: ScenarioResult[];
  idle: IdleResult | null;
  setupSeconds: number;
}

const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export function scenarioShapes(settings: BenchSettings): Array<{ key: string; name: string; conversations: number; shape: Shape }> {
  const many = settings.conversations;
  const few = Math.min(100, many);
  return [
    { key: `open-${few}`, name: `${few} conv × 1 msg/s`, conversations: few, shape: { kind: 'open', perSecond: 1 } },
    { key: `open-${many}`, name: `${many} conv × 1 msg/s`, conversations: many, shape: { kind: 'open', perSecond: 1 } },
    { key: `closed-${many}`, name: `${many} conv, max (window ${settings.window})`, conversations: many, shape: { kind: 'closed', window: settings.window } },
  ];
}

async function runScenarios(child: ChildHandle, target: LoadTarget, settings: BenchSettings, label: string): Promise<ScenarioResult[]> {
  const fleet = await connectFleet(target, { batch: settings.connectBatch });
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarioShapes(settings)) {
      process.stderr.write(`  ${label}: ${scenario.name}…\n`);
      const warmupSeconds = Math.min(2, settings.seconds / 5);
      results.push(await runScenario(fleet, { ...scenario, seconds: settings.seconds, warmupSeconds, serverCpu: () => child.request<CpuReading>('cpu') }));
    }
  } finally {
    await fleet.close();
  }
  return results;
}

export async function runDurable(backend: Backend, settings: BenchSettings): Promise<TargetRun> {
  const profile = settings.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfileDir}`] : [];
  const child = await startChild(script('./server-process.ts'), { env: backend.env, nodeArgs: ['--expose-gc', ...profile] });
  try {
    const url = String(child.hello.url);
    const { workspaceId, agentTokens } = await child.request<{ workspaceId: string; agentTokens: string[] }>('workspace', { agents: settings.agents });
    let idle: IdleResult | null = null;
    if (settings.idle > 0) {
      process.stderr.write(`  ${backend.name}: ${settings.idle} idle sockets…\n`);
      const tokens = await child.request<string[]>('idleCustomers', { workspaceId, count: settings.idle });
      idle = await measureIdle(child, { url, workspaceId, tokens, batch: settings.connectBatch });
    }
    process.stderr.write(`  ${backend.name}: creating ${settings.conversations} customers with a conversation each…\n`);
    const { customers, seconds } = await child.request<{ customers: LoadTarget['customers']; seconds: number }>('customers', { workspaceId, count: settings.conversations });
    const scenarios = await runScenarios(child, { url, workspaceId, agentTokens, customers }, settings, backend.name);
    return { scenarios, idle, setupSeconds: seconds };
  } finally {
    await child.stop();
  }
}

export async function runRelay(settings: BenchSettings): Promise<TargetRun> {
  const child = await startChild(script('./relay-process.ts'), { env: {}, nodeArgs: ['--expose-gc'] });
  try {
    const target: LoadTarget = {
      url: String(child.hello.url),
      workspaceId: randomUUID(),
      agentTokens: Array.from({ length: settings.agents }, () => 'relay-agent'),
      customers: Array.from({ length: settings.conversations }, () => ({ token: 'relay-customer', conversationId: randomUUID() })),
    };
    if (settings.idle > 0) process.stderr.write(`  relay: ${settings.idle} idle sockets…\n`);
    const tokens = Array.from({ length: settings.idle }, () => 'relay-idle');
    const idle = settings.idle > 0 ? await measureIdle(child, { url: target.url, workspaceId: target.workspaceId, tokens, batch: settings.connectBatch }) : null;
    return { scenarios: await runScenarios(child, target, settings, 'relay'), idle, setupSeconds: 0 };
  } finally {
    await child.stop();
  }
}
