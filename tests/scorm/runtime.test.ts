/**
 * The SCO player page and the commit endpoint, over HTTP against a real database: what a learner
 * gets at launch, what a commit stores (and what it must not), and how a SCO's status carries
 * through to the course's progress, completion and certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import {
  buildFourthEdition2004,
  buildGolf12,
  buildMastery12,
  buildMultiSco12,
  buildRise2004,
} from './fixtures.js';
import { removeDir, tempDir } from './helpers.js';
import {
  enrolledLearner,
  importFixture,
  launch,
  launchOf,
  postCommit,
  signedIn,
  wrapperUrlOf,
  type CommitBody,
} from './integration.js';

let ctx: TestContext;
let dir: string;
const course = { golf: 0, rise: 0, lessons: 0, quiz: 0, fourth: 0, french: 0 };

beforeAll(async () => {
  ctx = await createTestApp();
  dir = await tempDir('lantern-scorm-runtime-');
  course.golf = (await importFixture(ctx, dir, buildGolf12, { slug: 'golf' })).courseId;
  course.rise = (await importFixture(ctx, dir, buildRise2004, { slug: 'rise' })).courseId;
  course.lessons = (
    await importFixture(ctx, dir, buildMultiSco12, { slug: 'golf-lessons' })
  ).courseId;
  course.quiz = (await importFixture(ctx, dir, buildMastery12, { slug: 'quiz' })).courseId;
  course.fourth = (
    await importFixture(ctx, dir, buildFourthEdition2004, { slug: 'case-management' })
  ).courseId;
  course.french = (
    await importFixture(ctx, dir, buildGolf12, {
      slug: 'golf-fr',
      locale: 'fr',
      fileName: 'golf-fr.zip',
    })
  ).courseId;
});
afterAll(async () => {
  await ctx?.close();
  await removeDir(dir);
});

const db = () => ctx.database.db;

/** A SCORM 1.2 commit as the player posts it; `core` and `extra` go into the CMI. */
function commit12(
  seq: number,
  core: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): CommitBody {
  return {
    seq,
    cmi: {
      suspend_data: '',
      launch_data: '',
      core: {
        lesson_status: 'incomplete',
        lesson_location: '',
        exit: '',
        session_time: '00:00:10',
        score: { raw: '', min: '', max: '' },
        ...core,
      },
      ...extra,
    },
  };
}

/** A SCORM 2004 commit as the player posts it. */
function commit2004(seq: number, cmi: Record<string, unknown> = {}): CommitBody {
  return {
    seq,
    cmi: {
      completion_status: 'incomplete',
      success_status: 'unknown',
      location: '',
      suspend_data: '',
      exit: '',
      session_time: 'PT10S',
      score: { scaled: '', raw: '', min: '', max: '' },
      ...cmi,
    },
  };
}

