import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from './database.js';

export type DatabaseKind = 'postgres' | 'pglite';

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
};

/**
 * Marks a query to run as a named prepared statement on PostgreSQL: put `/* prepared:name *\/`
 * in its text. For the few queries on every page view or SCORM commit, where planning a CTE costs
 * more than running it. PGlite sees a comment.
 */
export const prepared = (name: string) => `/* prepared:${name} */`;
const PREPARED = /\/\* prepared:([a-z0-9-]+) \*\//;

/** Sends marked queries as named statements: PostgreSQL parses and plans them once per connection. */
function preparePinnedQueries(client: { query: (...args: never[]) => unknown }): void {
  const query = client.query.bind(client) as (config: unknown, values?: unknown, callback?: unknown) => unknown;
  const names = new Map<string, string>();
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === 'string') {
      const marker = PREPARED.exec(config)?.[1];
      if (marker) {
        // Variants of one query (a different fragment) get different names: pg refuses a name reused for another text.
        let name = names.get(config);
        if (!name) names.set(config, (name = `${marker}-${createHash('sha1').update(config).digest('hex').slice(0, 10)}`));
        return query({ name, text: config, values }, callback);
      }
    }
    return query(config, values, callback);
  }) as never;
}

/**
 * PostgreSQL through a `pg` pool when DATABASE_URL is set, else PGlite: on disk in DATA_DIR/db,
 * or in memory for `memory://` (tests). Both speak the same SQL, so migrations and queries are shared.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'>): Promise<DatabaseHandle> {
  if (config.databaseUrl && config.databaseUrl !== 'memory://') {
    const pg = await import('pg');
    // int8 (count(*), sums) as numbers: our counts stay far below 2^53.
    pg.default.types.setTypeParser(20, (value: string) => Number(value));
    // Calendar dates stay 'YYYY-MM-DD' text: a date has no time zone to shift it.
    pg.default.types.setTypeParser(1082, (value: string) => value);
    const pool = new pg.default.Pool({
      connectionString: config.databaseUrl,
      max: config.databasePoolSize,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // JIT compilation costs ~0.5 s per query whose estimates look big (jsonb expansions in the
      // reports) and pays off only for long analytical scans, which Lantern does not run.
      options: '-c jit=off',
    });
    // A client losing its server (restart, failover, network cut) must not crash the process:
    // the query in flight rejects and becomes a 503; the pool replaces the client.
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', () => {});
      preparePinnedQueries(client);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  let dataDir: string | undefined;
  if (config.databaseUrl !== 'memory://') {
    dataDir = join(config.dataDir, 'db');
    mkdirSync(dataDir, { recursive: true });
  }
  const pglite = new PGlite(dataDir, { parsers: { 20: (value: string) => Number(value), 1082: (value: string) => value } });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}
