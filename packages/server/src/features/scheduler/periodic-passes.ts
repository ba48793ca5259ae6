import type { Logger } from 'pino';

/** Work done every few seconds per workspace: which workspaces need it, and the pass itself. */
export interface PeriodicPass {
  name: string;
  workspaces(): Promise<string[]>;
  run(workspaceId: string): Promise<unknown>;
}

/**
 * Runs each pass over the workspaces that need it, one round at a time (a slow round delays the
 * next instead of piling up). The passes keep no state of their own, so several processes may
 * run them side by side and a restart loses nothing.
 */
export function createPeriodicPasses(passes: readonly PeriodicPass[], log: Logger) {
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> = Promise.resolve();

  async function runRound(): Promise<void> {
    for (const pass of passes) {
      try {
        for (const workspaceId of await pass.workspaces()) await pass.run(workspaceId);
      } catch (error) {
        log.error({ err: error, pass: pass.name }, 'periodic pass failed');
      }
    }
  }

  return {
    start(seconds: number): void {
      if (timer || seconds <= 0) return;
      timer = setInterval(() => {
        round = round.then(runRound);
      }, seconds * 1000);
      timer.unref();
    },
    /** One round now (tests, and the first pass after a restart). */
    runOnce: (): Promise<void> => (round = round.then(runRound)),
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await round;
    },
  };
}
