import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config/schema.ts';
import { openDatabase, type Database } from './adapters/postgres/database.ts';
import { createInProcessBus } from './adapters/bus/in-process.bus.ts';
import { createRedisBus } from './adapters/bus/redis.bus.ts';
import type { EventBus } from './adapters/bus/event-bus.ts';
import { createDiskFileStorage } from './adapters/files/disk.file-storage.ts';
import type { FileStorage } from './adapters/files/file-storage.ts';
import type { Mailer } from './adapters/mail/mailer.ts';
import { createOutboxMailer, createSmtpMailer } from './adapters/mail/nodemailer.mailer.ts';
import { createLogger } from './platform/logger.ts';
import { systemClock, uuidV7 } from './platform/clock.ts';
import { createAnswerDrafter } from './adapters/llm/answer-drafter.ts';
import type { ServiceDeps } from './platform/deps.ts';
import { createApp, type App } from './app.ts';
import { countWorkspaces } from './features/workspaces/workspace.store.ts';
import { seedDemoWorkspace, type DemoCredentials } from './admin/demo-seed.ts';
import { startSmtpListener } from './channels/email/smtp-listener.ts';
import { createInboundMailHandler } from './features/channels/inbound-mail.handler.ts';

export interface RunningServer {
  url: string;
  app: App;
  deps: ServiceDeps;
  /** The inbound SMTP listener's port, or null when INBOUND_SMTP is off. */
  smtpPort: number | null;
  /** Set when this start created the demo workspace (first run on an empty database). */
  demo: DemoCredentials | null;
  /** Stops accepting work, drains in-flight requests and pending writes, then closes storage. */
  close(): Promise<void>;
}

export function openConfiguredDatabase(config: Config, log?: Logger): Promise<Database> {
  const onConnectionLost = (error: Error) => log?.warn({ err: error }, 'database connection lost');
  return config.DATABASE_URL
    ? openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX, onConnectionLost })
    : openDatabase({ kind: 'pglite', dataDir: join(resolve(config.TANDEM_DATA_DIR), 'pglite') });
}

async function openBus(config: Config, log: Logger): Promise<EventBus> {
  return config.REDIS_URL ? createRedisBus(config.REDIS_URL, log) : createInProcessBus(log);
}

export function openMailer(config: Config, log: Logger): Mailer {
  const from = config.MAIL_FROM;
  return config.SMTP_URL
    ? createSmtpMailer({ url: config.SMTP_URL, from, log })
    : createOutboxMailer({ dir: join(resolve(config.TANDEM_DATA_DIR), 'outbox'), from, log });
}

export function openFileStorage(config: Config): FileStorage {
  return createDiskFileStorage(join(resolve(config.TANDEM_DATA_DIR), 'files'));
}

/** The composition root: every adapter is chosen and wired here, by hand. */
export async function startServer(config: Config, options: { log?: Logger } = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const database = await openConfiguredDatabase(config, log);
  await database.migrate();
  const bus = await openBus(config, log);
  const mailer = openMailer(config, log);
  const files = openFileStorage(config);
  const deps: ServiceDeps = { config, log, db: database.db, bus, mailer, files, clock: systemClock, ids: uuidV7, drafter: createAnswerDrafter(config, log) };
  const app = await createApp(deps);
  const demo = config.TANDEM_DEMO && (await countWorkspaces(database.db)) === 0 ? await seedDemoWorkspace(app.services, deps) : null;
  const address = await app.http.listen({ host: config.HOST, port: config.PORT });
  app.services.publicUrl.listeningAt(address);
  app.services.passes.start(config.PERIODIC_PASS_SECONDS);
  const smtp = config.INBOUND_SMTP
    ? await startSmtpListener(createInboundMailHandler(app.services, database.db), {
        host: config.HOST, port: config.INBOUND_SMTP_PORT, maxBytes: config.INBOUND_EMAIL_MAX_BYTES, perSenderPerHour: config.INBOUND_EMAIL_PER_SENDER_PER_HOUR, log,
      })
    : null;
  log.info({ address, smtpPort: smtp?.port ?? null, database: database.kind, bus: config.REDIS_URL ? 'redis' : 'in-process', mail: config.SMTP_URL ? 'smtp' : 'outbox' }, 'server started');
  let closing: Promise<void> | null = null;
  return {
    url: config.PUBLIC_URL ?? address,
    app,
    deps,
    smtpPort: smtp?.port ?? null,
    demo,
    close: () =>
      (closing ??= (async () => {
        await smtp?.close();
        await app.http.close();
        await app.services.passes.stop();
        await app.services.routing.settled();
        await app.services.botTurns.settled();
        await app.services.botModels.settled();
        await app.services.broadcasts.settled();
        await app.services.appender.drain();
        await app.services.deliveries.settled();
        await bus.close();
        await mailer.close();
        await database.close();
        log.info('server stopped');
      })()),
  };
}
