// A fingerprint of everything a workspace holds, to show that a refused request wrote nothing:
// a row count per table, and for the tables the fuzzed routes update in place, a hash of the
// rows' values too (so a half-applied update shows). Hashing every table costs 3x the time.
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/adapters/postgres/database.ts';
import type { TestApp } from '../harness.ts';

// Written on reads by design: the token's last use (once a minute).
const VOLATILE = new Set(['access_tokens']);
const UPDATED_IN_PLACE = new Set(['conversations', 'customers', 'identities', 'kb_articles', 'kb_guides', 'bot_flows', 'bot_intents', 'proactive_rules', 'segments']);

export async function createSnapshotter(app: TestApp) {
  const tables = rowsOf<{ table_name: string }>(
    await app.deps.db.execute(sql`SELECT table_name FROM information_schema.columns
      WHERE column_name = 'workspace_id' AND table_schema = current_schema() ORDER BY table_name`),
  ).map((r) => r.table_name).filter((name) => !VOLATILE.has(name));
  const parts = tables.map((t) => {
    const measure = UPDATED_IN_PLACE.has(t) ? sql`count(*) || ':' || coalesce(sum(hashtext(x::text)), 0)` : sql`count(*)`;
    return sql`${sql.raw(`'${t}'`)}::text, (SELECT ${measure} FROM ${sql.identifier(t)} x WHERE x.workspace_id = ws.id)`;
  });
  // jsonb_build_object takes at most 100 arguments: build it in chunks and merge them.
  const chunks = [sql`jsonb_build_object('workspaces', md5(ws::text))`];
  for (let i = 0; i < parts.length; i += 40) chunks.push(sql`jsonb_build_object(${sql.join(parts.slice(i, i + 40), sql`, `)})`);
  const columns = sql.join(chunks, sql` || `);

  /** Per table, a hash of this workspace's rows; plus the workspace row itself. */
  return async function snapshot(workspaceId: string): Promise<Record<string, string | number>> {
    const result = await app.deps.db.execute(sql`SELECT ${columns} AS s FROM workspaces ws WHERE ws.id = ${workspaceId}`);
    return rowsOf<{ s: Record<string, string | number> }>(result)[0]!.s;
  };
}

/** The tables whose hash differs between two snapshots. */
export function changedTables(before: Record<string, string | number>, after: Record<string, string | number>): string[] {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}

/** Waits for the background work a successful request may have started (bot training, routing...). */
export async function settle(app: TestApp): Promise<void> {
  await app.services.routing.settled();
  await app.services.botTurns.settled();
  await app.services.botModels.settled();
  await app.services.appender.drain();
  await app.services.deliveries.settled();
}