async function attemptsOf(userId: number, courseId: number) {
  return db()
    .selectFrom('scorm_attempts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .orderBy('number')
    .execute();
}

async function enrolmentOf(userId: number, courseId: number) {
  return db()
    .selectFrom('enrolments')
    .select(['status', 'progress_percent', 'completed_at'])
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .executeTakeFirstOrThrow();
}

async function certificateOf(userId: number, courseId: number) {
  return db()
    .selectFrom('certificates')
    .select(['code', 'learner_name'])
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .executeTakeFirst();
}

const json = (response: { body: string }) => JSON.parse(response.body) as Record<string, unknown>;

describe('the player page', () => {
  it('hands an enrolled learner a fresh SCORM 1.2 launch: who they are, where to commit, from which seq', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf', 'Grace Golfer');
    const { page, launch: golf } = await launch(browser, 'golf', 'item_1');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<script type="application/json" id="scorm-launch">');
    expect(golf).toMatchObject({
      version: 'scorm12',
      seqBase: 1_000_000,
      attempt: 1,
      contentOrigin: ctx.config.contentOrigin.origin,
    });
    expect(golf.commitUrl).toMatch(/^\/scorm\/commit\/[\w-]+\.[\w-]+$/);
    expect(golf.cmi.cmi.core).toMatchObject({
      entry: 'ab-initio',
      student_id: String(user.id),
      student_name: 'Grace Golfer',
      credit: 'credit',
      lesson_mode: 'normal',
    });
    expect(page.body).toContain('vendor/scorm-again/scorm12');
    expect(page.body).not.toContain('vendor/scorm-again/scorm2004');
  });

  it('hands a SCORM 2004 launch its own vocabulary', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'rise', 'Rita Rise');
    const { launch: rise } = await launch(browser, 'rise', 'Rise_SCO');
    expect(rise).toMatchObject({ version: 'scorm2004', seqBase: 1_000_000, attempt: 1 });
    expect(rise.cmi.cmi).toMatchObject({
      entry: 'ab-initio',
      learner_id: String(user.id),
      learner_name: 'Rita Rise',
      mode: 'normal',
      credit: 'credit',
    });
    expect(rise.cmi.cmi.core).toBeUndefined();
  });

  it('passes the manifest’s mastery score and launch data to the SCO', async () => {
    const { browser } = await enrolledLearner(ctx, 'quiz');
    const { launch: quiz } = await launch(browser, 'quiz', 'quiz');
    expect(quiz.cmi.cmi).toMatchObject({
      launch_data: 'mode=exam;questions=10',
      student_data: {
        mastery_score: '80',
        max_time_allowed: '00:30:00',
        time_limit_action: 'exit,message',
      },
    });
  });

  it('hands a SCORM 2004 SCO the manifest’s objectives, thresholds and launch data before it starts', async () => {
    const { browser } = await enrolledLearner(ctx, 'case-management');
    const { page, launch: intro } = await launch(browser, 'case-management', 'm1_intro');
    expect(intro.cmi.cmi).toMatchObject({
      entry: 'ab-initio',
      launch_data: 'intro-data',
      scaled_passing_score: '0.6',
      completion_threshold: '0.75',
      max_time_allowed: 'PT20M',
      objectives: [{ id: 'obj_intro' }, { id: 'obj_extra' }],
    });
    // The player may frame the content origin, and nothing else may frame the player.
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`frame-src 'self' ${ctx.config.contentOrigin.origin}`);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('keeps a learner’s name from breaking out of the launch JSON', async () => {
    const name = '</script><script>alert(1)</script>';
    const { browser } = await enrolledLearner(ctx, 'golf', name);
    const { page, launch: golf } = await launch(browser, 'golf', 'item_1');
    expect(page.body).not.toContain('<script>alert(1)');
    expect(golf.cmi.cmi.core.student_name).toBe(name);
  });

  it('opens the SCO named in the address of a multi-SCO course', async () => {
    const { browser } = await enrolledLearner(ctx, 'golf-lessons');
    const { page } = await launch(browser, 'golf-lessons', 'item_handicapping');
    expect(page.body).toContain('Handicapping');
    for (const sco of ['item_playing', 'item_etiquette', 'item_havingfun'])
      expect(page.body).toContain(`/courses/golf-lessons/scos/${sco}`);
  });

  it('asks a learner who is not enrolled to enrol first, and starts no attempt', async () => {
    const { user, browser } = await signedIn(ctx);
    const page = await browser.get('/courses/golf/scos/item_1');
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain('id="scorm-launch"');
    expect(await attemptsOf(user.id, course.golf)).toEqual([]);
  });

  it('sends an anonymous visitor to log in first', async () => {
    const page = await ctx.app.inject({
      url: '/courses/golf/scos/item_1',
      headers: { accept: 'text/html' },
    });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(
      `/login?next=${encodeURIComponent('/courses/golf/scos/item_1')}`,
    );
  });

  it('answers an unknown SCO with 404', async () => {
    const { browser } = await enrolledLearner(ctx, 'golf');
    expect((await browser.get('/courses/golf/scos/no_such_item')).statusCode).toBe(404);
  });
});

