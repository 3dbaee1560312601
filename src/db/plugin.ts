import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { DatabaseHandle, DatabaseKind } from './connect.js';
import type { Database } from './database.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    /**
     * Where trainer reports and CSV exports read: a streaming replica when REPORTS_DATABASE_URL is
     * set (read-only, possibly a moment behind), else the same database as `db`. Never write here.
     */
    reportsDb: Kysely<Database>;
    dbKind: DatabaseKind;
    /** PostgreSQL only: hear NOTIFY on a channel (see DatabaseHandle.listen). */
    dbListen: DatabaseHandle['listen'];
  }
}

/** Shares one database handle with every capability and closes it after the last request. */
async function databasePlugin(
  app: FastifyInstance,
  options: { handle: DatabaseHandle; closeOnShutdown: boolean; reports?: DatabaseHandle },
): Promise<void> {
  app.decorate('db', options.handle.db);
  app.decorate('reportsDb', options.reports?.db ?? options.handle.db);
  if (options.reports) {
    const reports = options.reports;
    app.addHook('onClose', async () => reports.close());
  }
  app.decorate('dbKind', options.handle.kind);
  app.decorate('dbListen', options.handle.listen?.bind(options.handle));
  if (options.closeOnShutdown) app.addHook('onClose', async () => options.handle.close());
}

export default fp(databasePlugin, { name: 'lantern-db' });
