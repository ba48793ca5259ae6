import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: stores take this so services decide the boundary. */
export type Queryable = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));
// Any constant works: it only has to be the same in every process migrating this database.
const MIGRATION_LOCK = 7_342_915;

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolMax: number; onConnectionLost?: (error: Error) => void }
  | { kind: 'pglite'; dataDir: string | null };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.poolMax, options.onConnectionLost) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ?? 'memory://');
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: async () => migratePglite(drizzlePglite({ client }), { migrationsFolder: MIGRATIONS }),
    close: async () => client.close(),
  };
}

async function openPostgres(url: string, poolMax: number, onConnectionLost?: (error: Error) => void): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  // A connection the server drops (restart, failover, pg_terminate_backend) emits 'error' on its
  // client, idle in the pool or checked out between a transaction's queries; unhandled, that
  // event kills the process. The query it cut fails by itself, and the pool replaces the client.
  const lost = (error: Error) => onConnectionLost?.(error);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  // Fail fast with a clear error if the server is unreachable, rather than on the first request.
  await pool.query('SELECT 1');
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      // Several processes may start at once: one migrates, the others wait and find nothing to do.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg({ client }), { migrationsFolder: MIGRATIONS });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        await client.end();
      }
    },
    close: async () => pool.end(),
  };
}

/** Rows of a raw `db.execute(sql...)` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `work` in a transaction, retrying on serialization failures and deadlocks, which
 * PostgreSQL resolves by aborting one side: the retry is the documented remedy.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !RETRYABLE.has(pgCode(error) ?? '')) throw error;
    }
  }
}

/** The SQLSTATE of a driver error, looking through drizzle's wrapping. */
export function pgCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`SELECT 1`);
}
