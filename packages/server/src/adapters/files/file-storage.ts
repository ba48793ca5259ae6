import type { Readable } from 'node:stream';

/** Where uploaded bytes live. Keys are server-chosen (never user input), so any backend can use them as paths. */
export interface FileStorage {
  /** Stores the stream; resolves with the byte count once it is durable. */
  put(key: string, body: Readable): Promise<number>;
  /** A stream of the bytes, or null when the key is unknown. */
  get(key: string): Promise<Readable | null>;
  delete(key: string): Promise<void>;
}
