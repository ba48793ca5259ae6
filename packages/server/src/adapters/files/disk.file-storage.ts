import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FileStorage } from './file-storage.ts';

const SAFE_KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/**
 * Files on local disk (the default, under TANDEM_DATA_DIR/files). Written to a temporary name,
 * fsynced, then renamed: a crash never leaves a half file under a real key.
 */
export function createDiskFileStorage(root: string): FileStorage {
  const pathOf = (key: string) => {
    if (!SAFE_KEY.test(key)) throw new Error(`unsafe storage key: ${key}`);
    return join(root, key);
  };
  return {
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(join(path, '..'), { recursive: true });
      const temporary = `${path}.partial`;
      let bytes = 0;
      body.on('data', (chunk: Buffer) => (bytes += chunk.length));
      try {
        await pipeline(body, createWriteStream(temporary, { mode: 0o600 }));
        const handle = await open(temporary, 'r');
        await handle.sync();
        await handle.close();
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return bytes;
    },
    async get(key) {
      const path = pathOf(key);
      try {
        const handle = await open(path, 'r');
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
