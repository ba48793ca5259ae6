import type { ServiceDeps } from '../../platform/deps.ts';
import { forgetFileRemovals, leftFileRemovals, workspacesWithLeftFileRemovals } from './file-removals.store.ts';

// An entry this old was not removed right after its commit (a crash, a refusing disk): the pass takes it.
const LEFT_AFTER_MS = 60_000;
const PER_PASS = 500;

/**
 * Removes stored bytes whose rows are gone (a missing file is fine), after the commit, so a
 * rolled-back transaction never leaves rows without bytes. What was queued with the commit
 * (`queueFileRemovals`) is forgotten only once removed; the rest waits for the periodic pass.
 */
export function createFileRemovals(deps: Pick<ServiceDeps, 'db' | 'files' | 'log' | 'clock'>) {
  const { db, files, log, clock } = deps;

  async function remove(workspaceId: string, storageKeys: readonly string[]): Promise<number> {
    const removed: string[] = [];
    for (const key of storageKeys) {
      try {
        await files.delete(key);
        removed.push(key);
      } catch (error) {
        log.error({ err: error, storageKey: key }, 'stored file could not be removed; the periodic pass tries again');
      }
    }
    await forgetFileRemovals(db, workspaceId, removed);
    return removed.length;
  }

  return {
    remove,
    workspacesToPass: () => workspacesWithLeftFileRemovals(db, new Date(clock().getTime() - LEFT_AFTER_MS)),
    async pass(workspaceId: string): Promise<number> {
      return remove(workspaceId, await leftFileRemovals(db, workspaceId, new Date(clock().getTime() - LEFT_AFTER_MS), PER_PASS));
    },
  };
}

export type FileRemovals = ReturnType<typeof createFileRemovals>;
