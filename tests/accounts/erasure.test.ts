/**
 * "Delete my account" and an admin's erasure: the person's name and address are gone from every
 * table (sessions, tokens, queued mail, invitations, SCORM CMI, certificates, audit details),
 * their sessions end at once, reports keep counting them as an anonymous row, certificate checks
 * say "withdrawn", and only the right people can ask for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { findUserById } from '../../src/accounts/users.js';
import {
  courseIdOf,
  createTestApp,
  makeUser,
  signIn,
  TEST_PASSWORD,
  type TestContext,
} from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { createCohortAs, joinCohort } from '../helpers/cohorts.js';
import { takeExampleCourse } from '../helpers/learning.js';
import { buildGolf12, buildRise2004 } from '../scorm/fixtures.js';
import { removeDir, tempDir } from '../scorm/helpers.js';
import { importFixture, launch, postCommit } from '../scorm/integration.js';

const NAME = 'Zephyrine Quillfeather';
const EMAIL = 'zephyrine.quill@example.org';

let ctx: TestContext;
let dir: string;
let trainer: TestBrowser;
let admin: TestBrowser;
let adminId: number;
let cohortId: number;
let cohortCode: string;
let courseId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  dir = await tempDir('lantern-erasure-');
  await importFixture(ctx, dir, buildGolf12, { slug: 'golf' });
  await importFixture(ctx, dir, buildRise2004, { slug: 'rise' });
  courseId = await courseIdOf(ctx);
  const signedIn = await signIn(ctx, 'admin', { name: 'Ada Admin' });
  adminId = signedIn.user.id;
  admin = signedIn.browser;
  trainer = (await signIn(ctx, 'trainer', { name: 'Tariq Trainer' })).browser;
  ({ id: cohortId, code: cohortCode } = await createCohortAs(ctx, trainer, {
    name: 'Field team',
    courseId,
  }));
});
afterAll(async () => {
  await ctx?.close();
  await removeDir(dir);
});

/** The CMI stored with each of a person's SCORM attempts. */
const cmiOf = (userId: number) =>
  ctx.database.db
    .selectFrom('scorm_attempts')
    .select('cmi')
    .where('user_id', '=', userId)
    .execute();

/** What the golf course (SCORM 1.2) commits on page `page`: with the learner's id and name. */
function golfCommitOf(userId: number, name: string, page: number, more = {}) {
  return {
    cmi: {
      ...more,
      suspend_data: `page=${page}`,
      launch_data: '',
      core: {
        student_id: String(userId),
        student_name: name,
        lesson_status: 'incomplete',
        lesson_location: `p${page}`,
        exit: 'suspend',
        session_time: '00:01:00',
        score: { raw: '', min: '', max: '' },
      },
    },
  };
}

/** A learner in the cohort with a bit of everything: progress, a certificate, SCORM data. */
async function busyLearner(name: string, email: string) {
  // Certificates go to confirmed addresses.
  const { user, browser } = await signIn(ctx, 'learner', { name, email, verified: true });
  await joinCohort(browser, cohortCode);
  await takeExampleCourse(browser);
  // Work sent from a device: its receipt is about the person too.
  await browser.post('/courses/example-course/lessons/optional-reading/complete', {
    _key: `offline-${user.id}-0001`,
  });

  for (const slug of ['golf', 'rise']) {
    await browser.get(`/courses/${slug}`);
    await browser.post(`/courses/${slug}/enrol`);
  }
  const { launch: golf } = await launch(browser, 'golf', 'item_1');
  await postCommit(ctx, golf.commitUrl, {
    seq: golf.seqBase + 1,
    ...golfCommitOf(user.id, name, 3, {
      interactions: { '0': { id: 'q1', type: 'choice', student_response: 'b', result: 'wrong' } },
    }),
  });
  const { launch: rise } = await launch(browser, 'rise', 'Rise_SCO');
  await postCommit(ctx, rise.commitUrl, {
    seq: rise.seqBase + 1,
    cmi: {
      learner_id: String(user.id),
      learner_name: name,
      completion_status: 'incomplete',
      success_status: 'unknown',
      location: '',
      suspend_data: '',
      exit: '',
      session_time: 'PT10S',
      score: { scaled: '', raw: '', min: '', max: '' },
    },
  });
  return { user, browser, golf };
}

