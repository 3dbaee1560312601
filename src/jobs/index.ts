import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

type Job = { name: string; everyMs: number; run: () => Promise<unknown> };

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs `run` about every `everyMs`, once across all processes sharing the database. */
    every(name: string, everyMs: number, run: () => Promise<unknown>): void;
  }
}

/**
 * Claims a due job: one statement moves its next run forward, so among processes looking at the
 * same moment exactly one gets the row back and runs it.
 */
export async function claimJob(
  db: Kysely<Database>,
  name: string,
  everyMs: number,
): Promise<boolean> {
  await db
    .insertInto('jobs')
    .values({ name })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const claimed = await db
    .updateTable('jobs')
    .set({
      next_run_at: sql<Date>`now() + ${`${everyMs} milliseconds`}::interval`,
      last_run_at: sql<Date>`now()`,
    })
    .where('name', '=', name)
    .where('next_run_at', '<=', sql<Date>`now()`)
    .returning('name')
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function runDueJobs(
  db: Kysely<Database>,
  jobs: Job[],
  log: FastifyInstance['log'],
): Promise<void> {
  for (const job of jobs) {
    try {
      if (!(await claimJob(db, job.name, job.everyMs))) continue;
      await job.run();
      await db.updateTable('jobs').set({ last_error: null }).where('name', '=', job.name).execute();
    } catch (error) {
      log.error({ err: error, job: job.name }, 'job failed');
      await db
        .updateTable('jobs')
        .set({ last_error: String(error instanceof Error ? error.message : error).slice(0, 1000) })
        .where('name', '=', job.name)
        .execute()
        .catch(() => {});
    }
  }
}

/** Periodic work (pruning, and later mail): claimed through PostgreSQL, never repeated by every node. */
async function jobsPlugin(app: FastifyInstance, options: { tickMs?: number }): Promise<void> {
  const jobs: Job[] = [];
  app.decorate('every', (name: string, everyMs: number, run: () => Promise<unknown>) => {
    jobs.push({ name, everyMs, run });
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      running ??= runDueJobs(app.db, jobs, app.log).finally(() => (running = undefined));
    }, options.tickMs ?? app.config.jobsTickMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}

export default fp(jobsPlugin, {
  name: 'lantern-jobs',
  dependencies: ['lantern-config', 'lantern-db'],
});
