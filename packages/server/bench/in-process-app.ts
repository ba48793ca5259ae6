// The whole product in this process on a fresh embedded database, listening on a free port:
// for benchmarks that call the HTTP API and also reach into the database.
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { openDatabase } from '../src/adapters/postgres/database.ts';
import { createInProcessBus } from '../src/adapters/bus/in-process.bus.ts';
import { systemClock, uuidV7 } from '../src/platform/clock.ts';
import { openFileStorage, openMailer } from '../src/main.ts';

export async function startInProcessApp(name: string) {
  const log = pino({ level: 'silent' });
  const config = loadConfig({ TANDEM_DATA_DIR: `/tmp/tandem-bench-${name}`, RATE_LIMIT_PER_MINUTE: '100000000', PERIODIC_PASS_SECONDS: '0' });
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await database.migrate();
  const deps = { config, log, db: database.db, bus: createInProcessBus(log), mailer: openMailer(config, log), files: openFileStorage(config), clock: systemClock, ids: uuidV7, drafter: null };
  const app = await createApp(deps);
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  return {
    db: database.db,
    services: app.services,
    base: `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`,
    async close() {
      await app.http.close();
      await database.close();
    },
  };
}
