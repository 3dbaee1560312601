import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { Type } from 'typebox';

/** GET /healthz: 200 when the database answers within two seconds, 503 otherwise. */
async function healthPlugin(app: FastifyInstance): Promise<void> {
  const Health = Type.Object({ status: Type.String(), db: Type.String() });
  app.get(
    '/healthz',
    { schema: { response: { 200: Health, 503: Health } }, config: { skipSession: true } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        await Promise.race([
          sql`select 1`.execute(app.db),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('database timeout')), 2_000).unref(),
          ),
        ]);
        return { status: 'ok', db: 'ok' };
      } catch (error) {
        app.log.warn({ err: error }, 'health check: database unavailable');
        return reply.code(503).send({ status: 'error', db: 'unavailable' });
      }
    },
  );
}

export default fp(healthPlugin, { name: 'lantern-health', dependencies: ['lantern-db'] });