describe('commits', () => {
  it('stores a newer commit, sent as JSON or as a beacon, and acknowledges an older or repeated one without storing it', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf');
    const { launch: golf } = await launch(browser, 'golf', 'item_1');
    const base = golf.seqBase;
    const stored = async () => {
      const [attempt] = await attemptsOf(user.id, course.golf);
      return {
        seq: Number(attempt!.seq),
        location: (attempt!.cmi as any)?.cmi?.core?.lesson_location as string | undefined,
      };
    };

    const first = await postCommit(
      ctx,
      golf.commitUrl,
      commit12(base + 1, { lesson_location: 'page-1' }),
    );
    expect(first.statusCode).toBe(200);
    expect(json(first)).toEqual({ result: true, errorCode: 0, seq: base + 1, stored: true });
    expect(await stored()).toEqual({ seq: base + 1, location: 'page-1' });

    const beacon = await postCommit(
      ctx,
      golf.commitUrl,
      commit12(base + 3, { lesson_location: 'page-3' }),
      { beacon: true },
    );
    expect(json(beacon)).toMatchObject({ result: true, stored: true });
    expect(await stored()).toEqual({ seq: base + 3, location: 'page-3' });

    // A late fetch overtaken by the beacon, then a retried one: acknowledged, not stored.
    const late = await postCommit(
      ctx,
      golf.commitUrl,
      commit12(base + 2, { lesson_location: 'page-2' }),
    );
    expect(late.statusCode).toBe(200);
    expect(json(late)).toEqual({ result: true, errorCode: 0, seq: base + 2, stored: false });
    const replay = await postCommit(
      ctx,
      golf.commitUrl,
      commit12(base + 3, { lesson_location: 'elsewhere' }),
      { beacon: true },
    );
    expect(json(replay)).toMatchObject({ result: true, stored: false });
    expect(await stored()).toEqual({ seq: base + 3, location: 'page-3' });
  });

  it('refuses an invalid commit with 422 naming the element, and changes nothing', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf');
    const { launch: golf } = await launch(browser, 'golf', 'item_1');
    await postCommit(
      ctx,
      golf.commitUrl,
      commit12(golf.seqBase + 1, { lesson_location: 'kept' }, { suspend_data: 'kept' }),
    );
    const before = await attemptsOf(user.id, course.golf);

    const tooLong = await postCommit(
      ctx,
      golf.commitUrl,
      commit12(golf.seqBase + 2, {}, { suspend_data: 'x'.repeat(64_001) }),
    );
    expect(tooLong.statusCode).toBe(422);
    expect(json(tooLong)).toMatchObject({
      result: false,
      errorMessage: expect.stringContaining('cmi.suspend_data is 64001 characters'),
    });

    const badStatus = await postCommit(
      ctx,
      golf.commitUrl,
      commit12(golf.seqBase + 3, { lesson_status: 'finished' }),
      { beacon: true },
    );
    expect(badStatus.statusCode).toBe(422);
    expect(json(badStatus).errorMessage).toContain('cmi.core.lesson_status');

    const wrongVersion = await postCommit(
      ctx,
      golf.commitUrl,
      commit2004(golf.seqBase + 4, { completion_status: 'completed' }),
    );
    expect(wrongVersion.statusCode).toBe(422);
    expect(json(wrongVersion).errorMessage).toContain('cmi.core is missing');

    const notJson = await postCommit(ctx, golf.commitUrl, '{"seq": 5, "cmi": ', { beacon: true });
    expect(notJson.statusCode).toBe(400);

    expect(await attemptsOf(user.id, course.golf)).toEqual(before);
    // The refused commits did not use up their seq: the next valid one is stored.
    expect(
      json(
        await postCommit(
          ctx,
          golf.commitUrl,
          commit12(golf.seqBase + 2, { lesson_location: 'next' }),
        ),
      ),
    ).toMatchObject({ stored: true });
  });

  it('accepts a large valid commit, beyond the size limit of ordinary forms', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'quiz');
    const { launch: quiz } = await launch(browser, 'quiz', 'quiz');
    const interactions = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [
        String(i),
        {
          id: `essay-${i}`,
          type: 'fill-in',
          student_response: 'w'.repeat(2_000),
          result: 'neutral',
        },
      ]),
    );
    const big = commit12(quiz.seqBase + 1, {}, { suspend_data: 's'.repeat(64_000), interactions });
    expect(JSON.stringify(big).length).toBeGreaterThan(ctx.config.bodyLimit);
    expect(json(await postCommit(ctx, quiz.commitUrl, big))).toMatchObject({ stored: true });
    expect(
      json(
        await postCommit(ctx, quiz.commitUrl, { ...big, seq: quiz.seqBase + 2 }, { beacon: true }),
      ),
    ).toMatchObject({ stored: true });
    const [attempt] = await attemptsOf(user.id, course.quiz);
    expect(Number(attempt!.seq)).toBe(quiz.seqBase + 2);
    expect(
      await db()
        .selectFrom('scorm_interactions')
        .select('position')
        .where('attempt_id', '=', attempt!.id)
        .execute(),
    ).toHaveLength(200);
  });

  it('refuses a forged or altered token, and a content token used as a commit token', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf');
    const { page, launch: golf } = await launch(browser, 'golf', 'item_1');
    const token = golf.commitUrl.split('/').at(-1)!;
    const [body, signature] = token.split('.') as [string, string];

    const forged = await postCommit(
      ctx,
      '/scorm/commit/eyJhIjoxfQ.bm90LWEtc2lnbmF0dXJl',
      commit12(golf.seqBase + 1),
    );
    expect(forged.statusCode).toBe(403);
    expect(json(forged)).toMatchObject({
      result: false,
      errorMessage: expect.stringContaining('reopen the activity'),
    });

    // Someone else's attempt, with the original signature.
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { a: number };
    const altered = Buffer.from(JSON.stringify({ ...payload, a: payload.a + 1 })).toString(
      'base64url',
    );
    expect(
      (await postCommit(ctx, `/scorm/commit/${altered}.${signature}`, commit12(golf.seqBase + 1)))
        .statusCode,
    ).toBe(403);
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    expect(
      (await postCommit(ctx, `/scorm/commit/${body}.${flipped}`, commit12(golf.seqBase + 1)))
        .statusCode,
    ).toBe(403);

    const contentToken = wrapperUrlOf(page).split('/').at(-1)!;
    expect(
      (await postCommit(ctx, `/scorm/commit/${contentToken}`, commit12(golf.seqBase + 1)))
        .statusCode,
    ).toBe(403);

    expect(Number((await attemptsOf(user.id, course.golf))[0]!.seq)).toBe(0);
  });

  it('refuses a commit sent from another site, and accepts one from the app', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf');
    const { launch: golf } = await launch(browser, 'golf', 'item_1');
    const foreign = await postCommit(
      ctx,
      golf.commitUrl,
      commit12(golf.seqBase + 1, { lesson_status: 'passed' }),
      { origin: 'https://evil.example' },
    );
    expect(foreign.statusCode).toBe(403);
    expect(json(foreign)).toMatchObject({ result: false, errorCode: 101 });
    // The content origin is another origin too: package scripts never commit.
    expect(
      (
        await postCommit(ctx, golf.commitUrl, commit12(golf.seqBase + 1), {
          origin: ctx.config.contentOrigin.origin,
        })
      ).statusCode,
    ).toBe(403);
    expect(Number((await attemptsOf(user.id, course.golf))[0]!.seq)).toBe(0);

    const own = await postCommit(ctx, golf.commitUrl, commit12(golf.seqBase + 1), {
      origin: ctx.config.appOrigin,
    });
    expect(json(own)).toMatchObject({ stored: true });
  });
});

