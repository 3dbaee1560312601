import { expect } from 'vitest';
import { courseIdOf, type TestContext } from './app.js';
import type { TestBrowser } from './client.js';

const EXAMPLE = '/courses/example-course';

/**
 * Completes the example course for a learner: every required item but one lesson is recorded as
 * done in the database, then the learner finishes that lesson with "Next", as a person would.
 * Returns the course's id.
 */
export async function completeExampleCourse(
  ctx: TestContext,
  browser: TestBrowser,
  userId: number,
): Promise<number> {
  await browser.get(EXAMPLE);
  await browser.post(`${EXAMPLE}/enrol`);
  const courseId = await courseIdOf(ctx);
  const items = await ctx.database.db
    .selectFrom('course_items')
    .select(['id', 'kind', 'slug'])
    .where('course_id', '=', courseId)
    .where('required', '=', true)
    .where('removed_at', 'is', null)
    .orderBy('position')
    .execute();
  const last = items.find((item) => item.kind === 'lesson')!;
  for (const item of items.filter((i) => i.id !== last.id))
    await ctx.database.db
      .insertInto('item_progress')
      .values({
        user_id: userId,
        item_id: item.id,
        course_id: courseId,
        completed_at: new Date(),
        passed: item.kind === 'quiz',
        best_score: item.kind === 'quiz' ? 100 : null,
      })
      .execute();
  const done = await browser.post(`${EXAMPLE}/lessons/${last.slug}/complete`);
  expect(done.headers.location).toBe(EXAMPLE);
  return courseId;
}

/**
 * A learner enrolled in the example course works through it in the browser: both lessons, the
 * basics quiz (with `failFirst`, failed once and retried) and the final check, both passed.
 */
export async function takeExampleCourse(
  browser: TestBrowser,
  options: { failFirst?: boolean } = {},
): Promise<void> {
  await browser.post(`${EXAMPLE}/lessons/welcome/complete`);
  await browser.post(`${EXAMPLE}/lessons/english-only/complete`);
  await browser.get(`${EXAMPLE}/quizzes/basics-check`);
  if (options.failFirst) {
    await browser.post(`${EXAMPLE}/quizzes/basics-check/submit`, {
      'q-greeting': 'goodbye',
      'q-colours': 'red',
      'q-sky': 'false',
    });
    await browser.post(`${EXAMPLE}/quizzes/basics-check/retry`);
  }
  await browser.post(`${EXAMPLE}/quizzes/basics-check/submit`, {
    'q-greeting': 'hello',
    'q-colours': 'red',
    'q-sky': 'false',
  });
  await browser.get(`${EXAMPLE}/quizzes/final-check`);
  await browser.post(`${EXAMPLE}/quizzes/final-check/submit`, { 'q-done': 'true' });
}
