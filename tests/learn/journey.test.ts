import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestContext } from '../helpers/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

async function learner(locale: 'en' | 'fr' | 'ar' = 'en') {
  // A confirmed address, as certificates are issued to confirmed addresses only.
  return signIn(ctx, 'learner', { locale, verified: true });
}

const base = '/courses/example-course';

async function enrolment(userId: number) {
  return ctx.database.db
    .selectFrom('enrolments')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

describe('catalogue', () => {
  it('lists courses with filters and search, and shows the learner’s progress', async () => {
    const { browser, user } = await learner();
    const page = await browser.get('/');
    expect(page.body).toContain('Example course for tests');
    expect((await browser.get('/?q=exercises%20every')).body).toContain('Example course for tests');
    expect((await browser.get('/?q=nothing-like-this')).body).toContain('No course matches');
    expect((await browser.get('/?topic=testing')).body).toContain('Example course for tests');
    expect((await browser.get('/?topic=other')).body).not.toContain('Example course for tests');
    const fragment = await browser.get('/?q=example', {
      'hx-request': 'true',
      'hx-target': 'div#course-list',
    });
    expect(fragment.body).not.toContain('<html');
    expect(fragment.body).toContain('class="cards"');

    await browser.post(`${base}/enrol`);
    await browser.post(`${base}/lessons/welcome/complete`);
    expect((await enrolment(user.id))!.progress_percent).toBe(25);
    expect((await browser.get('/')).body).toContain('25% done');
  });

  it('shows course titles in the interface language', async () => {
    const response = await ctx.app.inject({ url: '/', headers: { 'accept-language': 'ar' } });
    expect(response.body).toContain('دورة تجريبية للاختبارات');
  });
});

describe('access', () => {
  it('sends anonymous visitors to log in and asks learners to enrol first', async () => {
    const anonymous = await ctx.app.inject({ url: `${base}/lessons/welcome` });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(
      `/login?next=${encodeURIComponent(`${base}/lessons/welcome`)}`,
    );
    const { browser } = await learner();
    const notEnrolled = await browser.get(`${base}/lessons/welcome`);
    expect(notEnrolled.statusCode).toBe(403);
    expect(notEnrolled.body).toContain('Enrol in this course');
    expect(notEnrolled.body).not.toContain('<strong>hello</strong>');
    expect((await browser.get(`${base}/quizzes/basics-check`)).statusCode).toBe(403);
    expect((await browser.post(`${base}/lessons/welcome/complete`)).statusCode).toBe(403);
  });

  it('answers unknown courses, lessons and quizzes with 404', async () => {
    const { browser } = await learner();
    await browser.post(`${base}/enrol`);
    expect((await browser.get('/courses/no-such-course')).statusCode).toBe(404);
    expect((await browser.get(`${base}/lessons/no-such-lesson`)).statusCode).toBe(404);
    expect((await browser.get(`${base}/quizzes/welcome`)).statusCode).toBe(404);
  });
});

describe('lessons', () => {
  it('falls back to English per lesson with a notice, with its own lang and dir', async () => {
    const { browser } = await learner('ar');
    await browser.post(`${base}/enrol`);
    const translated = await browser.get(`${base}/lessons/welcome`);
    expect(translated.body).toContain('<div class="content" lang="ar" dir="rtl">');
    expect(translated.body).not.toContain('not yet available in your language');
    const fallback = await browser.get(`${base}/lessons/english-only`);
    expect(fallback.body).toContain('<html lang="ar" dir="rtl">');
    expect(fallback.body).toContain('<div class="content" lang="en" dir="ltr">');
    expect(fallback.body).toContain('class="notice" role="note"');
  });

  it('serves htmx navigation as a fragment', async () => {
    const { browser } = await learner();
    await browser.post(`${base}/enrol`);
    const fragment = await browser.get(`${base}/lessons/english-only`, {
      'hx-request': 'true',
      'hx-target': 'main#main',
    });
    expect(fragment.body).not.toContain('<html');
    expect(fragment.body).toContain('<title>Only in English');
    expect(fragment.body).toContain('rel="prev"');
  });

  it('marks a lesson done idempotently and goes on to the next item', async () => {
    const { browser, user } = await learner();
    await browser.post(`${base}/enrol`);
    await browser.get(`${base}/lessons/welcome`);
    const first = await browser.post(`${base}/lessons/welcome/complete`);
    expect(first.headers.location).toBe(`${base}/lessons/english-only`);
    await browser.post(`${base}/lessons/welcome/complete`);
    const rows = await ctx.database.db
      .selectFrom('item_progress')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    const htmx = await browser.post(
      `${base}/lessons/english-only/complete`,
      {},
      { 'hx-request': 'true', 'hx-target': 'main#main' },
    );
    expect(htmx.statusCode).toBe(204);
    const location = JSON.parse(String(htmx.headers['hx-location'])) as {
      path: string;
      target: string;
      headers: Record<string, string>;
    };
    expect(location).toEqual({
      path: `${base}/quizzes/basics-check`,
      target: '#main',
      headers: { 'HX-Target': 'main#main' },
    });
    // What htmx then asks for is <main>'s fragment, with the confirmation of what happened.
    const next = await browser.get(location.path, {
      'hx-request': 'true',
      'hx-source': 'body',
      ...Object.fromEntries(
        Object.entries(location.headers).map(([name, value]) => [name.toLowerCase(), value]),
      ),
    });
    expect(next.body).not.toContain('<header');
    expect(next.body).not.toContain('<main');
    expect(next.body).toContain('class="flash" role="status"');
    expect(next.body).toContain('is marked as read');
  });

  it('"Continue" opens the exact place where the learner stopped', async () => {
    const { browser } = await learner();
    await browser.post(`${base}/enrol`);
    expect((await browser.get(`${base}/continue`)).headers.location).toBe(
      `${base}/lessons/welcome`,
    );
    await browser.get(`${base}/lessons/optional-reading`);
    expect((await browser.get(`${base}/continue`)).headers.location).toBe(
      `${base}/lessons/optional-reading`,
    );
    // My learning names the place and offers to continue from it.
    const my = await browser.get('/my-learning');
    expect(my.body).toContain(`href="${base}/continue"`);
    expect(my.body).toContain('You left off at');
    expect(my.body).toMatch(/class="resume-item">Optional reading<\/span>/);
    expect(my.body).toContain('Continue where you left off');
  });

  it('un-enrols and keeps progress for a return', async () => {
    const { browser, user } = await learner();
    await browser.post(`${base}/enrol`);
    await browser.post(`${base}/lessons/welcome/complete`);
    await browser.post(`${base}/unenrol`);
    expect((await enrolment(user.id))!.status).toBe('withdrawn');
    expect((await browser.get('/my-learning')).body).toContain('not enrolled in any course');
    expect((await browser.get(`${base}/lessons/welcome`)).statusCode).toBe(403);
    await browser.post(`${base}/enrol`);
    expect(await enrolment(user.id)).toMatchObject({ status: 'active', progress_percent: 25 });
  });
});

describe('quizzes', () => {
  it('keeps answers given so far when the page is refreshed', async () => {
    const { browser } = await learner();
    await browser.post(`${base}/enrol`);
    await browser.get(`${base}/quizzes/basics-check`);
    const saved = await browser.post(
      `${base}/quizzes/basics-check/answers`,
      { 'q-greeting': 'hello' },
      { 'hx-request': 'true' },
    );
    expect(saved.statusCode).toBe(204);
    const page = await browser.get(`${base}/quizzes/basics-check`);
    expect(page.body).toMatch(/id="q-greeting-hello" name="q-greeting" value="hello" checked/);
    const said = await browser.post(
      `${base}/quizzes/basics-check/answers`,
      { 'q-greeting': 'hello' },
      { 'hx-request': 'true', 'hx-target': 'p#quiz-saved' },
    );
    expect(said.body.trim()).toBe('Your answers so far are saved. You can finish the quiz later.');
  });

  it('says nothing was saved when the attempt was already submitted (another tab)', async () => {
    const { browser } = await learner();
    await browser.post(`${base}/enrol`);
    await browser.get(`${base}/quizzes/basics-check`);
    await browser.post(`${base}/quizzes/basics-check/submit`, { 'q-greeting': 'hello' });
    const htmx = await browser.post(
      `${base}/quizzes/basics-check/answers`,
      { 'q-greeting': 'goodbye' },
      { 'hx-request': 'true', 'hx-target': 'p#quiz-saved' },
    );
    expect(htmx.body).toContain('Nothing was saved: this attempt was already submitted.');
    const plain = await browser.post(`${base}/quizzes/basics-check/answers`, {
      'q-greeting': 'goodbye',
    });
    expect(plain.statusCode).toBe(303);
    expect((await browser.get(plain.headers.location!)).body).toContain(
      'Nothing was saved: this attempt was already submitted.',
    );
  });

  it('grades with feedback and explanations, keeps the best score, and records one attempt per submission', async () => {
    const { browser, user } = await learner();
    await browser.post(`${base}/enrol`);
    await browser.get(`${base}/quizzes/basics-check`);
    // Wrong on two of three: 33%, below the 60% pass mark.
    const failed = await browser.post(`${base}/quizzes/basics-check/submit`, {
      'q-greeting': 'goodbye',
      'q-colours': 'red',
      'q-sky': 'false',
    });
    expect(failed.statusCode).toBe(303);
    const result = await browser.get(`${base}/quizzes/basics-check`);
    expect(result.body).toContain('Your score: 33%');
    expect(result.body).toContain('No, that comes at the end.');
    expect(result.body).toContain('The welcome lesson says hello.');
    // A double click: the second submission records nothing new.
    await browser.post(`${base}/quizzes/basics-check/submit`, {
      'q-greeting': 'hello',
      'q-colours': ['red', 'blue'] as unknown as string,
      'q-sky': 'false',
    });
    const attempts = await ctx.database.db
      .selectFrom('quiz_attempts')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(attempts).toHaveLength(1);

    await browser.post(`${base}/quizzes/basics-check/retry`);
    const passed = await browser.post(
      `${base}/quizzes/basics-check/submit`,
      { 'q-greeting': 'hello', 'q-colours': 'red', 'q-sky': 'false' },
      { 'hx-request': 'true', 'hx-target': 'main#main' },
    );
    expect(passed.body).toContain('Your score: 67%');
    expect(passed.body).toContain('you passed');
    const progress = await ctx.database.db
      .selectFrom('item_progress')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(progress).toMatchObject({ best_score: 67, passed: true, attempts: 2 });

    await browser.post(`${base}/quizzes/basics-check/retry`);
    await browser.post(`${base}/quizzes/basics-check/submit`, {});
    expect(
      await ctx.database.db
        .selectFrom('item_progress')
        .select('best_score')
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ best_score: 67 });
  });

  it('records one attempt when two tabs submit at the same moment', async () => {
    const { browser, user } = await learner();
    await browser.post(`${base}/enrol`);
    await browser.get(`${base}/quizzes/basics-check`);
    const answers = { 'q-greeting': 'hello', 'q-colours': 'red', 'q-sky': 'false' };
    const [first, second] = await Promise.all([
      browser.post(`${base}/quizzes/basics-check/submit`, answers),
      browser.post(`${base}/quizzes/basics-check/submit`, answers),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    const attempts = await ctx.database.db
      .selectFrom('quiz_attempts')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(attempts).toHaveLength(1);
    const progress = await ctx.database.db
      .selectFrom('item_progress')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(progress.attempts).toBe(1);
  });

  it('enforces the retry policy', async () => {
    const { browser } = await learner();
    await browser.post(`${base}/enrol`);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await browser.post(`${base}/quizzes/final-check/retry`);
      await browser.post(`${base}/quizzes/final-check/submit`, { 'q-done': 'false' });
    }
    const page = await browser.get(`${base}/quizzes/final-check`);
    expect(page.body).toContain('You have used every attempt');
    await browser.post(`${base}/quizzes/final-check/retry`);
    expect((await browser.get(`${base}/quizzes/final-check`)).body).not.toContain('name="q-done"');
  });
});

describe('completion and certificates', () => {
  it('completes the course in the same transaction as the last event, then issues a verifiable certificate', async () => {
    const { browser, user } = await learner();
    await browser.post(`${base}/enrol`);
    await browser.post(`${base}/lessons/welcome/complete`);
    await browser.post(`${base}/lessons/english-only/complete`);
    await browser.get(`${base}/quizzes/basics-check`);
    await browser.post(`${base}/quizzes/basics-check/submit`, {
      'q-greeting': 'hello',
      'q-colours': 'red',
      'q-sky': 'false',
    });
    expect(await enrolment(user.id)).toMatchObject({ status: 'active', progress_percent: 75 });
    await browser.get(`${base}/quizzes/final-check`);
    // The optional lesson is not needed.
    await browser.post(`${base}/quizzes/final-check/submit`, { 'q-done': 'true' });
    const done = await enrolment(user.id);
    expect(done).toMatchObject({ status: 'completed', progress_percent: 100 });
    expect(done!.completed_at).not.toBeNull();

    const certificate = await ctx.database.db
      .selectFrom('certificates')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(certificate.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const pdf = await browser.get(`${base}/certificate`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const verify = await ctx.app.inject({ url: `/certificates/${certificate.code}` });
    expect(verify.statusCode).toBe(200);
    expect(verify.body).toContain('This certificate is genuine.');
    expect(verify.body).toContain(user.name);
    expect(verify.body).not.toContain(user.email);
    expect((await ctx.app.inject({ url: '/certificates/AAAA-BBBB-CCCC' })).statusCode).toBe(404);

    // Another learner cannot download it.
    const other = await learner();
    expect((await other.browser.get(`${base}/certificate`)).statusCode).toBe(404);
  });
});
