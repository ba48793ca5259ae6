import { inTransaction, type Tx } from '../../adapters/postgres/database.ts';
import type { FeedEventRecord, MessageRecord } from '../../domain/records.ts';
import type { IdGenerator } from '../../platform/clock.ts';
import { appendFeed } from '../feed/feed.store.ts';
import { publishFeed } from '../feed/feed.publisher.ts';
import type { TransactDeps } from '../feed/transact.ts';
import { appendBatch, IdempotencyRace, type AppendRequest, type AppendResult } from './append-batch.ts';

export type AppenderRequest = AppendRequest & {
  /** What else to store with the message, in its transaction (e.g. mentions); not run for a replay. */
  alsoStore?: (tx: Tx, message: MessageRecord) => Promise<void>;
};

export interface MessageAppender {
  /** Resolves once the message is committed (and only then may it be acknowledged). */
  append(request: AppenderRequest): Promise<AppendResult>;
  /** Waits for everything queued so far to be committed. */
  drain(): Promise<void>;
}

interface Waiting {
  request: AppenderRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. When idle, a message is committed as soon as the event loop has read what else
 * arrived with it (one `setImmediate`, well under a millisecond). While a commit is in flight,
 * arriving messages queue and go together in the next transaction, so under load many messages
 * share one commit (and one fsync) instead of one each.
 */
export function createMessageAppender(
  deps: TransactDeps & { ids: IdGenerator; maxBatch?: number },
): MessageAppender {
  const maxBatch = deps.maxBatch ?? 256;
  const queue: Waiting[] = [];
  const inFlight = new Map<string, Promise<AppendResult>>();
  let running: Promise<void> | null = null;

  async function commit(requests: AppenderRequest[]): Promise<AppendResult[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        let stored: FeedEventRecord[] = [];
        const results = await inTransaction(deps.db, async (tx) => {
          const now = deps.clock();
          const batch = await appendBatch(tx, requests, { now, newId: deps.ids });
          for (const [i, result] of batch.results.entries()) {
            if (result.kind === 'stored' && !result.duplicate) await requests[i]!.alsoStore?.(tx, result.message);
          }
          stored = await appendFeed(tx, batch.feed, now);
          return batch.results;
        });
        publishFeed(deps.bus, stored, deps.log);
        return results;
      } catch (error) {
        // Another process stored one of these keys first: the retry answers it as a replay.
        if (!(error instanceof IdempotencyRace) || attempt >= 3) throw error;
      }
    }
  }

  async function run(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const results = await commit(batch.map((w) => w.request));
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        if (batch.length === 1) {
          batch[0]!.reject(error);
          continue;
        }
        // One bad message must not fail its neighbours: retry them one by one.
        deps.log.warn({ err: error, size: batch.length }, 'message batch failed, retrying singly');
        for (const w of batch) await commit([w.request]).then((r) => w.resolve(r[0]!), w.reject);
      }
    }
  }

  function schedule(): Promise<void> {
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        run()
          .catch((error: unknown) => deps.log.error({ err: error }, 'message appender failed'))
          .finally(() => {
            // A message queued after the loop's last look but before now must not wait for the next one.
            running = queue.length > 0 ? schedule() : null;
            resolve();
          });
      }),
    );
  }

  return {
    append(request) {
      const key = request.idempotencyKey
        ? `${request.workspaceId}|${request.author}|${request.authorId}|${request.idempotencyKey}`
        : null;
      const pending = key ? inFlight.get(key) : undefined;
      if (pending) return pending.then((r) => (r.kind === 'stored' ? { ...r, duplicate: true } : r));
      const promise = new Promise<AppendResult>((resolve, reject) => queue.push({ request, resolve, reject }));
      if (key) {
        inFlight.set(key, promise);
        const forget = () => inFlight.delete(key);
        promise.then(forget, forget);
      }
      // Start after the current I/O phase, not now: every frame read in this phase then joins
      // the batch. It matters with PGlite, whose queries never yield to I/O, so a run started
      // from the first frame would commit it alone before the next frame is even read.
      running ??= schedule();
      return promise;
    },
    async drain() {
      while (running) await running;
    },
  };
}
