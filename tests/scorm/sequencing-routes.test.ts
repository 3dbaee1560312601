/**
 * Sequencing on the server, over HTTP against a real database: the navigation page, the state
 * reports and their order, the SCO pages that only open what the engine delivered, and the
 * course completed by the root activity's rollup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import {
  buildProbeGlobal2004,
  buildProbePretest2004,
  buildProbeSequenced2004,
} from './probe-fixtures.js';
import { removeDir, tempDir } from './helpers.js';
import { enrolledLearner, importFixture } from './integration.js';

let ctx: TestContext;
let dir: string;
let courseId = 0;

beforeAll(async () => {
  ctx = await createTestApp();
  dir = await tempDir('lantern-scorm-sequencing-');
  courseId = (
    await importFixture(ctx, dir, (d) => buildProbeSequenced2004(d), { slug: 'in-order' })
  ).courseId;
  await importFixture(ctx, dir, (d) => buildProbePretest2004(d), { slug: 'pretest' });
  await importFixture(ctx, dir, (d) => buildProbeGlobal2004(d), { slug: 'shares' });
  await importFixture(
    ctx,
    dir,
    (d) => buildProbePretest2004(d, { name: 'probe-own-objectives', globalToSystem: false }),
    { slug: 'own-objectives' },
  );
});
afterAll(async () => {
  await ctx?.close();
  await removeDir(dir);
});

function launchOf(body: string): Record<string, unknown> {
  const json = /<script type="application\/json" id="sequence-launch">([\s\S]*?)<\/script>/.exec(
    body,
  );
  return JSON.parse(json![1]!) as Record<string, unknown>;
}

const report = (seq: number, extra: Record<string, unknown>) => ({
  seq,
  state: '{"currentActivityId":"sco_one"}',
  delivered: 'sco_one',
  ended: null,
  suspended: false,
  root: { completion: 'unknown', success: 'unknown', score: null },
  ...extra,
});

describe('a sequenced course', () => {
  it('opens only the activity the engine delivered, keeps the newest state, and completes by rollup', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'in-order');
    const first = await browser.get('/courses/in-order/scos/sco_one');
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/courses/in-order/sequence?request=choice&target=sco_one');
    const page = await browser.get('/courses/in-order/sequence?request=start');
    expect(page.statusCode).toBe(200);
    const launch = launchOf(page.body);
    expect(launch).toMatchObject({ request: 'start', state: null, fresh: true });
    const stateUrl = launch.stateUrl as string;

    const post = (body: unknown) =>
      ctx.app.inject({
        method: 'POST',
        url: stateUrl,
        headers: { 'content-type': 'application/json', origin: ctx.config.appOrigin },
        payload: JSON.stringify(body),
      });
    expect((await post(report(10, {}))).json()).toEqual({ result: true, stored: true });
    expect((await browser.get('/courses/in-order/scos/sco_one')).statusCode).toBe(200);
    const notYet = await browser.get('/courses/in-order/scos/sco_two');
    // Only the engine may open it: the activity in progress stays the one to open.
    expect(notYet.headers.location).toBe('/courses/in-order/scos/sco_one');
    // An older report changes nothing.
    expect((await post(report(5, { delivered: 'sco_two' }))).json()).toMatchObject({
      stored: false,
    });
    expect((await browser.get('/courses/in-order/scos/sco_two')).statusCode).toBe(303);

    await post(
      report(20, {
        delivered: null,
        ended: 'end_of_content',
        root: { completion: 'completed', success: 'passed', score: null },
      }),
    );
    const enrolment = await ctx.database.db
      .selectFrom('enrolments')
      .select(['status', 'progress_percent'])
      .where('user_id', '=', user.id)
      .where('course_id', '=', courseId)
      .executeTakeFirstOrThrow();
    expect(enrolment).toEqual({ status: 'completed', progress_percent: 100 });
  });

  it('keeps objectives global to the system for the learner, and hands them to another course', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'pretest');
    const page = await browser.get('/courses/pretest/sequence?request=start');
    const { stateUrl } = launchOf(page.body) as { stateUrl: string };
    const mastery = { id: 'g.mastery', satisfiedStatus: true, satisfiedStatusKnown: true };
    const reported = await browser.postJson(
      stateUrl,
      report(1, { globalObjectives: { 'g.mastery': mastery } }),
    );
    expect(reported.json()).toMatchObject({ stored: true });
    const stored = await ctx.database.db
      .selectFrom('scorm_global_objectives')
      .select(['objective_id', 'data'])
      .where('user_id', '=', user.id)
      .execute();
    expect(stored).toEqual([{ objective_id: 'g.mastery', data: mastery }]);
    await browser.get('/courses/shares');
    await browser.post('/courses/shares/enrol');
    const other = launchOf((await browser.get('/courses/shares/sequence?request=start')).body);
    expect(other.globalObjectives).toEqual({ 'g.mastery': mastery });
  });

  it('starts a new course attempt afresh, its objectives included, when they are not global to the system', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'own-objectives');
    const first = launchOf(
      (await browser.get('/courses/own-objectives/sequence?request=start')).body,
    );
    expect(first).toMatchObject({ fresh: true, globalObjectives: {} });
    const mastery = { id: 'g.mastery', satisfiedStatus: true, satisfiedStatusKnown: true };
    // The engine keeps this course's shared objectives in its state; the attempt then ends.
    const state = JSON.stringify({ globalObjectiveMap: { 'g.mastery': mastery } });
    await browser.postJson(
      first.stateUrl as string,
      report(1, {
        state,
        delivered: null,
        ended: 'end_of_content',
        root: { completion: 'completed', success: 'passed', score: null },
        globalObjectives: { 'g.mastery': mastery },
      }),
    );
    // Nothing outlives the course attempt: not a learner-wide objective...
    expect(
      await ctx.database.db
        .selectFrom('scorm_global_objectives')
        .select('objective_id')
        .where('user_id', '=', user.id)
        .execute(),
    ).toEqual([]);
    // ...and the next attempt starts with no state, so the pre-test's result is gone.
    const second = launchOf(
      (await browser.get('/courses/own-objectives/sequence?request=start')).body,
    );
    expect(second).toMatchObject({ fresh: true, state: null, globalObjectives: {} });
    expect(second.stateUrl).not.toBe(first.stateUrl);
    const attempts = await ctx.database.db
      .selectFrom('scorm_sequencing_states')
      .select(['number', 'state'])
      .where('user_id', '=', user.id)
      .orderBy('number')
      .execute();
    expect(attempts).toEqual([
      { number: 1, state },
      { number: 2, state: null },
    ]);
  });

  it('refuses a report without a valid token', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/scorm/sequencing/forged.token',
      headers: { 'content-type': 'application/json', origin: ctx.config.appOrigin },
      payload: JSON.stringify(report(1, {})),
    });
    expect(response.statusCode).toBe(403);
  });
});
