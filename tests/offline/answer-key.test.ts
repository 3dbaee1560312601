/**
 * The answer key a device saves to mark a practice quiz offline holds only the questions of the
 * learner's own attempt: when the quiz draws a few questions from a pool, the rest stay unknown.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { courseIdOf, createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
const base = '/courses/example-course';
beforeAll(async () => {
  ctx = await createTestApp();
  // The module quiz draws 2 of its 3 questions for each attempt.
  await sql`update course_items set quiz = jsonb_set(quiz, '{draw}', '2')
             where course_id = ${await courseIdOf(ctx)} and slug = 'basics-check'`.execute(
    ctx.database.db,
  );
});
afterAll(async () => ctx.close());

it('holds the drawn questions of the open attempt, never the rest of the pool', async () => {
  const { user, browser } = await signIn(ctx, 'learner', { verified: true });
  await browser.post(`${base}/enrol`);
  const page = await browser.get(`${base}/quizzes/basics-check`);
  expect(page.statusCode).toBe(200);
  const key = await browser.get(`${base}/quizzes/basics-check/offline-key`, {
    accept: 'application/json',
  });
  expect(key.statusCode).toBe(200);
  const attempt = await ctx.database.db
    .selectFrom('quiz_attempts')
    .select('question_ids')
    .where('user_id', '=', user.id)
    .where('submitted_at', 'is', null)
    .executeTakeFirstOrThrow();
  expect(attempt.question_ids).toHaveLength(2);
  const given = Object.keys((key.json() as { questions: object }).questions);
  expect(given.sort()).toEqual([...attempt.question_ids].sort());
  // The page shows those same questions.
  for (const id of attempt.question_ids) expect(page.body).toContain(`id="question-${id}"`);
});
