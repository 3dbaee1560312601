import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
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
    const statuses = await db.selectFrom('enrolments').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
    const count = (status: string) => Number(statuses.find((row) => row.status === status)?.n ?? 0);
    // 25% complete, the rest active: allow for randomness.
    expect(count('completed')).toBeGreaterThan(60);
    expect(count('completed')).toBeLessThan(150);
    const notStarted = await db.selectFrom('enrolments').select((eb) => eb.fn.countAll<number>().as('n')).where('progress_percent', '=', 0).executeTakeFirstOrThrow();
    expect(Number(notStarted.n)).toBeGreaterThan(70);
    const certificates = await db.selectFrom('certificates').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(certificates.n)).toBe(count('completed'));
    const attempts = await db.selectFrom('quiz_attempts').select(['results', 'score', 'passed']).execute();
    expect(attempts.length).toBe(report.attempts);
    expect(attempts.every((a) => Array.isArray(a.results) && a.results.length > 0)).toBe(true);
    const members = await db.selectFrom('cohort_members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(members.n)).toBe(400);

    // A seeded trainer can log in and read their cohort's dashboard.
    const cohort = await db.selectFrom('cohorts').innerJoin('users', 'users.id', 'cohorts.owner_id').select(['cohorts.id', 'users.email']).orderBy('cohorts.id').executeTakeFirstOrThrow();
    const trainer = new TestBrowser(ctx.app);
    await trainer.login(cohort.email, 'lantern demo password');
    const dashboard = await trainer.get(`/trainer/cohorts/${cohort.id}`);
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toMatch(/<dt>Members<\/dt><dd>13[34]<\/dd>/);
  });
});
