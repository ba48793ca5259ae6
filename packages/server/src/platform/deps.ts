import type { Logger } from 'pino';
import type { Db } from '../adapters/postgres/database.ts';
import type { EventBus } from '../adapters/bus/event-bus.ts';
import type { Config } from '../config/schema.ts';
import type { Clock, IdGenerator } from './clock.ts';

/** What every service is built from; wired by hand in main.ts (tests pass their own). */
export interface ServiceDeps {
  config: Config;
  log: Logger;
  db: Db;
  bus: EventBus;
  clock: Clock;
  ids: IdGenerator;
}
