import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { LearnerPlaces } from '../../src/learn/places.js';
import { courseIdOf, createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
let courseId: number;
beforeAll(async () => {
  ctx = await createTestApp();
  courseId = await courseIdOf(ctx);
});
afterAll(async () => ctx.close());

const base = '/courses/example-course';

async function enrolledLearner() {
  const signedIn = await signIn(ctx, 'learner');
  await signedIn.browser.post(`${base}/enrol`);
  return signedIn;
}

const enrolment = (userId: number) =>
  ctx.database.db
    .selectFrom('enrolments')
    .select(['last_item_id', 'last_moved_at', 'last_activity_at', 'time_spent_seconds'])
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .executeTakeFirstOrThrow();

const itemId = async (slug: string) =>
  (
    await ctx.database.db
      .selectFrom('course_items')
      .select('id')
      .where('course_id', '=', courseId)
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
  ).id;

/** The database refuses every write to this learner's enrolments meanwhile, as one going down would. */
async function refusingWritesOf(userId: number, meanwhile: () => Promise<void>) {
  const { db } = ctx.database;
  await sql`create function refuse_move() returns trigger language plpgsql as $$ begin raise exception 'refused'; end $$`.execute(
    db,
  );
  await sql
    .raw(
      `create trigger refuse_move before update on enrolments for each row when (new.user_id = ${userId}) execute function refuse_move()`,
    )
    .execute(db);
  try {
    await meanwhile();
  } finally {
    await sql`drop trigger refuse_move on enrolments`.execute(db);
    await sql`drop function refuse_move()`.execute(db);
  }
}

describe('where a learner stopped', () => {
  it('is written a moment after the page, and at once before the learner reads it', async () => {
    const { browser, user } = await enrolledLearner();
    const welcome = await itemId('welcome');
    const optional = await itemId('optional-reading');
    await browser.get(`${base}/lessons/welcome`);
    await ctx.app.learnerPlaces.flush();
    expect((await enrolment(user.id)).last_item_id).toBe(welcome);

    // The page is served before its move is written; My learning waits for it.
    await browser.get(`${base}/lessons/optional-reading`);
    const my = await browser.get('/my-learning');
    expect(my.body).toMatch(/class="resume-item">Optional reading<\/span>/);
    expect((await enrolment(user.id)).last_item_id).toBe(optional);
  });

  it('is written without the learner asking, within the batch interval', async () => {
    const { browser, user } = await enrolledLearner();
    await browser.get(`${base}/lessons/optional-reading`);
    await expect
      .poll(async () => (await enrolment(user.id)).last_item_id, { timeout: 2000 })
      .toBe(await itemId('optional-reading'));
  });

  it('is written when the app stops, before the database closes', async () => {
    // A second app on the same database, stopped at once (as SIGTERM stops a node).
    const node = await buildApp({
      config: ctx.config,
      database: ctx.database,
      closeDatabase: false,
    });
    const other = await signIn({ ...ctx, app: node }, 'learner');
    await other.browser.post(`${base}/enrol`);
    await other.browser.get(`${base}/lessons/optional-reading`);
    await node.close();
    expect((await enrolment(other.user.id)).last_item_id).toBe(await itemId('optional-reading'));
  });

  it('counts the time since the previous page, up to 15 minutes, nothing after a long break', async () => {
    const { user } = await enrolledLearner();
    const places = new LearnerPlaces(ctx.database.db, ctx.app.log);
    const welcome = await itemId('welcome');
    const optional = await itemId('optional-reading');
    const start = new Date(Date.now() - 3 * 3600_000);
    await ctx.database.db
      .updateTable('enrolments')
      .set({ last_activity_at: start })
      .where('user_id', '=', user.id)
      .execute();
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    const steps: Array<[number, number]> = [
      [welcome, 4], // 4 minutes counted
      [optional, 4 + 20], // a 20-minute gap counts 15
      [welcome, 24 + 45], // after a 45-minute break, nothing
      [optional, 69 + 1], // 1 minute
    ];
    let last: number | null = null;
    for (const [item, minute] of steps) {
      places.record({ userId: user.id, courseId, itemId: item, lastItemId: last, at: at(minute) });
      await places.flush();
      last = item;
    }
    const row = await enrolment(user.id);
    expect(row.time_spent_seconds).toBe((4 + 15 + 0 + 1) * 60);
    expect(row.last_item_id).toBe(optional);
    expect(new Date(row.last_activity_at).getTime()).toBe(at(70).getTime());
  });

  it('never goes back to an older move written late (another process’s batch)', async () => {
    const { user } = await enrolledLearner();
    const welcome = await itemId('welcome');
    const optional = await itemId('optional-reading');
    const thisProcess = new LearnerPlaces(ctx.database.db, ctx.app.log);
    const otherProcess = new LearnerPlaces(ctx.database.db, ctx.app.log);
    const now = Date.now();
    thisProcess.record({
      userId: user.id,
      courseId,
      itemId: optional,
      lastItemId: null,
      at: new Date(now),
    });
    otherProcess.record({
      userId: user.id,
      courseId,
      itemId: welcome,
      lastItemId: null,
      at: new Date(now - 5000),
    });
    await thisProcess.flush();
    await otherProcess.flush();
    const row = await enrolment(user.id);
    expect(row.last_item_id).toBe(optional);
    expect(new Date(row.last_moved_at!).getTime()).toBe(now);
  });

  it('writes nothing when the learner rereads a page, or left the course', async () => {
    const { browser, user } = await enrolledLearner();
    const places = new LearnerPlaces(ctx.database.db, ctx.app.log);
    const welcome = await itemId('welcome');
    places.record({ userId: user.id, courseId, itemId: welcome, lastItemId: null });
    await places.flush();
    const first = await enrolment(user.id);
    places.record({
      userId: user.id,
      courseId,
      itemId: welcome,
      lastItemId: welcome,
      at: new Date(Date.now() + 60_000),
    });
    await places.flush();
    expect(await enrolment(user.id)).toEqual(first);

    await browser.post(`${base}/unenrol`);
    places.record({
      userId: user.id,
      courseId,
      itemId: await itemId('optional-reading'),
      lastItemId: welcome,
    });
    await places.flush();
    expect((await enrolment(user.id)).last_item_id).toBe(welcome);
  });

  it('tries a refused batch again with the newer move made meanwhile, and gives up after three', async () => {
    const { user } = await enrolledLearner();
    const welcome = await itemId('welcome');
    const optional = await itemId('optional-reading');
    const places = new LearnerPlaces(ctx.database.db, ctx.app.log);
    await refusingWritesOf(user.id, async () => {
      places.record({ userId: user.id, courseId, itemId: welcome, lastItemId: null });
      await places.flush();
      places.record({ userId: user.id, courseId, itemId: optional, lastItemId: null });
      await places.flush();
      expect((await enrolment(user.id)).last_item_id).toBeNull();
    });
    await places.settle(user.id);
    expect((await enrolment(user.id)).last_item_id).toBe(optional);

    // A move refused three times is dropped: only "where I stopped" is lost, and it is logged.
    await refusingWritesOf(user.id, async () => {
      places.record({ userId: user.id, courseId, itemId: welcome, lastItemId: optional });
      for (let attempt = 0; attempt < 3; attempt += 1) await places.flush();
    });
    await places.flush();
    expect((await enrolment(user.id)).last_item_id).toBe(optional);
  });
});

describe('time spent', () => {
  /** Dates the learner's last step in the course `minutes` ago, as if they had spent them reading. */
  const stepBack = async (userId: number, minutes: number) => {
    await ctx.app.learnerPlaces.settle(userId);
    await ctx.database.db
      .updateTable('enrolments')
      .set({ last_activity_at: new Date(Date.now() - minutes * 60_000) })
      .where('user_id', '=', userId)
      .where('course_id', '=', courseId)
      .execute();
  };
  const timeSpent = async (userId: number) => {
    await ctx.app.learnerPlaces.settle(userId);
    return (await enrolment(userId)).time_spent_seconds;
  };

  it('counts the reading of a lesson left with "Next", and the time on a quiz until it is submitted', async () => {
    const { browser, user } = await enrolledLearner();
    await browser.get(`${base}/lessons/welcome`);
    await stepBack(user.id, 5);
    await browser.post(`${base}/lessons/welcome/complete`);
    await browser.get(`${base}/lessons/english-only`);
    expect(await timeSpent(user.id)).toBeGreaterThanOrEqual(300);
    expect(await timeSpent(user.id)).toBeLessThan(310);

    await browser.get(`${base}/quizzes/basics-check`);
    await stepBack(user.id, 4);
    await browser.post(`${base}/quizzes/basics-check/submit`, { 'q-greeting': 'hello' });
    expect(await timeSpent(user.id)).toBeGreaterThanOrEqual(300 + 240);
    expect(await timeSpent(user.id)).toBeLessThan(300 + 250);
  });
});
