import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formKey } from '../../src/offline/receipts.js';
import { courseIdOf, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import type { TestBrowser } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

const base = '/courses/example-course';
const replay = { 'x-lantern-replay': '1', accept: 'application/json' };
/** A form key as the server renders it into a page made `ago` milliseconds before now. */
const keyFrom = (ago: number) => formKey(ctx.app.config.sessionSecret, Date.now() - ago);

async function enrolledLearner() {
  const { user, browser } = await signIn(ctx, 'learner', { verified: true });
  await browser.post(`${base}/enrol`);
  return { user, browser };
}

/** The hidden fields of the quiz form as the page rendered them (what a saved page holds). */
async function quizForm(browser: TestBrowser, quiz = 'basics-check') {
  const page = await browser.get(`${base}/quizzes/${quiz}`);
  const field = (name: string) =>
    new RegExp(`name="${name}" value="([^"]+)"`).exec(page.body)?.[1] ?? '';
  return { attempt: field('_attempt'), version: field('_version'), key: field('_key') };
}

const rightAnswers = {
  'q-greeting': 'hello',
  'q-colours': ['red', 'blue'],
  'q-sky': 'false',
};

async function postForm(
  browser: TestBrowser,
  url: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries({ _csrf: browser.csrfToken, ...fields }))
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return ctx.app.inject({
    method: 'POST',
    url,
    payload: body.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
  });
}

