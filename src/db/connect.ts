import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import type { Config } from '../config.js';
import { DatabaseAvailability, DatabaseUnavailableError, isQueryTimeout } from './availability.js';
import type { Database } from './database.js';
import { lockDataDir } from './lock.js';

export type DatabaseKind = 'postgres' | 'pglite';

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /**
   * PostgreSQL: a dedicated connection that hears NOTIFY on `channel` (reconnecting by itself).
   * The embedded database belongs to one process, so it has nobody to hear from.
   */
  listen?(channel: string, onMessage: (payload: string) => void): Listener;
};

/** `connected` is false while the listening connection is down: messages may be missed then. */
export type Listener = { readonly connected: boolean; close(): Promise<void> };

/**
 * Marks a query to run as a named prepared statement on PostgreSQL: put `/* prepared:name *\/`
 * in its text. For the few queries on every page view or SCORM commit, where planning a CTE costs
 * more than running it. PGlite sees a comment.
 */
export const prepared = (name: string) => `/* prepared:${name} */`;
const PREPARED = /\/\* prepared:([a-z0-9-]+) \*\//;

type PgClient = {
  query: (...args: never[]) => unknown;
  connection?: { stream?: { destroy(): void } };
};

/**
 * Wraps each pooled connection's query: marked queries are sent as named statements (PostgreSQL
 * parses and plans them once per connection); a query that times out trips the breaker and drops
 * its connection, which is stuck behind the unanswered query.
 */
function wrapQueries(client: PgClient, availability: DatabaseAvailability): void {
  const query = client.query.bind(client) as (
    config: unknown,
    values?: unknown,
    callback?: unknown,
  ) => unknown;
  const names = new Map<string, string>();
  const send = (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config === 'string') {
      const marker = PREPARED.exec(config)?.[1];
      if (marker) {
        // Variants of one query (a different fragment) get different names: pg refuses a name reused for another text.
        let name = names.get(config);
        if (!name)
          names.set(
            config,
            (name = `${marker}-${createHash('sha1').update(config).digest('hex').slice(0, 10)}`),
          );
        return query({ name, text: config, values }, callback);
      }
    }
    return query(config, values, callback);
  };
  client.query = (config: unknown, values?: unknown, callback?: unknown) => {
    if (!availability.available) return Promise.reject(new DatabaseUnavailableError());
    const result = send(config, values, callback);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (!isQueryTimeout(error)) return;
        availability.trip();
        client.connection?.stream?.destroy();
      });
    }
    return result;
  };
}