describe('progress and completion', () => {
  it('a passed SCORM 1.2 SCO completes the course and issues its certificate', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf', 'Paula Passed');
    const { launch: golf } = await launch(browser, 'golf', 'item_1');
    expect(await enrolmentOf(user.id, course.golf)).toMatchObject({
      status: 'active',
      progress_percent: 0,
    });

    await postCommit(
      ctx,
      golf.commitUrl,
      commit12(golf.seqBase + 1, {
        lesson_status: 'passed',
        score: { raw: '90', min: '0', max: '100' },
        total_time: '00:05:00',
      }),
    );
    const [attempt] = await attemptsOf(user.id, course.golf);
    expect(attempt).toMatchObject({
      completion_status: 'completed',
      success_status: 'passed',
      score_raw: 90,
      total_time_seconds: 300,
    });
    expect(attempt!.score_scaled).toBeCloseTo(0.9);
    const progress = await db()
      .selectFrom('item_progress')
      .select(['completed_at', 'passed', 'best_score'])
      .where('user_id', '=', user.id)
      .where('course_id', '=', course.golf)
      .executeTakeFirstOrThrow();
    expect(progress).toMatchObject({ passed: true, best_score: 90 });
    expect(progress.completed_at).not.toBeNull();
    expect(await enrolmentOf(user.id, course.golf)).toMatchObject({
      status: 'completed',
      progress_percent: 100,
    });
    const certificate = await certificateOf(user.id, course.golf);
    expect(certificate).toMatchObject({ learner_name: 'Paula Passed' });
    expect((await browser.get('/courses/golf')).body).toContain(certificate!.code);
  });

  it('a completed and passed SCORM 2004 SCO completes the course too', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'rise');
    const { launch: rise } = await launch(browser, 'rise', 'Rise_SCO');
    await postCommit(
      ctx,
      rise.commitUrl,
      commit2004(rise.seqBase + 1, {
        completion_status: 'completed',
        success_status: 'passed',
        score: { scaled: '0.85', raw: '85', min: '0', max: '100' },
      }),
      { beacon: true },
    );
    expect(await enrolmentOf(user.id, course.rise)).toMatchObject({
      status: 'completed',
      progress_percent: 100,
    });
    expect(await certificateOf(user.id, course.rise)).toBeDefined();
    expect((await attemptsOf(user.id, course.rise))[0]!.score_scaled).toBeCloseTo(0.85);
  });

  it('a failed SCO is not done: no progress, no certificate', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'quiz');
    const { launch: quiz } = await launch(browser, 'quiz', 'quiz');
    await postCommit(
      ctx,
      quiz.commitUrl,
      commit12(quiz.seqBase + 1, {
        lesson_status: 'failed',
        score: { raw: '40', min: '0', max: '100' },
      }),
    );
    expect(await attemptsOf(user.id, course.quiz)).toMatchObject([
      { completion_status: 'completed', success_status: 'failed' },
    ]);
    expect(await enrolmentOf(user.id, course.quiz)).toMatchObject({
      status: 'active',
      progress_percent: 0,
    });
    expect(await certificateOf(user.id, course.quiz)).toBeUndefined();
  });

  it('opening an asset (an item without the API) completes it', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'case-management');
    const { page } = await launch(browser, 'case-management', 'm2_glossary');
    expect(page.statusCode).toBe(200);
    const item = await db()
      .selectFrom('course_items')
      .select('id')
      .where('course_id', '=', course.fourth)
      .where('slug', '=', 'm2_glossary')
      .executeTakeFirstOrThrow();
    const progress = await db()
      .selectFrom('item_progress')
      .select('completed_at')
      .where('user_id', '=', user.id)
      .where('item_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(progress.completed_at).not.toBeNull();
    // The glossary is hidden (not required): the three lessons still make the whole course.
    expect(await enrolmentOf(user.id, course.fourth)).toMatchObject({
      status: 'active',
      progress_percent: 0,
    });
  });

  // Views fall back to English, so the importer stores a package's title under English too.
  it('a course imported in French keeps its title for a learner using English (catalogue, certificate check)', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf-fr');
    const { launch: golf } = await launch(browser, 'golf-fr', 'item_1');
    await postCommit(ctx, golf.commitUrl, commit12(golf.seqBase + 1, { lesson_status: 'passed' }));
    const certificate = await certificateOf(user.id, course.french);
    expect(certificate).toBeDefined();

    expect((await browser.get('/')).body).toContain(
      '<a href="/courses/golf-fr">Golf Explained - Run-time Basic Calls</a>',
    );
    expect((await browser.get('/courses/golf-fr')).body).toContain(
      '<h1>Golf Explained - Run-time Basic Calls</h1>',
    );
    expect(
      (
        await ctx.app.inject({
          url: `/certificates/${certificate!.code}`,
          headers: { 'accept-language': 'en' },
        })
      ).body,
    ).toContain('Golf Explained - Run-time Basic Calls');
  });

  it('one SCO of four done is a quarter of the course', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf-lessons');
    const { launch: lesson } = await launch(browser, 'golf-lessons', 'item_etiquette');
    await postCommit(
      ctx,
      lesson.commitUrl,
      commit12(lesson.seqBase + 1, { lesson_status: 'completed' }),
    );
    expect(await enrolmentOf(user.id, course.lessons)).toMatchObject({
      status: 'active',
      progress_percent: 25,
    });
    expect(await certificateOf(user.id, course.lessons)).toBeUndefined();
  });
});

