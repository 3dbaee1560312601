/**
 * A quiz submitted from its page (htmx, the form's own fields): the result shown in place carries
 * the same course progress and contents as the page reloaded, a form counts once however often it
 * is sent (even after a new attempt was started), and the answer that completes the course
 * completes it, with its certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

const base = '/courses/example-course';
const quiz = `${base}/quizzes/basics-check`;
const htmx = { 'hx-request': 'true', 'hx-target': 'main#main' };
const right = { 'q-greeting': 'hello', 'q-colours': 'red', 'q-sky': 'false' };
const wrong = { 'q-greeting': 'goodbye', 'q-colours': 'table', 'q-sky': 'true' };

async function enrolledLearner() {
  // Certificates go to confirmed addresses.
  const { user, browser } = await signIn(ctx, 'learner', { verified: true });
  await browser.post(`${base}/enrol`);
  return { user, browser };
}

/** The hidden fields of the quiz form on a page, as the browser sends them back. */
function formFields(body: string) {
  const field = (name: string) =>
    new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';
  return { _key: field('_key'), _attempt: field('_attempt'), _version: field('_version') };
}

/** What the player shows of the learner's progress: the course's percentage and each item's state. */
function shownProgress(body: string) {
  const percent = /aria-label="(\d+)% of the course done"/.exec(body)?.[1];
  const states = [
    ...body.matchAll(
      /<a href="[^"]*\/(\w+)\/([\w-]+)"[^>]*>[^<]*<\/a>\s*<span class="state">([^<]+)<\/span>/g,
    ),
  ].map(([, , slug, state]) => `${slug}: ${state}`);
  return { percent, states };
}

const percentStored = async (userId: number) =>
  await ctx.database.db
    .selectFrom('enrolments')
    .select(['progress_percent', 'status'])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();

describe('a quiz submitted from its page', () => {
  it('shows the result with the progress and contents the reloaded page shows', async () => {
    const { user, browser } = await enrolledLearner();
    await browser.post(`${base}/lessons/welcome/complete`);
    const page = await browser.get(quiz);

    const failed = await browser.post(
      `${quiz}/submit`,
      { ...formFields(page.body), ...wrong },
      htmx,
    );
    expect(failed.statusCode).toBe(200);
    expect(failed.body).toContain('Your score: 0%');
    expect(shownProgress(failed.body)).toEqual(shownProgress((await browser.get(quiz)).body));
    expect(shownProgress(failed.body).states).toContain('basics-check: In progress');
    expect(shownProgress(failed.body).percent).toBe('25');
    expect(await percentStored(user.id)).toMatchObject({ progress_percent: 25 });

    const again = await browser.post(`${quiz}/retry`, {}, htmx);
    const passed = await browser.post(
      `${quiz}/submit`,
      { ...formFields(again.body), ...right },
      htmx,
    );
    expect(passed.body).toContain('Your score: 67%');
    expect(shownProgress(passed.body)).toEqual(shownProgress((await browser.get(quiz)).body));
    expect(shownProgress(passed.body).states).toContain('basics-check: Passed');
    expect(shownProgress(passed.body).percent).toBe('50');
    expect(await percentStored(user.id)).toMatchObject({ progress_percent: 50, status: 'active' });
  });

  it('counts a form once however often it is sent, even after a new attempt was started', async () => {
    const { user, browser } = await enrolledLearner();
    const page = await browser.get(quiz);
    const fields = { ...formFields(page.body), ...wrong };
    delete (fields as { _attempt?: string })._attempt;
    const first = await browser.post(`${quiz}/submit`, fields, htmx);
    expect(first.body).toContain('Your score: 0%');
    const second = await browser.post(`${quiz}/retry`, {}, htmx);
    expect(second.body).toContain('name="q-greeting"');

    // The same form again (a device's queue, the back button): the first outcome, nothing graded.
    const replayed = await browser.post(`${quiz}/submit`, fields, { 'x-lantern-replay': '1' });
    expect(JSON.parse(replayed.body)).toMatchObject({
      kind: 'quiz',
      replay: true,
      outcome: 'graded',
      score: 0,
      passed: false,
    });
    const attempts = await ctx.database.db
      .selectFrom('quiz_attempts')
      .select(['id', 'submitted_at', 'score'])
      .where('user_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.score).toBe(0);
    expect(attempts[1]!.submitted_at).toBeNull();
    const progress = await ctx.database.db
      .selectFrom('item_progress')
      .select(['attempts', 'passed'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(progress).toEqual({ attempts: 1, passed: false });
  });

  it('completes the course and issues its certificate with the answer that finishes it', async () => {
    const { user, browser } = await enrolledLearner();
    await browser.post(`${base}/lessons/welcome/complete`);
    await browser.post(`${base}/lessons/english-only/complete`);
    const page = await browser.get(quiz);
    await browser.post(`${quiz}/submit`, { ...formFields(page.body), ...right }, htmx);
    expect(await percentStored(user.id)).toMatchObject({ progress_percent: 75, status: 'active' });

    const last = await browser.get(`${base}/quizzes/final-check`);
    const done = await browser.post(
      `${base}/quizzes/final-check/submit`,
      { ...formFields(last.body), 'q-done': 'true' },
      htmx,
    );
    expect(done.body).toContain('Congratulations! You have completed this course.');
    expect(shownProgress(done.body).percent).toBe('100');
    expect(await percentStored(user.id)).toMatchObject({
      progress_percent: 100,
      status: 'completed',
    });
    const certificate = await ctx.database.db
      .selectFrom('certificates')
      .select('code')
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    expect(certificate).toBeDefined();
  });
});
