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
    pool.on('connect', (client) => client.on('error', () => {}));
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