describe('time spent', () => {
  it('a commit counts the time since the learner’s previous step, at most once a minute', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf');
    const { launch: golf } = await launch(browser, 'golf', 'item_1');
    await ctx.app.learnerPlaces.settle(user.id);
    const spent = async () =>
      (
        await db()
          .selectFrom('enrolments')
          .select('time_spent_seconds')
          .where('user_id', '=', user.id)
          .where('course_id', '=', course.golf)
          .executeTakeFirstOrThrow()
      ).time_spent_seconds;
    const before = await spent();
    await db()
      .updateTable('enrolments')
      .set({ last_activity_at: new Date(Date.now() - 3 * 60_000) })
      .where('user_id', '=', user.id)
      .where('course_id', '=', course.golf)
      .execute();
    await postCommit(ctx, golf.commitUrl, commit12(golf.seqBase + 1));
    expect((await spent()) - before).toBeGreaterThanOrEqual(180);
    expect((await spent()) - before).toBeLessThan(190);
    // The next commit, seconds later, waits for the minute: nothing more yet.
    await postCommit(ctx, golf.commitUrl, commit12(golf.seqBase + 2));
    expect((await spent()) - before).toBeLessThan(190);
  });
});

describe('attempt settings', () => {
  const setPolicy = (policy: 'when_finished' | 'never' | 'always', maxAttempts: number | null) =>
    db()
      .updateTable('scorm_courses')
      .set({ attempt_policy: policy, max_attempts: maxAttempts })
      .where('course_id', '=', course.quiz)
      .execute();
  afterAll(() => setPolicy('when_finished', null));

  it('"always" starts a new attempt at each launch, up to the maximum', async () => {
    await setPolicy('always', 2);
    const { user, browser } = await enrolledLearner(ctx, 'quiz');
    expect((await launch(browser, 'quiz', 'quiz')).launch).toMatchObject({
      attempt: 1,
      seqBase: 1_000_000,
    });
    expect((await launch(browser, 'quiz', 'quiz')).launch).toMatchObject({
      attempt: 2,
      seqBase: 1_000_000,
    });
    // The maximum is reached: the last attempt is resumed.
    expect((await launch(browser, 'quiz', 'quiz')).launch).toMatchObject({
      attempt: 2,
      seqBase: 2_000_000,
    });
    expect((await attemptsOf(user.id, course.quiz)).map((attempt) => attempt.number)).toEqual([
      1, 2,
    ]);
  });

  it('"never" resumes the first attempt, even once it is passed', async () => {
    await setPolicy('never', null);
    const { user, browser } = await enrolledLearner(ctx, 'quiz');
    const first = (await launch(browser, 'quiz', 'quiz')).launch;
    await postCommit(
      ctx,
      first.commitUrl,
      commit12(first.seqBase + 1, {
        lesson_status: 'passed',
        lesson_location: 'end',
        exit: 'suspend',
      }),
    );
    const again = (await launch(browser, 'quiz', 'quiz')).launch;
    expect(again).toMatchObject({ attempt: 1, seqBase: 2_000_000 });
    expect(again.cmi.cmi.core).toMatchObject({
      lesson_status: 'passed',
      lesson_location: 'end',
      entry: 'resume',
    });
    // Left without suspending, the same attempt reopens neither new nor resumed (entry "").
    await postCommit(
      ctx,
      again.commitUrl,
      commit12(again.seqBase + 1, { lesson_status: 'passed', lesson_location: 'end', exit: '' }),
    );
    const third = (await launch(browser, 'quiz', 'quiz')).launch;
    expect(third).toMatchObject({ attempt: 1 });
    expect(third.cmi.cmi.core).toMatchObject({ lesson_location: 'end', entry: '' });
    expect(await attemptsOf(user.id, course.quiz)).toHaveLength(1);
  });
});