/**
 * PostgreSQL through a `pg` pool when DATABASE_URL is set, else PGlite: on disk in DATA_DIR/db,
 * or in memory for `memory://` (tests). Both speak the same SQL, so migrations and queries are shared.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize'> & {
    databaseQueryTimeoutMs?: number;
    /** Every transaction read-only, so a write sent here by mistake fails instead of diverging. */
    readOnly?: boolean;
  },
): Promise<DatabaseHandle> {
  if (config.databaseUrl && config.databaseUrl !== 'memory://') {
    const pg = await import('pg');
    const timeout = config.databaseQueryTimeoutMs ?? 0;
    // int8 (count(*), sums) as numbers: our counts stay far below 2^53.
    pg.default.types.setTypeParser(20, (value: string) => Number(value));
    // Calendar dates stay 'YYYY-MM-DD' text: a date has no time zone to shift it.
    pg.default.types.setTypeParser(1082, (value: string) => value);
    const connectionString = config.databaseUrl;
    const pool = new pg.default.Pool({
      connectionString,
      max: config.databasePoolSize,
      // Also how long a request waits for a free connection of the pool.
      connectionTimeoutMillis: 3_000,
      idleTimeoutMillis: 30_000,
      // The server cancels what runs too long; the client gives up on a server that does not answer.
      ...(timeout > 0
        ? {
            statement_timeout: timeout,
            query_timeout: timeout + 1_000,
            idle_in_transaction_session_timeout: timeout * 2,
          }
        : {}),
      // JIT compilation costs ~0.5 s per query whose estimates look big (jsonb expansions in the
      // reports) and pays off only for long analytical scans, which Lantern does not run.
      options: config.readOnly ? '-c jit=off -c default_transaction_read_only=on' : '-c jit=off',
    });
    const availability = new DatabaseAvailability(async () => {
      const probe = new pg.default.Client({
        connectionString,
        connectionTimeoutMillis: 2_000,
        query_timeout: 2_000,
      });
      probe.on('error', () => {});
      try {
        await probe.connect();
        await probe.query('select 1');
      } finally {
        await probe.end().catch(() => {});
      }
    });
    // A client losing its server (restart, failover, network cut) must not crash the process:
    // the query in flight rejects and becomes a 503; the pool replaces the client.
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', () => {});
      wrapQueries(client, availability);
    });
    // Checking out a connection fails at once, too, while the database is known not to answer.
    const guardedPool = {
      connect: () =>
        availability.available ? pool.connect() : Promise.reject(new DatabaseUnavailableError()),
      end: () => pool.end(),
      options: pool.options,
    };
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guardedPool }) });
    const listeners = new Set<Listener>();
    return {
      db,
      kind: 'postgres',
      async close() {
        availability.stop();
        await Promise.all([...listeners].map((listener) => listener.close()));
        await db.destroy();
      },
      listen(channel, onMessage) {
        const listener = listenForNotifications(pg.default, connectionString, channel, onMessage);
        listeners.add(listener);
        return listener;
      },
    };
  }

  let dataDir: string | undefined;
  let unlock = () => {};
  if (config.databaseUrl !== 'memory://') {
    mkdirSync(config.dataDir, { recursive: true });
    // The embedded database belongs to one process: a second one writing the same files loses data.
    unlock = lockDataDir(config.dataDir);
    dataDir = join(config.dataDir, 'db');
    mkdirSync(dataDir, { recursive: true });
  }
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = new PGlite(dataDir, {
      // int8 (count(*), sums) as numbers, calendar dates as 'YYYY-MM-DD' text, as with pg.
      parsers: { 20: (value: string) => Number(value), 1082: (value: string) => value },
      // PostgreSQL's default 128 MB of shared buffers (and shared memory sized for 100
      // connections) are zeroed inside the WebAssembly memory at every start, about half a
      // second of a restart; PGlite serves one connection, and the file cache holds the rest.
      startParams: [
        ...PGlite.defaultStartParams,
        '-c',
        'shared_buffers=16MB',
        '-c',
        'max_connections=5',
      ],
    });
    await pglite.waitReady;
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      kind: 'pglite',
      async close() {
        await db.destroy();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

type PgModule = typeof import('pg').default;

/** LISTEN on a connection of its own, reconnecting with back-off when it drops. */
function listenForNotifications(
  pg: PgModule,
  connectionString: string,
  channel: string,
  onMessage: (payload: string) => void,
): Listener {
  let client: InstanceType<PgModule['Client']> | undefined;
  let connected = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = 500;
  const connect = async () => {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 3_000 });
    client = next;
    const lost = () => {
      if (client !== next) return;
      connected = false;
      client = undefined;
      next.end().catch(() => {});
      if (!closed) {
        retry = setTimeout(() => void connect(), delay);
        retry.unref();
        delay = Math.min(delay * 2, 10_000);
      }
    };
    next.on('error', lost);
    next.on('end', lost);
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) onMessage(message.payload);
    });
    try {
      await next.connect();
      await next.query(`listen ${channel}`);
      connected = true;
      delay = 500;
    } catch {
      lost();
    }
  };
  void connect();
  return {
    get connected() {
      return connected;
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      connected = false;
      await client?.end().catch(() => {});
    },
  };
}
