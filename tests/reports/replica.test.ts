import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import {
  courseIdOf,
  createTestApp,
  signIn,
  TEST_PASSWORD,
  type TestContext,
} from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { createCohortAs, joinCohort } from '../helpers/cohorts.js';
import { tableRows } from './html.js';

// A replica needs a PostgreSQL primary; the embedded database has no such thing.
const serverUrl = process.env.TEST_DATABASE_URL;
const base = '/courses/example-course';

/**
 * The "replica" is a copy of the primary taken at one moment (CREATE DATABASE … TEMPLATE), then
 * left behind while the primary moves on: what a lagging streaming replica looks like. Reports
 * read from it, so they show the copy's state; what a report writes (the audit log) lands on the
 * primary; and the reports' connection refuses writes.
 */
describe.skipIf(!serverUrl)('reports on a replica (REPORTS_DATABASE_URL)', () => {
  let ctx: TestContext;
  let withReplica: FastifyInstance;
  let replicaName: string;
  let cohortId: number;
  let learner: TestBrowser;
  let trainerEmail: string;
  const admin = () => {
    const url = new URL(serverUrl!);
    url.pathname = '/postgres';
    return new pg.Client({ connectionString: url.toString() });
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    const primaryUrl = (ctx.database as { url?: string }).url!;
    const trainer = await signIn(ctx, 'trainer', { name: 'Rita Replica' });
    trainerEmail = trainer.user.email;
    const cohort = await createCohortAs(ctx, trainer.browser, {
      name: 'Replica team',
      courseId: await courseIdOf(ctx),
    });
    cohortId = cohort.id;
    learner = (await signIn(ctx, 'learner', { name: 'Lina Lagging' })).browser;
    await joinCohort(learner, cohort.code);
    await learner.post(`${base}/lessons/welcome/complete`);

    // The copy: nobody may be connected to the primary while it is taken.
    const primaryName = new URL(primaryUrl).pathname.slice(1);
    replicaName = `${primaryName}_replica`;
    const client = admin();
    await client.connect();
    await client.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [primaryName],
    );
    await client.query(`create database ${replicaName} template ${primaryName}`);
    await client.end();
    const replicaUrl = new URL(primaryUrl);
    replicaUrl.pathname = `/${replicaName}`;

    // The primary moves on: the learner finishes a second lesson after the copy.
    expect((await learner.post(`${base}/lessons/english-only/complete`)).statusCode).toBe(303);

    withReplica = await buildApp({
      config: { ...ctx.config, reportsDatabaseUrl: replicaUrl.toString() },
      database: ctx.database,
      closeDatabase: false,
    });
    await withReplica.ready();
  });

  afterAll(async () => {
    await withReplica?.close();
    await ctx?.close();
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${replicaName} with (force)`);
    await client.end();
  });

  const progressCell = async (app: FastifyInstance) => {
    const trainer = new TestBrowser(app);
    await trainer.login(trainerEmail, TEST_PASSWORD);
    const page = await trainer.get(`/trainer/cohorts/${cohortId}/learners`);
    expect(page.statusCode).toBe(200);
    const [row] = tableRows(page.body, 'learners');
    return row!.find((cell) => /%/.test(cell));
  };

  it("reads the learner table from the replica (its state), the primary's app from the primary", async () => {
    const fromPrimary = await progressCell(ctx.app);
    const fromReplica = await progressCell(withReplica);
    expect(fromPrimary).toBeDefined();
    expect(fromReplica).toBeDefined();
    // One lesson done on the copy, two on the primary.
    expect(Number.parseInt(fromReplica!, 10)).toBeLessThan(Number.parseInt(fromPrimary!, 10));
  });

  it('streams the CSV export from the replica', async () => {
    const trainer = new TestBrowser(withReplica);
    await trainer.login(trainerEmail, TEST_PASSWORD);
    const csv = await trainer.get(`/trainer/cohorts/${cohortId}/learners.csv`);
    expect(csv.statusCode).toBe(200);
    const primaryCsv = await (async () => {
      const viaPrimary = new TestBrowser(ctx.app);
      await viaPrimary.login(trainerEmail, TEST_PASSWORD);
      return (await viaPrimary.get(`/trainer/cohorts/${cohortId}/learners.csv`)).body;
    })();
    expect(csv.body).toContain('Lina Lagging');
    expect(csv.body).not.toEqual(primaryCsv);
  });

  it('writes what a report writes (the audit log) on the primary, never on the replica', async () => {
    const countOn = async (db: FastifyInstance['db']) =>
      (
        await db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'report.learners')
          .executeTakeFirstOrThrow()
      ).n;
    const [primaryBefore, replicaBefore] = [
      await countOn(withReplica.db),
      await countOn(withReplica.reportsDb),
    ];
    await progressCell(withReplica);
    expect(await countOn(withReplica.db)).toBe(Number(primaryBefore) + 1);
    expect(await countOn(withReplica.reportsDb)).toBe(replicaBefore);
  });

  it('refuses a write sent to the reports connection', async () => {
    await expect(
      withReplica.reportsDb
        .updateTable('cohorts')
        .set({ name: 'changed' })
        .where('id', '=', cohortId)
        .execute(),
    ).rejects.toThrow(/read-only/);
  });
});

describe('REPORTS_DATABASE_URL', () => {
  it('is refused without a PostgreSQL primary, with the reason', () => {
    expect(() =>
      loadConfig({ REPORTS_DATABASE_URL: 'postgres://replica/lantern', DATA_DIR: '/tmp' }),
    ).toThrow(/REPORTS_DATABASE_URL needs DATABASE_URL/);
    expect(() =>
      loadConfig({
        DATABASE_URL: 'postgres://primary/lantern',
        REPORTS_DATABASE_URL: 'mysql://replica',
        DATA_DIR: '/tmp',
      }),
    ).toThrow(/REPORTS_DATABASE_URL must start with postgres/);
  });
});