describe('two tabs', () => {
  it('commits arriving together and out of order leave the newest one stored, with its interactions', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf');
    const { launch: golf } = await launch(browser, 'golf', 'item_1');
    const interaction = (n: number) => ({
      id: `q${n}`,
      type: 'choice',
      student_response: 'a',
      result: 'correct',
    });
    const commitNumber = (n: number) =>
      commit12(
        golf.seqBase + n,
        { lesson_location: `page-${n}` },
        {
          interactions: Object.fromEntries(
            Array.from({ length: n }, (_, i) => [String(i), interaction(i)]),
          ),
        },
      );
    const order = [4, 9, 1, 7, 2, 10, 5, 3, 8, 6];
    const answers = await Promise.all(
      order.map((n, i) =>
        postCommit(ctx, golf.commitUrl, commitNumber(n), { beacon: i % 2 === 0 }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(order.map(() => 200));

    const [attempt] = await attemptsOf(user.id, course.golf);
    expect(Number(attempt!.seq)).toBe(golf.seqBase + 10);
    expect((attempt!.cmi as any).cmi.core.lesson_location).toBe('page-10');
    const rows = await db()
      .selectFrom('scorm_interactions')
      .select('interaction_id')
      .where('attempt_id', '=', attempt!.id)
      .orderBy('position')
      .execute();
    expect(rows.map((row) => row.interaction_id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `q${i}`),
    );
  });

  it('two launches at once share one attempt and get different seq ranges', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'rise');
    const [one, two] = await Promise.all([
      launch(browser, 'rise', 'Rise_SCO'),
      launch(browser, 'rise', 'Rise_SCO'),
    ]);
    expect([one.launch.attempt, two.launch.attempt]).toEqual([1, 1]);
    expect([one.launch.seqBase, two.launch.seqBase].sort((a, b) => a - b)).toEqual([
      1_000_000, 2_000_000,
    ]);
    expect(await attemptsOf(user.id, course.rise)).toHaveLength(1);
  });
});

describe('interactions', () => {
  it('lands each interaction of a commit in a row queryable by course and question', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'quiz');
    const { launch: quiz } = await launch(browser, 'quiz', 'quiz');
    const interactions = {
      '0': {
        id: 'q-report',
        time: '10:15:00',
        type: 'choice',
        weighting: '1',
        student_response: 'b',
        result: 'correct',
        latency: '00:00:12',
        objectives: {},
        correct_responses: { '0': { pattern: 'b' } },
      },
      '1': {
        id: 'q-alone',
        time: '',
        type: 'true-false',
        weighting: '',
        student_response: 't',
        result: 'wrong',
        latency: '',
        objectives: {},
        correct_responses: { '0': { pattern: 'f' } },
      },
    };
    await postCommit(ctx, quiz.commitUrl, commit12(quiz.seqBase + 1, {}, { interactions }));
    // A later commit carries the whole list again: rows are replaced, not added.
    await postCommit(ctx, quiz.commitUrl, commit12(quiz.seqBase + 2, {}, { interactions }));
    const [attempt] = await attemptsOf(user.id, course.quiz);

    const rows = await db()
      .selectFrom('scorm_interactions')
      .select([
        'interaction_id',
        'type',
        'learner_response',
        'correct_response',
        'result',
        'weighting',
        'latency',
        'position',
      ])
      .where('course_id', '=', course.quiz)
      .where('attempt_id', '=', attempt!.id)
      .orderBy('position')
      .execute();
    expect(rows).toEqual([
      {
        interaction_id: 'q-report',
        type: 'choice',
        learner_response: 'b',
        correct_response: 'b',
        result: 'correct',
        weighting: 1,
        latency: '00:00:12',
        position: 0,
      },
      {
        interaction_id: 'q-alone',
        type: 'true-false',
        learner_response: 't',
        correct_response: 'f',
        result: 'incorrect',
        weighting: null,
        latency: '',
        position: 1,
      },
    ]);
    const byQuestion = await db()
      .selectFrom('scorm_interactions')
      .select('result')
      .where('course_id', '=', course.quiz)
      .where('interaction_id', '=', 'q-alone')
      .execute();
    expect(byQuestion).toEqual([{ result: 'incorrect' }]);
  });
});