/** Every row of every table whose JSON mentions `needle` (case-insensitive), by table. */
async function rowsMentioning(needle: string): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(ctx.database.db);
  const found: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(table_name)} t
       where lower(row_to_json(t)::text) like ${`%${needle.toLowerCase()}%`}`.execute(
      ctx.database.db,
    );
    if (rows[0]!.n > 0) found[table_name] = rows[0]!.n;
  }
  return found;
}

const dashboardStats = async () => {
  const page = await trainer.get(`/trainer/cohorts/${cohortId}`);
  return Object.fromEntries(
    [...page.body.matchAll(/<dt>([^<]+)<\/dt><dd>([^<]+)<\/dd>/g)].map((m) => [m[1], m[2]]),
  );
};

describe('deleting one’s own account', () => {
  it('erases the person everywhere while reports keep counting them', async () => {
    const { user, browser, golf } = await busyLearner(NAME, EMAIL);
    const other = await busyLearner('Kept Person', 'kept.person@example.org');
    const phone = new TestBrowser(ctx.app);
    await phone.login(EMAIL, TEST_PASSWORD);
    // A change of address waiting (a token, and two messages queued), and an open invitation.
    await browser.get('/account');
    await browser.post('/account/email', {
      email: 'zephyrine.elsewhere@example.org',
      emailPassword: TEST_PASSWORD,
    });
    await trainer.get(`/trainer/cohorts/${cohortId}`);
    await ctx.database.db
      .insertInto('cohort_invitations')
      .values({ cohort_id: cohortId, email: EMAIL, invited_by: null })
      .execute();
    const certificate = await ctx.database.db
      .selectFrom('certificates')
      .select('code')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    const stored = await ctx.database.db
      .selectFrom('scorm_attempts')
      .select('cmi')
      .where('user_id', '=', user.id)
      .execute();
    // The stored CMI never holds the name: every launch writes it back from the account.
    expect(JSON.stringify(stored)).toContain('page=3');
    expect(JSON.stringify(stored)).not.toContain(NAME);
    const before = await dashboardStats();
    const csvBefore = await trainer.get(
      `/trainer/cohorts/${cohortId}/learners.csv?course=${courseId}`,
    );
    expect(csvBefore.body).toContain(NAME);
    expect(Object.keys(await rowsMentioning('zephyrine'))).toEqual(
      expect.arrayContaining(['users', 'outbox', 'account_tokens']),
    );

    // The page explains; a wrong or missing password, or no CSRF token, changes nothing.
    const page = await browser.get('/account/delete');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This cannot be undone.');
    const wrong = await browser.post('/account/delete', { password: 'not it' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('The current password is not right.');
    expect((await browser.post('/account/delete', {})).statusCode).toBe(422);
    expect(
      (await browser.post('/account/delete', { _csrf: null, password: TEST_PASSWORD })).statusCode,
    ).toBe(403);
    expect((await findUserById(ctx.database.db, user.id))!.erased_at).toBeNull();

    const receiptsOf = () =>
      ctx.database.db
        .selectFrom('offline_receipts')
        .select('key')
        .where('user_id', '=', user.id)
        .execute();
    expect(await receiptsOf()).toHaveLength(1);
    const erased = await browser.post('/account/delete', { password: TEST_PASSWORD });
    expect(erased.statusCode).toBe(303);
    expect(erased.headers.location).toBe('/');
    expect((await browser.get('/')).body).toContain('Your account is deleted.');
    // Signed out here and on the other device (whose learner snapshot is not trusted any more).
    expect((await browser.get('/account')).statusCode).toBe(303);
    expect((await phone.get('/account')).statusCode).toBe(303);

    const row = await findUserById(ctx.database.db, user.id);
    expect(row).toMatchObject({
      name: `Deleted account #${user.id}`,
      email: `deleted:${user.id}@invalid`,
      role: 'learner',
    });
    expect(row!.erased_at).not.toBeNull();
    expect(row!.password_hash).not.toBe(user.password_hash);
    // Nothing anywhere names or reaches the person any more.
    expect(await rowsMentioning('zephyrine')).toEqual({});
    expect(await rowsMentioning('quillfeather')).toEqual({});
    expect(await receiptsOf()).toEqual([]);
    const attempts = await cmiOf(user.id);
    expect(attempts).toHaveLength(2);
    for (const { cmi } of attempts) {
      const data = (cmi as { cmi: Record<string, any> }).cmi;
      expect(data.learner_name ?? data.core?.student_name).toBeUndefined();
      expect(data.learner_id ?? data.core?.student_id).toBeUndefined();
    }
    // The learning itself stays (attempt data, interactions), without a name.
    expect(JSON.stringify(attempts)).toContain('page=3');
    // A tab left open commits after the erasure (its token lives a day): nothing is written.
    await postCommit(ctx, golf.commitUrl, {
      seq: golf.seqBase + 50,
      ...golfCommitOf(user.id, NAME, 9),
    });
    expect(await rowsMentioning('zephyrine')).toEqual({});
    const late = await cmiOf(user.id);
    expect(JSON.stringify(late)).not.toContain('page=9');

    // Login with the old address, or the tombstone, never works.
    const again = new TestBrowser(ctx.app);
    await again.get('/login');
    for (const email of [EMAIL, `deleted:${user.id}@invalid`])
      expect((await again.post('/login', { email, password: TEST_PASSWORD })).statusCode).not.toBe(
        303,
      );

    // Reports: the same counts, one anonymous row, no name and no address.
    expect(await dashboardStats()).toEqual(before);
    const table = await trainer.get(`/trainer/cohorts/${cohortId}/learners?course=${courseId}`);
    expect(table.body).toContain('Deleted account');
    expect(table.body).toContain('Kept Person');
    expect(table.body.toLowerCase()).not.toContain('zephyrine');
    const csv = await trainer.get(`/trainer/cohorts/${cohortId}/learners.csv?course=${courseId}`);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(csvBefore.body.trim().split('\r\n').length);
    const anonymous = lines.find((line) => line.startsWith('Deleted account,'));
    expect(anonymous).toMatch(/^Deleted account,,Completed,100,/);
    expect(csv.body.toLowerCase()).not.toContain('zephyrine');
    expect(lines.some((line) => line.startsWith('Kept Person,kept.person@example.org,'))).toBe(
      true,
    );
    const detail = await trainer.get(
      `/trainer/cohorts/${cohortId}/learners/${user.id}?course=${courseId}`,
    );
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Deleted account');
    expect(detail.body).not.toContain('deleted:');

    // The certificate check says it was withdrawn, and nothing else.
    const check = await ctx.app.inject({ url: `/certificates/${certificate.code}` });
    expect(check.statusCode).toBe(410);
    expect(check.body).toContain('This certificate was withdrawn at the holder’s request.');
    expect(check.body).not.toContain('Deleted account');
    const kept = await ctx.database.db
      .selectFrom('certificates')
      .select('code')
      .where('user_id', '=', other.user.id)
      .executeTakeFirstOrThrow();
    expect((await ctx.app.inject({ url: `/certificates/${kept.code}` })).body).toContain(
      'Kept Person',
    );

    // The audit log says who did it, under the tombstone.
    const entry = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'account.erase')
      .where('subject_user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(entry.actor_id).toBe(user.id);
    const log = await admin.get('/admin/audit');
    expect(log.body).toContain(`Deleted account #${user.id}\u2069 deleted their own account.`);
  });

  it('is refused to the last admin, who is told why', async () => {
    const lonely = await createTestApp();
    try {
      const { user: only, browser } = await signIn(lonely, 'admin');
      const page = await browser.get('/account/delete');
      expect(page.statusCode).toBe(409);
      expect(page.body).toContain('You are the only administrator.');
      expect(page.body).not.toContain('action="/account/delete"');
      const post = await browser.post('/account/delete', { password: TEST_PASSWORD });
      expect(post.statusCode).toBe(409);
      expect((await findUserById(lonely.database.db, only.id))!.erased_at).toBeNull();
      // With a second admin, the first may go.
      await makeUser(lonely, 'admin');
      expect((await browser.post('/account/delete', { password: TEST_PASSWORD })).statusCode).toBe(
        303,
      );
    } finally {
      await lonely.close();
    }
  });

  it('sends an anonymous visitor to the login page and refuses an anonymous post', async () => {
    const page = await ctx.app.inject({ url: '/account/delete' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Faccount%2Fdelete');
    const anonymous = new TestBrowser(ctx.app);
    await anonymous.get('/login');
    expect((await anonymous.post('/account/delete', { password: 'x' })).statusCode).toBe(403);
  });
});

