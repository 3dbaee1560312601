import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { DatabaseHandle, DatabaseKind } from './connect.js';
import type { Database } from './database.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    dbKind: DatabaseKind;
    /** PostgreSQL only: hear NOTIFY on a channel (see DatabaseHandle.listen). */
    dbListen: DatabaseHandle['listen'];
  }
}

/** Shares one database handle with every capability and closes it after the last request. */
async function databasePlugin(
  app: FastifyInstance,
  options: { handle: DatabaseHandle; closeOnShutdown: boolean },
): Promise<void> {
  app.decorate('db', options.handle.db);
  app.decorate('dbKind', options.handle.kind);
  app.decorate('dbListen', options.handle.listen?.bind(options.handle));
  if (options.closeOnShutdown) app.addHook('onClose', async () => options.handle.close());
}

export default fp(databasePlugin, { name: 'lantern-db' });
