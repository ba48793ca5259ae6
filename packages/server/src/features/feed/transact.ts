import type { Logger } from 'pino';
import { inTransaction, type Db, type Tx } from '../../adapters/postgres/database.ts';
import type { EventBus } from '../../adapters/bus/event-bus.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FeedEventRecord } from '../../domain/records.ts';
import { appendFeed, type NewFeedEvent } from './feed.store.ts';
import { publishFeed } from './feed.publisher.ts';

export interface TransactDeps {
  db: Db;
  bus: EventBus;
  clock: Clock;
  log: Logger;
}

export type Emit = (event: NewFeedEvent) => void;

/**
 * The one shape of a write: do the work and store its feed events in one transaction, then
 * publish them after commit. Nothing is announced that was not stored.
 */
export async function transact<T>(deps: TransactDeps, work: (tx: Tx, emit: Emit) => Promise<T>): Promise<T> {
  let stored: FeedEventRecord[] = [];
  const result = await inTransaction(deps.db, async (tx) => {
    const pending: NewFeedEvent[] = [];
    const value = await work(tx, (event) => pending.push(event));
    stored = await appendFeed(tx, pending, deps.clock());
    return value;
  });
  publishFeed(deps.bus, stored, deps.log);
  return result;
}