describe('objectives', () => {
  it('lands the objectives a SCORM 2004 SCO reports in rows, and hands them back at the next launch', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'case-management');
    const first = (await launch(browser, 'case-management', 'm1_intro')).launch;
    const objectives = {
      '0': {
        id: 'obj_intro',
        success_status: 'passed',
        completion_status: 'completed',
        score: { scaled: '0.9', raw: '', min: '', max: '' },
      },
      '1': {
        id: 'obj_extra',
        success_status: 'unknown',
        completion_status: 'incomplete',
        score: { scaled: '', raw: '', min: '', max: '' },
      },
    };
    await postCommit(
      ctx,
      first.commitUrl,
      commit2004(first.seqBase + 1, { objectives, location: 'p2', exit: 'suspend' }),
    );
    const rows = await db()
      .selectFrom('scorm_objectives')
      .select(['objective_id', 'success_status', 'completion_status', 'score_scaled'])
      .where('course_id', '=', course.fourth)
      .where('attempt_id', '=', (await attemptsOf(user.id, course.fourth))[0]!.id)
      .orderBy('position')
      .execute();
    expect(rows).toEqual([
      {
        objective_id: 'obj_intro',
        success_status: 'passed',
        completion_status: 'completed',
        score_scaled: expect.closeTo(0.9),
      },
      {
        objective_id: 'obj_extra',
        success_status: 'unknown',
        completion_status: 'incomplete',
        score_scaled: null,
      },
    ]);
    const again = (await launch(browser, 'case-management', 'm1_intro')).launch;
    expect(again.cmi.cmi.objectives).toEqual(objectives);
    expect(again.cmi.cmi.entry).toBe('resume');
  });
});

describe('resuming', () => {
  it('a SCORM 1.2 SCO left suspended resumes where it was, with its suspend_data, on a higher seq', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf-lessons');
    const first = (await launch(browser, 'golf-lessons', 'item_playing')).launch;
    expect(first.seqBase).toBe(1_000_000);
    await postCommit(
      ctx,
      first.commitUrl,
      commit12(
        first.seqBase + 1,
        { lesson_location: 'playing', exit: 'suspend', session_time: '00:03:00' },
        { suspend_data: '{"visits":1,"page":"playing"}' },
      ),
      { beacon: true },
    );

    const second = (await launch(browser, 'golf-lessons', 'item_playing')).launch;
    expect(second).toMatchObject({ attempt: 1, seqBase: 2_000_000 });
    expect(second.cmi.cmi).toMatchObject({
      suspend_data: '{"visits":1,"page":"playing"}',
      core: { entry: 'resume', lesson_location: 'playing', lesson_status: 'incomplete' },
    });
    // What the previous session wrote for itself only is not handed back.
    expect(second.cmi.cmi.core.exit).toBeUndefined();
    expect(second.cmi.cmi.core.session_time).toBeUndefined();

    // The first tab, still open, commits after the second launch committed: it loses.
    expect(
      json(
        await postCommit(
          ctx,
          second.commitUrl,
          commit12(second.seqBase + 1, { lesson_location: 'second-tab', exit: 'suspend' }),
        ),
      ),
    ).toMatchObject({ stored: true });
    expect(
      json(
        await postCommit(
          ctx,
          first.commitUrl,
          commit12(first.seqBase + 9, { lesson_location: 'first-tab' }),
        ),
      ),
    ).toMatchObject({ result: true, stored: false });
    const third = (await launch(browser, 'golf-lessons', 'item_playing')).launch;
    expect(third).toMatchObject({ attempt: 1, seqBase: 3_000_000 });
    expect(third.cmi.cmi.core.lesson_location).toBe('second-tab');
    expect(await attemptsOf(user.id, course.lessons)).toHaveLength(1);
  });

  it('a SCORM 2004 SCO left suspended resumes with its location and suspend_data', async () => {
    const { browser } = await enrolledLearner(ctx, 'rise');
    const first = (await launch(browser, 'rise', 'Rise_SCO')).launch;
    await postCommit(
      ctx,
      first.commitUrl,
      commit2004(first.seqBase + 1, {
        location: 'lesson-2',
        suspend_data: 'state=42',
        exit: 'suspend',
      }),
    );
    const second = (await launch(browser, 'rise', 'Rise_SCO')).launch;
    expect(second.seqBase).toBe(2_000_000);
    expect(second.cmi.cmi).toMatchObject({
      entry: 'resume',
      location: 'lesson-2',
      suspend_data: 'state=42',
      completion_status: 'incomplete',
    });
    expect(second.cmi.cmi.exit).toBeUndefined();
  });

  it('a finished attempt is not resumed: the next launch starts attempt 2 from the beginning', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'quiz');
    const first = (await launch(browser, 'quiz', 'quiz')).launch;
    await postCommit(
      ctx,
      first.commitUrl,
      commit12(
        first.seqBase + 1,
        { lesson_status: 'passed', lesson_location: 'end' },
        { suspend_data: 'done' },
      ),
    );
    const page = await browser.get('/courses/quiz/scos/quiz');
    const next = launchOf(page);
    expect(next).toMatchObject({ attempt: 2, seqBase: 1_000_000 });
    expect(next.cmi.cmi.core.entry).toBe('ab-initio');
    expect(next.cmi.cmi.suspend_data ?? '').toBe('');
    expect((await attemptsOf(user.id, course.quiz)).map((attempt) => attempt.number)).toEqual([
      1, 2,
    ]);
  });
});