describe('an admin erasing a user', () => {
  it('asks for the admin’s password, then erases and ends the person’s sessions', async () => {
    const { user, browser } = await busyLearner('Quentin Erasable', 'quentin.erasable@example.org');
    const form = await admin.get(`/admin/users/${user.id}/erase`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('You are about to erase the account of Quentin Erasable');
    expect(
      (await admin.post(`/admin/users/${user.id}/erase`, { _csrf: null, password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(403);
    const wrong = await admin.post(`/admin/users/${user.id}/erase`, { password: 'nope' });
    expect(wrong.statusCode).toBe(422);
    expect((await findUserById(ctx.database.db, user.id))!.erased_at).toBeNull();
    const done = await admin.post(`/admin/users/${user.id}/erase`, { password: TEST_PASSWORD });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/admin/users');
    expect((await browser.get('/my-learning')).statusCode).toBe(303);
    expect(await rowsMentioning('quentin')).toEqual({});
    const entry = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'account.erase')
      .where('subject_user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(entry.actor_id).toBe(adminId);
    expect(entry.detail).toMatchObject({ by: 'admin' });
    // Once is enough: a second erasure is refused, the list marks the account.
    const twice = await admin.post(`/admin/users/${user.id}/erase`, { password: TEST_PASSWORD });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('This account was already erased.');
    const list = await admin.get(`/admin/users?q=${encodeURIComponent(`#${user.id}`)}`);
    expect(list.body).toContain('Erased');
    expect(list.body).not.toContain(`/admin/users/${user.id}/erase"`);
  });

  it('cannot erase their own account from the users page', async () => {
    const page = await admin.get(`/admin/users/${adminId}/erase`);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('You cannot erase your own account from the users page.');
    const post = await admin.post(`/admin/users/${adminId}/erase`, { password: TEST_PASSWORD });
    expect(post.statusCode).toBe(409);
    expect((await findUserById(ctx.database.db, adminId))!.erased_at).toBeNull();
    expect((await admin.get('/admin/users')).body).not.toContain(`/admin/users/${adminId}/erase"`);
  });

  it('answers 404 for an account that does not exist', async () => {
    expect((await admin.get('/admin/users/999999/erase')).statusCode).toBe(404);
    expect(
      (await admin.post('/admin/users/999999/erase', { password: TEST_PASSWORD })).statusCode,
    ).toBe(404);
    expect(
      (await admin.post('/admin/users/abc/erase', { password: TEST_PASSWORD })).statusCode,
    ).toBe(404);
  });

  for (const role of ['learner', 'trainer'] as const) {
    it(`is refused to a ${role}`, async () => {
      const victim = await makeUser(ctx);
      const { browser } = await signIn(ctx, role);
      await browser.get('/account');
      expect((await browser.get(`/admin/users/${victim.id}/erase`)).statusCode).toBe(403);
      expect(
        (await browser.post(`/admin/users/${victim.id}/erase`, { password: TEST_PASSWORD }))
          .statusCode,
      ).toBe(403);
      expect((await findUserById(ctx.database.db, victim.id))!.erased_at).toBeNull();
    });
  }

  it('sends an anonymous visitor to the login page', async () => {
    const page = await ctx.app.inject({ url: '/admin/users/1/erase' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Fadmin%2Fusers%2F1%2Ferase');
  });
});
