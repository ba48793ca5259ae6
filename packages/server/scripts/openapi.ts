// Writes docs/openapi.json from the route schemas, or (check) fails if the committed one drifted.
import { readFileSync, writeFileSync } from 'node:fs';
import { pino } from 'pino';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/load.ts';
import { openDatabase } from '../src/adapters/postgres/database.ts';
import { createInProcessBus } from '../src/adapters/bus/in-process.bus.ts';
import { systemClock, uuidV7 } from '../src/platform/clock.ts';
import { openFileStorage, openMailer } from '../src/main.ts';

const target = new URL('../../../docs/openapi.json', import.meta.url);
const mode = process.argv[2];
if (mode !== 'write' && mode !== 'check') {
  process.stderr.write('usage: openapi.ts write|check\n');
  process.exit(2);
}

const log = pino({ level: 'silent' });
const database = await openDatabase({ kind: 'pglite', dataDir: null });
const config = loadConfig({});
// Nothing is sent or stored while generating: the adapters are only wired.
const app = await createApp({ config, log, db: database.db, bus: createInProcessBus(log), mailer: openMailer(config, log), files: openFileStorage(config), clock: systemClock, ids: uuidV7, drafter: null });
await app.http.ready();
const generated = `${JSON.stringify(app.http.swagger(), null, 2)}\n`;
await app.http.close();
await database.close();

if (mode === 'write') {
  writeFileSync(target, generated);
  process.stdout.write(`wrote ${target.pathname}\n`);
} else {
  const committed = readFileSync(target, 'utf8');
  if (committed !== generated) {
    process.stderr.write('docs/openapi.json is out of date: run `npm run openapi:write` and commit it.\n');
    process.exit(1);
  }
  process.stdout.write('docs/openapi.json is up to date\n');
}
