// CPU used during a measured window: by the target process, by this load generator, and by
// the whole machine (the database, Redis and anything else running share its cores).
import { cpus } from 'node:os';
import type { CpuReading } from './child.ts';
import { round } from './stats.ts';

export interface CpuPercent {
  /** The target (server or relay) process, in % of one core. */
  server: number;
  /** This load generator, in % of one core. */
  load: number;
  /** All cores busy, whoever used them, in % of the machine. */
  machine: number;
}

function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    busy += times.user + times.nice + times.sys + times.irq;
    total += times.user + times.nice + times.sys + times.irq + times.idle;
  }
  return { busy, total };
}

const percentOf = (micros: number, ms: number) => round((micros / 1000 / ms) * 100, 0);

/** Starts measuring now; `stop` ends the window. */
export async function startCpuMeter(serverCpu: () => Promise<CpuReading>) {
  const started = performance.now();
  const load = process.cpuUsage();
  const machine = machineTimes();
  const server = await serverCpu();
  return {
    async stop(): Promise<CpuPercent> {
      const loadUsed = process.cpuUsage(load);
      const machineNow = machineTimes();
      const elapsed = performance.now() - started;
      const serverNow = await serverCpu();
      return {
        server: percentOf(serverNow.micros - server.micros, serverNow.at - server.at),
        load: percentOf(loadUsed.user + loadUsed.system, elapsed),
        machine: round(((machineNow.busy - machine.busy) / (machineNow.total - machine.total)) * 100, 0),
      };
    },
  };
}
