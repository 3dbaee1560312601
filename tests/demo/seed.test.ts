import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { importPackage } from '../../src/scorm/import.js';
import { buildMastery12 } from '../scorm/fixtures.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

describe('seed:demo', () => {
  it('creates learners, cohorts, skewed progress, quiz results and certificates that the reports read', async () => {
    const report = await seedDemo(ctx.database.db, { learners: 400, cohorts: 3, batch: 150 });
    expect(report).toMatchObject({ learners: 400, cohorts: 3, enrolments: 400 });
    const db = ctx.database.db;
    const statuses = await db
      .selectFrom('enrolments')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(statuses.find((row) => row.status === status)?.n ?? 0);
    // 25% complete, the rest active: allow for randomness.
    expect(count('completed')).toBeGreaterThan(60);
    expect(count('completed')).toBeLessThan(150);
    const notStarted = await db
      .selectFrom('enrolments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('progress_percent', '=', 0)
      .executeTakeFirstOrThrow();
    expect(Number(notStarted.n)).toBeGreaterThan(70);
    const certificates = await db
      .selectFrom('certificates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(certificates.n)).toBe(count('completed'));
    const attempts = await db
      .selectFrom('quiz_attempts')
      .select(['results', 'score', 'passed'])
      .execute();
    expect(attempts.length).toBe(report.attempts);
    expect(attempts.every((a) => Array.isArray(a.results) && a.results.length > 0)).toBe(true);
    const members = await db
      .selectFrom('cohort_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(members.n)).toBe(400);

    // A seeded trainer can log in and read their cohort's dashboard.
    const cohort = await db
      .selectFrom('cohorts')
      .innerJoin('users', 'users.id', 'cohorts.owner_id')
      .select(['cohorts.id', 'users.email'])
      .orderBy('cohorts.id')
      .executeTakeFirstOrThrow();
    const trainer = new TestBrowser(ctx.app);
    await trainer.login(cohort.email, 'lantern demo password');
    const dashboard = await trainer.get(`/trainer/cohorts/${cohort.id}`);
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toMatch(/<dt>Members<\/dt><dd>13[34]<\/dd>/);
  });
});

describe('seed:demo with a SCORM course imported', () => {
  it('gives the learners who started it SCORM attempts with interactions, and SCO progress that matches', async () => {
    const scormCtx = await createTestApp();
    try {
      const db = scormCtx.database.db;
      const imported = await importPackage(
        db,
        await buildMastery12(mkdtempSync(join(tmpdir(), 'lantern-seed-'))),
        { dataDir: scormCtx.config.dataDir },
      );
      const report = await seedDemo(db, { learners: 200, cohorts: 2 });
      const started = await db
        .selectFrom('enrolments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('course_id', '=', imported.courseId)
        .where('progress_percent', '>', 0)
        .executeTakeFirstOrThrow();
      expect(report.scormAttempts).toBe(Number(started.n));
      expect(report.scormAttempts).toBeGreaterThan(80);
      const interactions = await db
        .selectFrom('scorm_interactions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(interactions.n)).toBe(3 * report.scormAttempts);
      // Completed enrolments have their SCO done and passed.
      const mismatched = await db
        .selectFrom('enrolments as e')
        .leftJoin('item_progress as p', (join) =>
          join.onRef('p.user_id', '=', 'e.user_id').onRef('p.course_id', '=', 'e.course_id'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('e.course_id', '=', imported.courseId)
        .where('e.status', '=', 'completed')
        .where((eb) => eb.or([eb('p.completed_at', 'is', null), eb('p.passed', '=', false)]))
        .executeTakeFirstOrThrow();
      expect(Number(mismatched.n)).toBe(0);
    } finally {
      await scormCtx.close();
    }
  });
});
