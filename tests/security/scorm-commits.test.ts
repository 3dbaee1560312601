// SCORM commits under failure and abuse: progress always follows a finished SCO (even after a
// failure between storing and counting), floods are limited, and the runtime always gets JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, testConfig, type TestContext } from '../helpers/app.js';
import { buildGolf12, buildMultiSco12 } from '../scorm/fixtures.js';
import { removeDir, tempDir } from '../scorm/helpers.js';
import {
  enrolledLearner,
  importFixture,
  launch,
  postCommit,
  type CommitBody,
} from '../scorm/integration.js';

let ctx: TestContext;
let dir: string;
let golf = 0;
let lessons = 0;

beforeAll(async () => {
  ctx = await createTestApp({
    rateLimits: { ...testConfig().rateLimits, commitsPerAttempt: 30, commitsPerAddress: 1000 },
  });
  dir = await tempDir('lantern-security-scorm-');
  golf = (await importFixture(ctx, dir, buildGolf12, { slug: 'golf' })).courseId;
  lessons = (await importFixture(ctx, dir, buildMultiSco12, { slug: 'golf-lessons' })).courseId;
});
afterAll(async () => {
  await ctx?.close();
  await removeDir(dir);
});

const db = () => ctx.database.db;
const commit12 = (seq: number, status = 'incomplete'): CommitBody => ({
  seq,
  cmi: {
    suspend_data: '',
    launch_data: '',
    core: {
      lesson_status: status,
      lesson_location: '',
      exit: '',
      session_time: '00:00:10',
      score: { raw: '', min: '', max: '' },
    },
  },
});
const enrolmentOf = (userId: number, courseId: number) =>
  db()
    .selectFrom('enrolments')
    .select(['status', 'progress_percent'])
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .executeTakeFirstOrThrow();

describe('course progress follows the SCOs', () => {
  it('stores nothing when counting the progress fails, so the retried commit counts it', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf');
    const { launch: sco } = await launch(browser, 'golf', 'item_1');
    // A failure between storing the SCO's state and counting it (here: the enrolment cannot be updated).
    await sql`create function lantern_test_fail() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(
      db(),
    );
    await sql`create trigger lantern_test_fail before update of progress_percent on enrolments for each row execute function lantern_test_fail()`.execute(
      db(),
    );
    try {
      const failed = await postCommit(ctx, sco.commitUrl, commit12(sco.seqBase + 1, 'completed'));
      expect(failed.statusCode).toBe(500);
      expect(failed.headers['content-type']).toMatch(/application\/json/);
      const attempt = await db()
        .selectFrom('scorm_attempts')
        .select(['seq', 'completion_status'])
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(attempt.completion_status).not.toBe('completed');
    } finally {
      await sql`drop trigger lantern_test_fail on enrolments`.execute(db());
      await sql`drop function lantern_test_fail()`.execute(db());
    }
    // The player retries the same state; now it is stored and counted.
    const retried = await postCommit(ctx, sco.commitUrl, commit12(sco.seqBase + 2, 'completed'));
    expect(JSON.parse(retried.body)).toMatchObject({ stored: true });
    expect(await enrolmentOf(user.id, golf)).toMatchObject({
      status: 'completed',
      progress_percent: 100,
    });
  });

  it('repairs a course whose progress was left behind, at the next launch', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf-lessons');
    const { launch: first } = await launch(browser, 'golf-lessons', 'item_playing');
    expect(
      JSON.parse(
        (await postCommit(ctx, first.commitUrl, commit12(first.seqBase + 1, 'completed'))).body,
      ),
    ).toMatchObject({ stored: true });
    const counted = await enrolmentOf(user.id, lessons);
    expect(counted.progress_percent).toBeGreaterThan(0);
    // As an older version could leave it: the SCO is done, the course says 0 %.
    await db()
      .updateTable('enrolments')
      .set({ progress_percent: 0 })
      .where('user_id', '=', user.id)
      .where('course_id', '=', lessons)
      .execute();
    await launch(browser, 'golf-lessons', 'item_etiquette');
    expect((await enrolmentOf(user.id, lessons)).progress_percent).toBe(counted.progress_percent);
  });
});

describe('commit floods', () => {
  it('answers 429 in JSON past the per-attempt limit, and nothing older overwrites what was stored', async () => {
    const { user, browser } = await enrolledLearner(ctx, 'golf');
    const { launch: sco } = await launch(browser, 'golf', 'item_1');
    const statuses: number[] = [];
    for (let n = 1; n <= 40; n += 1) {
      const response = await postCommit(ctx, sco.commitUrl, commit12(sco.seqBase + n));
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(JSON.parse(response.body)).toMatchObject({ result: false, errorCode: 101 });
        expect(response.headers['retry-after']).toBeDefined();
      }
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(30);
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
    const stored = await db()
      .selectFrom('scorm_attempts')
      .select('seq')
      .where('user_id', '=', user.id)
      .where('course_id', '=', golf)
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    expect(Number(stored.seq)).toBe(sco.seqBase + 30);
  });
});

describe('the commit endpoint speaks JSON', () => {
  it('answers a body it cannot parse with JSON, not an HTML page', async () => {
    const { browser } = await enrolledLearner(ctx, 'golf');
    const { launch: sco } = await launch(browser, 'golf', 'item_1');
    const broken = await ctx.app.inject({
      method: 'POST',
      url: sco.commitUrl,
      headers: { 'content-type': 'application/json', accept: 'text/html' },
      payload: '{"seq": 1, "cmi": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(broken.body)).toMatchObject({ result: false, errorCode: 101 });
    const huge = await ctx.app.inject({
      method: 'POST',
      url: sco.commitUrl,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ seq: 1, cmi: { suspend_data: 'x'.repeat(2_000_000) } }),
    });
    expect(huge.statusCode).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ result: false });
  });
});

describe('the wrapper page', () => {
  it('may frame only the content origin itself', async () => {
    const { browser } = await enrolledLearner(ctx, 'golf');
    const { page } = await launch(browser, 'golf', 'item_1');
    const wrapper = /data-src="([^"]+)"/
      .exec(page.body)![1]!
      .replace(ctx.config.contentOrigin.origin, '');
    const { buildContentApp } = await import('../../src/scorm/content.js');
    const content = await buildContentApp(ctx.config);
    try {
      const response = await content.inject({ url: wrapper });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toMatch(/frame-src 'self';/);
      expect(csp).not.toMatch(/https:|http:/.source.length ? /frame-src[^;]*\bhttps?:/ : /x/);
    } finally {
      await content.close();
    }
  });
});
