import type { Logger } from 'pino';
import type { FileStorage } from '../../adapters/files/file-storage.ts';

/**
 * Removes stored bytes whose rows are gone (a missing file is fine). Called after the commit, so
 * a rolled-back transaction never leaves rows without bytes; a failure here is logged, since the
 * bytes can no longer be reached through any row (the public URL needs the file's row).
 */
export async function removeStoredFiles(deps: { files: FileStorage; log: Logger }, storageKeys: readonly string[]): Promise<void> {
  for (const key of storageKeys) {
    try {
      await deps.files.delete(key);
    } catch (error) {
      deps.log.error({ err: error, storageKey: key }, 'stored file could not be removed');
    }
  }
}
