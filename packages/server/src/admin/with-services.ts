import type { Config } from '../config/schema.ts';
import { createLogger } from '../platform/logger.ts';
import { systemClock, uuidV7 } from '../platform/clock.ts';
import { createInProcessBus } from '../adapters/bus/in-process.bus.ts';
import { createServices } from '../services.ts';
import { openConfiguredDatabase, openFileStorage, openMailer } from '../main.ts';
import type { ServiceDeps } from '../platform/deps.ts';

/** Runs an admin task against the configured database, with no HTTP server. */
export async function withServices<T>(config: Config, task: (services: ReturnType<typeof createServices>, deps: ServiceDeps) => Promise<T>): Promise<T> {
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    const bus = createInProcessBus(log);
    const deps: ServiceDeps = { config, log, db: database.db, bus, mailer: openMailer(config, log), files: openFileStorage(config), clock: systemClock, ids: uuidV7, drafter: null };
    const services = createServices(deps);
    const result = await task(services, deps);
    await services.appender.drain();
    await deps.mailer.close();
    return result;
  } finally {
    await database.close();
  }
}