describe('the end of a session (what the LMS decides)', () => {
  const attemptStatus = async (userId: number, courseId: number) =>
    (await attemptsOf(userId, courseId)).map((a) => [a.completion_status, a.success_status]);

  it('SCORM 1.2: a SCO that only initialises and finishes ends completed, and counts as done', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf');
    const { launch: golf } = await launch(browser, 'golf', 'item_1');
    const initialised = commit12(golf.seqBase + 1, { lesson_status: 'not attempted' });
    await postCommit(ctx, golf.commitUrl, initialised);
    // Until it finishes, nothing is decided for it.
    expect(await attemptStatus(user.id, course.golf)).toEqual([['not attempted', 'unknown']]);
    await postCommit(ctx, golf.commitUrl, {
      ...commit12(golf.seqBase + 2, { lesson_status: 'not attempted' }),
      final: true,
    });
    expect(await attemptStatus(user.id, course.golf)).toEqual([['completed', 'unknown']]);
    const [stored] = await attemptsOf(user.id, course.golf);
    expect(
      (stored!.cmi as { cmi: { core: { lesson_status: string } } }).cmi.core.lesson_status,
    ).toBe('completed');
    expect((await enrolmentOf(user.id, course.golf)).progress_percent).toBe(100);
  });

  it('SCORM 1.2: with a mastery score (80), the reported score decides passed or failed at LMSFinish', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ lesson_status: 'not attempted', score: { raw: '85', min: '0', max: '100' } }, 'passed'],
      [{ lesson_status: 'completed', score: { raw: '60', min: '0', max: '100' } }, 'failed'],
      [{ lesson_status: 'incomplete', score: { raw: '', min: '', max: '' } }, 'unknown'],
    ];
    for (const [core, success] of cases) {
      const { user, browser } = await enrolledLearner(ctx, 'quiz');
      const { launch: quiz } = await launch(browser, 'quiz', 'quiz');
      await postCommit(ctx, quiz.commitUrl, { ...commit12(quiz.seqBase + 1, core), final: true });
      const [attempt] = await attemptsOf(user.id, course.quiz);
      expect(attempt!.success_status).toBe(success);
    }
  });

  it('SCORM 2004: with the default delivery controls, a SCO that exits without a status is completed and satisfied; a suspended one is not', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'case-management');
    const { launch: assessment } = await launch(browser, 'case-management', 'm2_assessment');
    const silent = { completion_status: 'unknown', success_status: 'unknown' };
    await postCommit(ctx, assessment.commitUrl, {
      ...commit2004(assessment.seqBase + 1, { ...silent, exit: 'suspend' }),
      final: true,
    });
    expect(await attemptStatus(user.id, course.fourth)).toEqual([['unknown', 'unknown']]);
    const again = (await launch(browser, 'case-management', 'm2_assessment')).launch;
    expect(again.cmi.cmi.entry).toBe('resume');
    await postCommit(ctx, again.commitUrl, {
      ...commit2004(again.seqBase + 1, { ...silent, exit: 'normal' }),
      final: true,
    });
    expect(await attemptStatus(user.id, course.fourth)).toEqual([['completed', 'passed']]);
  });

  it('SCORM 2004: content that sets its own status (Rise: completionSetByContent) keeps "unknown" when it says nothing', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'rise');
    const { launch: rise } = await launch(browser, 'rise', 'Rise_SCO');
    await postCommit(ctx, rise.commitUrl, {
      ...commit2004(rise.seqBase + 1, { completion_status: 'unknown', exit: 'normal' }),
      final: true,
    });
    expect(await attemptStatus(user.id, course.rise)).toEqual([['unknown', 'unknown']]);
  });

  it('after a normal exit the next launch is a new attempt, ab-initio, and the old one is kept', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf-lessons');
    const first = (await launch(browser, 'golf-lessons', 'item_playing')).launch;
    await postCommit(
      ctx,
      first.commitUrl,
      commit12(first.seqBase + 1, { lesson_location: 'p3', exit: '' }, { suspend_data: 'x' }),
    );
    const second = (await launch(browser, 'golf-lessons', 'item_playing')).launch;
    expect(second.attempt).toBe(2);
    expect(second.cmi.cmi.core).toMatchObject({ entry: 'ab-initio' });
    expect(second.cmi.cmi.core.lesson_location ?? '').toBe('');
    expect(await attemptsOf(user.id, course.lessons)).toHaveLength(2);
  });
});