describe('GET /courses/:slug/offline', () => {
  it('lists what a device saves, for an enrolled learner in their language', async () => {
    const { browser } = await enrolledLearner();
    const response = await browser.get(`${base}/offline`, { accept: 'application/json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('no-store');
    const manifest = response.json() as { version: string; bytes: number; urls: string[] };
    expect(manifest.version).toMatch(/^[\w-]{16}$/);
    expect(manifest.bytes).toBeGreaterThan(10_000);
    expect(manifest.urls).toEqual(
      expect.arrayContaining([
        base,
        `${base}/lessons/welcome`,
        `${base}/quizzes/basics-check`,
        `${base}/quizzes/final-check`,
        // Module quizzes are marked on the device; the final one is not (no answer key saved).
        `${base}/quizzes/basics-check/offline-key`,
        '/',
        '/my-learning',
        '/offline',
      ]),
    );
    expect(manifest.urls).not.toContain(`${base}/quizzes/final-check/offline-key`);
    expect(manifest.urls.some((url) => /^\/assets\/app\.[\w-]+\.css$/.test(url))).toBe(true);
    expect(manifest.urls.some((url) => /\/(admin|trainer|account)/.test(url))).toBe(false);
    // Fetching the pages to save them moves nothing: "Continue" stays where the learner was.
    await browser.get(`${base}/lessons/optional-reading`, { 'x-lantern-offline': 'download' });
    const continued = await browser.get(`${base}/continue`);
    expect(continued.headers.location).toBe(`${base}/lessons/welcome`);
  });

  it('is refused to anonymous people and to learners not enrolled', async () => {
    const anonymous = await ctx.app.inject({
      url: `${base}/offline`,
      headers: { accept: 'application/json' },
    });
    // As every refused request without a session that is not a page: 403, and nothing in it.
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.body).not.toContain('/lessons/');
    const { browser } = await signIn(ctx, 'learner');
    const refused = await browser.get(`${base}/offline`, { accept: 'application/json' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('/lessons/');
    const key = await browser.get(`${base}/quizzes/basics-check/offline-key`, {
      accept: 'application/json',
    });
    expect(key.statusCode).toBe(403);
  });

  it('gives the answer key of a module quiz only, in the learner’s language', async () => {
    const { browser } = await enrolledLearner();
    const key = await browser.get(`${base}/quizzes/basics-check/offline-key`, {
      accept: 'application/json',
    });
    expect(key.statusCode).toBe(200);
    expect(Object.keys((key.json() as { questions: object }).questions)).toContain('greeting');
    const final = await browser.get(`${base}/quizzes/final-check/offline-key`, {
      accept: 'application/json',
    });
    expect(final.statusCode).toBe(404);
  });
});

describe('the session check before a queue is sent', () => {
  it('names the person signed in and gives a CSRF token; nobody gets nothing', async () => {
    const anonymous = await ctx.app.inject({ url: '/offline/session' });
    expect(anonymous.json()).toEqual({ userId: null, csrfToken: null });
    const { user, browser } = await enrolledLearner();
    const session = await browser.get('/offline/session', { accept: 'application/json' });
    expect(session.headers['cache-control']).toBe('no-store');
    expect((session.json() as { userId: number }).userId).toBe(user.id);
  });
});

describe('idempotent offline writes', () => {
  it('"Next" done offline counts once, at the time it was done, however often it is sent', async () => {
    const { user, browser } = await enrolledLearner();
    const courseId = await courseIdOf(ctx);
    // Enrolled yesterday, read the lesson offline an hour ago.
    await sql`update enrolments set enrolled_at = now() - interval '1 day' where user_id = ${user.id}`.execute(
      ctx.database.db,
    );
    const doneAt = new Date(Date.now() - 3_600_000);
    const session = (await browser.get('/offline/session')).json() as { csrfToken: string };
    // The lesson page was saved two hours ago: its form's key says so.
    const key = keyFrom(2 * 3_600_000);
    const send = () =>
      postForm(
        browser,
        `${base}/lessons/welcome/complete`,
        { _csrf: session.csrfToken, _key: key, _at: doneAt.toISOString() },
        replay,
      );
    const [first, second] = await Promise.all([send(), send()]);
    const answers = [first.json(), second.json()] as Array<{ recorded: boolean }>;
    expect(answers.filter((answer) => answer.recorded)).toHaveLength(1);
    const third = await send();
    expect(third.json()).toMatchObject({ replay: true, courseCompleted: false });
    const receipts = await ctx.database.db
      .selectFrom('offline_receipts')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(receipts).toHaveLength(1);
    const progress = await ctx.database.db
      .selectFrom('item_progress')
      .select('completed_at')
      .where('user_id', '=', user.id)
      .where('course_id', '=', courseId)
      .execute();
    expect(progress).toHaveLength(1);
    expect(progress[0]!.completed_at!.toISOString()).toBe(doneAt.toISOString());
  });

  it('a device clock in the future counts as now, one before the enrolment as the enrolment', async () => {
    const { user, browser } = await enrolledLearner();
    await postForm(
      browser,
      `${base}/lessons/welcome/complete`,
      { _key: keyFrom(3_600_000), _at: '2999-01-01T00:00:00Z' },
      replay,
    );
    await postForm(
      browser,
      `${base}/lessons/english-only/complete`,
      {
        _key: formKey(ctx.app.config.sessionSecret, Date.parse('2000-01-01')),
        _at: '2001-01-01T00:00:00Z',
      },
      replay,
    );
    const rows = await ctx.database.db
      .selectFrom('item_progress')
      .select('completed_at')
      .where('user_id', '=', user.id)
      .execute();
    const enrolled = await ctx.database.db
      .selectFrom('enrolments')
      .select('enrolled_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    for (const row of rows) {
      expect(row.completed_at!.getTime()).toBeLessThanOrEqual(Date.now());
      expect(row.completed_at!.getTime()).toBeGreaterThanOrEqual(enrolled.enrolled_at.getTime());
    }
  });

  it('a date is believed only from the page its form came from: no key of ours, or one made after, counts later', async () => {
    const { user, browser } = await enrolledLearner();
    await sql`update enrolments set enrolled_at = now() - interval '30 days' where user_id = ${user.id}`.execute(
      ctx.database.db,
    );
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const [id, issued] = keyFrom(10 * 86_400_000).split('-');
    const cases = {
      // A key the device made (or anyone typed): the date is ignored, the work counts now.
      welcome: randomUUID(),
      // A key with a forged signature: the same.
      'english-only': `${id}-${issued}-${'0'.repeat(20)}`,
      // A page made yesterday cannot have been answered last week: it counts from yesterday.
      'optional-reading': keyFrom(86_400_000),
    };
    for (const [lesson, key] of Object.entries(cases))
      await postForm(
        browser,
        `${base}/lessons/${lesson}/complete`,
        { _key: key, _at: lastWeek },
        replay,
      );
    const rows = await ctx.database.db
      .selectFrom('item_progress as p')
      .innerJoin('course_items as i', 'i.id', 'p.item_id')
      .select(['i.slug', 'p.completed_at'])
      .where('p.user_id', '=', user.id)
      .execute();
    const at = Object.fromEntries(rows.map((row) => [row.slug, row.completed_at!.getTime()]));
    expect(Object.keys(at).sort()).toEqual(Object.keys(cases).sort());
    expect(at.welcome).toBeGreaterThan(Date.now() - 60_000);
    expect(at['english-only']).toBeGreaterThan(Date.now() - 60_000);
    expect(at['optional-reading']).toBeGreaterThan(Date.now() - 86_400_000 - 60_000);
    expect(at['optional-reading']).toBeLessThan(Date.now() - 86_400_000 + 60_000);
  });

  it('a course finished by work sent late is finished when its last item was done, and so is its certificate', async () => {
    const { user, browser } = await enrolledLearner();
    await sql`update enrolments set enrolled_at = now() - interval '5 days' where user_id = ${user.id}`.execute(
      ctx.database.db,
    );
    // Read the first lesson offline two days ago; everything else done online today; the
    // offline "Next" arrives last.
    await postForm(browser, `${base}/lessons/english-only/complete`, {});
    for (const [quiz, answers] of [
      ['basics-check', rightAnswers],
      ['final-check', { 'q-done': 'true' }],
    ] as const) {
      const seen = await quizForm(browser, quiz);
      await postForm(browser, `${base}/quizzes/${quiz}/submit`, {
        ...answers,
        _attempt: seen.attempt,
      });
    }
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    const sent = await postForm(
      browser,
      `${base}/lessons/welcome/complete`,
      { _key: keyFrom(3 * 86_400_000), _at: twoDaysAgo.toISOString() },
      replay,
    );
    expect(sent.json()).toMatchObject({ recorded: true, courseCompleted: true });
    const enrolment = await ctx.database.db
      .selectFrom('enrolments')
      .select(['status', 'completed_at'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(enrolment.status).toBe('completed');
    expect(enrolment.completed_at!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    const certificate = await ctx.database.db
      .selectFrom('certificates')
      .select('issued_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(certificate.issued_at.getTime()).toBe(enrolment.completed_at!.getTime());
  });

  it('a quiz answered offline is graded once, against the version seen, dated when answered', async () => {
    const { user, browser } = await enrolledLearner();
    const seen = await quizForm(browser);
    expect(seen.attempt).toMatch(/^\d+$/);
    // The quiz page was saved on the device two hours ago, and answered a minute ago.
    await sql`update quiz_attempts set started_at = now() - interval '2 hours' where id = ${Number(seen.attempt)}`.execute(
      ctx.database.db,
    );
    await sql`update enrolments set enrolled_at = now() - interval '1 day' where user_id = ${user.id}`.execute(
      ctx.database.db,
    );
    const answeredAt = new Date(Date.now() - 60_000);
    const fields = {
      ...rightAnswers,
      _key: keyFrom(2 * 3_600_000),
      _at: answeredAt.toISOString(),
      _attempt: seen.attempt,
      _version: seen.version,
    };
    const first = await postForm(browser, `${base}/quizzes/basics-check/submit`, fields, replay);
    expect(first.json()).toMatchObject({ outcome: 'graded', score: 100, passed: true });
    const again = await postForm(browser, `${base}/quizzes/basics-check/submit`, fields, replay);
    expect(again.json()).toMatchObject({ outcome: 'graded', replay: true, score: 100 });
    const attempts = await ctx.database.db
      .selectFrom('quiz_attempts')
      .select(['submitted_at', 'score'])
      .where('user_id', '=', user.id)
      .where('submitted_at', 'is not', null)
      .execute();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.submitted_at!.getTime()).toBeGreaterThanOrEqual(answeredAt.getTime() - 1);
    expect(attempts[0]!.submitted_at!.getTime()).toBeLessThan(Date.now() - 30_000);
    const progress = await ctx.database.db
      .selectFrom('item_progress')
      .select(['attempts', 'passed'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(progress).toMatchObject({ attempts: 1, passed: true });
    // A second device's copy of the same attempt (another key), or the saved page answered again
    // after it was sent, is not a second attempt either: it is stale, and the device says to
    // take the quiz again online.
    const other = await postForm(
      browser,
      `${base}/quizzes/basics-check/submit`,
      { ...fields, _key: randomUUID() },
      replay,
    );
    expect(other.json()).toMatchObject({ outcome: 'stale', replay: false });
  });

  it('answers to another version of the quiz are kept, not marked, and the learner is asked to retake', async () => {
    const { user, browser } = await enrolledLearner();
    const seen = await quizForm(browser);
    const fields = {
      ...rightAnswers,
      _key: randomUUID(),
      _attempt: seen.attempt,
      _version: 'an-older-version',
    };
    const response = await postForm(browser, `${base}/quizzes/basics-check/submit`, fields, replay);
    expect(response.json()).toMatchObject({ outcome: 'retake', score: null });
    const open = await ctx.database.db
      .selectFrom('quiz_attempts')
      .select(['answers', 'submitted_at'])
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(open.submitted_at).toBeNull();
    expect(open.answers).toMatchObject({ greeting: ['hello'] });
    // Without JavaScript (a plain form), the learner is told and sees the quiz with the answers.
    const plain = await browser.post(`${base}/quizzes/basics-check/submit`, {
      'q-greeting': 'hello',
      _key: randomUUID(),
      _attempt: seen.attempt,
      _version: 'an-older-version',
    });
    expect(plain.statusCode).toBe(303);
    const page = await browser.get(String(plain.headers.location));
    expect(page.body).toContain('This quiz changed after you answered it');
    expect(page.body).toMatch(/id="q-greeting-hello"[^>]*checked/);
  });

  it('a form sent twice (a double click, the back button) is recorded once', async () => {
    const { user, browser } = await enrolledLearner();
    const page = await browser.get(`${base}/lessons/welcome`);
    const key = /name="_key" value="([^"]+)"/.exec(page.body)![1]!;
    const first = await browser.post(`${base}/lessons/welcome/complete`, { _key: key });
    const second = await browser.post(`${base}/lessons/welcome/complete`, { _key: key });
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    const receipts = await ctx.database.db
      .selectFrom('offline_receipts')
      .select('key')
      .where('user_id', '=', user.id)
      .execute();
    expect(receipts).toEqual([{ key }]);
  });
});

describe('security of replays', () => {
  it('needs a CSRF token of the current session', async () => {
    const { user, browser } = await enrolledLearner();
    const noToken = await postForm(
      browser,
      `${base}/lessons/welcome/complete`,
      { _csrf: '', _key: randomUUID() },
      replay,
    );
    expect(noToken.statusCode).toBe(403);
    // A token from another person's session (say, a page saved before logout) is refused.
    const other = await enrolledLearner();
    const foreign = (await other.browser.get('/offline/session')).json() as { csrfToken: string };
    const refused = await postForm(
      browser,
      `${base}/lessons/welcome/complete`,
      { _csrf: foreign.csrfToken, _key: randomUUID() },
      { ...replay, 'x-csrf-token': foreign.csrfToken },
    );
    expect(refused.statusCode).toBe(403);
    // From another site, even with a token.
    const mine = (await browser.get('/offline/session')).json() as { csrfToken: string };
    const crossSite = await postForm(
      browser,
      `${base}/lessons/welcome/complete`,
      { _csrf: mine.csrfToken, _key: randomUUID() },
      { ...replay, origin: 'https://evil.example' },
    );
    expect(crossSite.statusCode).toBe(403);
    const rows = await ctx.database.db
      .selectFrom('item_progress')
      .select('item_id')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('a learner not enrolled cannot send work to the course', async () => {
    const { user, browser } = await signIn(ctx, 'learner');
    const response = await postForm(
      browser,
      `${base}/lessons/welcome/complete`,
      { _key: randomUUID() },
      replay,
    );
    expect(response.statusCode).toBe(403);
    const receipts = await ctx.database.db
      .selectFrom('offline_receipts')
      .select('key')
      .where('user_id', '=', user.id)
      .execute();
    expect(receipts).toEqual([]);
  });
});

describe('the service worker and the offline page', () => {
  it('serves /sw.js versioned by the release, and a translated offline page', async () => {
    const worker = await ctx.app.inject({ url: '/sw.js' });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['content-type']).toContain('javascript');
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect(worker.body).toMatch(/^const VERSION = "[\w-]{12}";/);
    expect(worker.body).toContain('importScripts(QUEUE_SCRIPT)');
    const page = await ctx.app.inject({ url: '/offline', headers: { 'accept-language': 'fr' } });
    expect(page.body).toContain('Vous êtes hors ligne');
    expect(page.body).not.toContain('<script>');
  });
});
