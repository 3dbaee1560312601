/**
 * What the result page offers after an attempt: "Try again" only while the quiz is not passed,
 * "Practise again" (said to be practice) once it is, and in both cases what a new attempt does to
 * the recorded score, which it can raise and never lower.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

const quiz = '/courses/example-course/quizzes/basics-check';
const allRight = { 'q-greeting': 'hello', 'q-colours': ['red', 'blue'], 'q-sky': 'false' };
const allWrong = { 'q-greeting': 'goodbye', 'q-colours': 'table', 'q-sky': 'true' };

async function enrolledLearner(locale: 'en' | 'fr' = 'en') {
  const user = await makeUser(ctx, 'learner', { locale });
  const browser = new TestBrowser(ctx.app);
  await browser.login(user.email, TEST_PASSWORD);
  await browser.post('/courses/example-course/enrol');
  await browser.get(quiz);
  return { user, browser };
}

/** Submits answers as the quiz form does (repeated fields for multiple choice). */
async function submit(browser: TestBrowser, answers: Record<string, string | string[]>) {
  const form = new URLSearchParams({ _csrf: browser.csrfToken });
  for (const [name, value] of Object.entries(answers))
    for (const one of ([] as string[]).concat(value)) form.append(name, one);
  const response = await ctx.app.inject({
    method: 'POST',
    url: `${quiz}/submit`,
    payload: form.toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    },
  });
  expect(response.statusCode).toBe(303);
  return browser.get(quiz);
}

const retryForm = (body: string) => /<form[^>]*\/retry"[\s\S]*?<\/form>/.exec(body)?.[0] ?? '';

describe('after a quiz', () => {
  it('offers no "Try again" after full marks, only practice said to change nothing', async () => {
    const { browser } = await enrolledLearner();
    const result = await submit(browser, allRight);
    expect(result.body).toContain('Your score: 100%');
    expect(result.body).not.toContain('Try again');
    const form = retryForm(result.body);
    expect(form).toContain('>Practise again</button>');
    expect(form).toContain(
      'You have passed with full marks, and that stays. Practising again does not change your result.',
    );
    // Practice is the quiet option; the way on is the pager.
    expect(form).not.toContain('button primary');
  });

  it('offers "Try again" while not passed, saying a new attempt can only raise the recorded score', async () => {
    const { browser } = await enrolledLearner();
    const result = await submit(browser, allWrong);
    expect(result.body).toContain('Your score: 0%');
    const form = retryForm(result.body);
    expect(form).toContain('>Try again</button>');
    expect(form).toContain('class="button primary"');
    expect(form).toContain(
      'Your best score is the one that counts: a new attempt can raise it, never lower it.',
    );
  });

  it('keeps a pass and the best score through a worse practice attempt, and says so', async () => {
    const { browser, user } = await enrolledLearner();
    // 2 of 3 right: 67%, passed (pass mark 60%) without full marks.
    await submit(browser, { ...allRight, 'q-sky': 'true' });
    const passed = await browser.get(quiz);
    expect(retryForm(passed.body)).toContain(
      'You have passed, and that stays. Another attempt is practice: your best score (67%) can only go up.',
    );
    await browser.post(`${quiz}/retry`);
    const practice = await submit(browser, allWrong);
    expect(practice.body).toContain('Your score: 0%');
    expect(practice.body).toContain(
      'You passed this quiz on an earlier attempt, and that stays: your best score is 67%.',
    );
    expect(retryForm(practice.body)).toContain('>Practise again</button>');
    expect(practice.body).not.toContain('Try again');
    const progress = await ctx.database.db
      .selectFrom('item_progress')
      .select(['best_score', 'passed', 'attempts'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(progress).toEqual({ best_score: 67, passed: true, attempts: 2 });
  });

  it('says it in the learner’s language', async () => {
    const { browser } = await enrolledLearner('fr');
    const result = await submit(browser, allRight);
    expect(retryForm(result.body)).toContain('>S’entraîner encore</button>');
    expect(result.body).not.toContain('Réessayer');
  });
});
