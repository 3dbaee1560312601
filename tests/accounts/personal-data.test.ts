/**
 * "Download my data": one JSON file with everything about the person and nothing about anyone
 * else, for the person and for an admin, audit-logged; nobody else may have it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseIdOf, createTestApp, signIn, type TestContext } from '../helpers/app.js';
import type { TestBrowser } from '../helpers/client.js';
import { createCohortAs, joinCohort } from '../helpers/cohorts.js';
import { takeExampleCourse } from '../helpers/learning.js';
import { buildRise2004 } from '../scorm/fixtures.js';
import { removeDir, tempDir } from '../scorm/helpers.js';
import { importFixture, launch, postCommit } from '../scorm/integration.js';

const base = '/courses/example-course';
let ctx: TestContext;
let dir: string;
let learner: { id: number; email: string; browser: TestBrowser };
let other: { id: number; email: string };
let adminBrowser: TestBrowser;
let adminId: number;
let cohortId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  dir = await tempDir('lantern-personal-data-');
  await importFixture(ctx, dir, buildRise2004, { slug: 'rise' });
  const courseId = await courseIdOf(ctx);

  const admin = await signIn(ctx, 'admin', { name: 'Ada Admin' });
  adminId = admin.user.id;
  adminBrowser = admin.browser;
  const { user: trainerUser, browser: trainer } = await signIn(ctx, 'trainer', {
    name: 'Tariq Trainer',
  });
  const cohort = await createCohortAs(ctx, trainer, { name: 'Night shift', courseId });
  cohortId = cohort.id;

  const { user, browser } = await signIn(ctx, 'learner', {
    name: 'Leila Learner',
    locale: 'fr',
    verified: true,
  });
  learner = { id: user.id, email: user.email, browser };
  await joinCohort(browser, cohort.code);
  await takeExampleCourse(browser, { failFirst: true });
  // A lesson read offline and sent later, with the key its form carried.
  await browser.post(`${base}/lessons/optional-reading/complete`, { _key: 'offline-read-0001' });
  await browser.get('/courses/rise');
  await browser.post('/courses/rise/enrol');
  const { launch: rise } = await launch(browser, 'rise', 'Rise_SCO');
  await postCommit(ctx, rise.commitUrl, {
    seq: rise.seqBase + 1,
    cmi: {
      completion_status: 'incomplete',
      success_status: 'unknown',
      location: 'slide-4',
      suspend_data: 'state-xyz',
      exit: 'suspend',
      session_time: 'PT2M',
      score: { scaled: '', raw: '', min: '', max: '' },
      interactions: [{ id: 'int-1', type: 'choice', learner_response: 'b', result: 'incorrect' }],
      objectives: [{ id: 'obj-1', success_status: 'passed', completion_status: 'completed' }],
    },
  });
  // An invitation to a second cohort, not answered yet.
  await ctx.database.db
    .insertInto('cohort_invitations')
    .values({ cohort_id: cohortId, email: user.email, invited_by: trainerUser.id })
    .execute();

  const { user: otherUser, browser: otherBrowser } = await signIn(ctx, 'learner', {
    name: 'Omar Other',
  });
  other = { id: otherUser.id, email: otherUser.email };
  await joinCohort(otherBrowser, cohort.code);
  await otherBrowser.post(`${base}/lessons/welcome/complete`);
  // The trainer looks at Leila's results: an audit entry about her.
  await trainer.get(`/trainer/cohorts/${cohortId}/learners/${user.id}?course=${courseId}`);
});
afterAll(async () => {
  await ctx?.close();
  await removeDir(dir);
});

type Export = Record<string, any>;

describe('downloading one’s own data', () => {
  it('is one JSON attachment with the whole documented format', async () => {
    const response = await learner.browser.get('/account/data.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="lantern-data-${learner.id}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    const data = JSON.parse(response.body) as Export;
    expect(Object.keys(data)).toEqual([
      'format',
      'version',
      'exportedAt',
      'profile',
      'enrolments',
      'lessonProgress',
      'quizAttempts',
      'certificates',
      'scormAttempts',
      'cohorts',
      'cohortInvitations',
      'emails',
      'sessions',
      'offlineWork',
      'auditLog',
    ]);
    expect(data).toMatchObject({ format: 'lantern-personal-data', version: 1 });
    expect(data.profile).toMatchObject({
      id: learner.id,
      name: 'Leila Learner',
      email: learner.email,
      role: 'learner',
      language: 'fr',
      remindersEnabled: true,
      erasedAt: null,
    });
    expect(data.enrolments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          course: 'example-course',
          status: 'completed',
          progressPercent: 100,
        }),
        expect.objectContaining({ course: 'rise', status: 'active' }),
      ]),
    );
    expect(data.lessonProgress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ course: 'example-course', item: 'welcome', kind: 'lesson' }),
      ]),
    );
    // Quiz attempts with every answer: the question, the option chosen (id and text), right or not.
    const [basics, retried] = data.quizAttempts.filter((a: Export) => a.quiz === 'basics-check');
    expect(retried.answers.find((a: Export) => a.question === 'greeting').correct).toBe(true);
    expect(basics.submittedAt).not.toBeNull();
    const greeting = basics.answers.find((a: Export) => a.question === 'greeting');
    expect(greeting).toMatchObject({ chosen: [{ option: 'goodbye' }], correct: false });
    expect(greeting.prompt).not.toBe('');
    expect(data.certificates).toEqual([
      expect.objectContaining({
        course: 'example-course',
        nameOnCertificate: 'Leila Learner',
        verificationUrl: expect.stringMatching(
          /\/certificates\/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/,
        ),
      }),
    ]);
    const [scorm] = data.scormAttempts;
    expect(scorm).toMatchObject({
      course: 'rise',
      sco: 'Rise_SCO',
      scormVersion: 'scorm2004',
      attempt: 1,
      interactions: [{ id: 'int-1', type: 'choice', learnerResponse: 'b', result: 'incorrect' }],
      objectives: [expect.objectContaining({ id: 'obj-1', successStatus: 'passed' })],
    });
    expect(scorm.cmi.cmi).toMatchObject({ location: 'slide-4', suspend_data: 'state-xyz' });
    expect(data.cohorts).toEqual([expect.objectContaining({ id: cohortId, name: 'Night shift' })]);
    expect(data.cohortInvitations).toEqual([
      expect.objectContaining({ cohortId, accepted: null, answeredAt: null }),
    ]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.offlineWork).toEqual([
      expect.objectContaining({ kind: 'lesson', key: 'offline-read-0001' }),
    ]);
    // Audit entries about the person: the trainer's look at their results, as subject.
    expect(data.auditLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'report.learner',
          subjectId: learner.id,
          role: 'subject',
        }),
      ]),
    );
  });

  it('holds nothing secret and nothing about anyone else', async () => {
    const body = (await learner.browser.get('/account/data.json')).body;
    expect(body).not.toContain('argon2');
    expect(body).not.toContain('password');
    expect(body).not.toContain('Omar Other');
    expect(body).not.toContain(other.email);
    const hashes = await ctx.database.db
      .selectFrom('account_tokens')
      .select('token_hash')
      .execute();
    for (const { token_hash } of hashes) expect(body).not.toContain(token_hash);
  });

  it('is written to the audit log, and listed in the next download', async () => {
    const entries = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'data.export')
      .where('subject_user_id', '=', learner.id)
      .execute();
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.every((entry) => entry.actor_id === learner.id)).toBe(true);
    const data = JSON.parse((await learner.browser.get('/account/data.json')).body) as Export;
    expect(data.auditLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'data.export', role: 'actor and subject' }),
      ]),
    );
  });

  it('sends an anonymous visitor to the login page', async () => {
    const response = await ctx.app.inject({ url: '/account/data.json' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?next=%2Faccount%2Fdata.json');
  });
});

describe('an admin downloading a user’s data', () => {
  it('gets the same document, recorded with the admin as actor', async () => {
    const response = await adminBrowser.get(`/admin/users/${learner.id}/data.json`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(`lantern-data-${learner.id}-`);
    const data = JSON.parse(response.body) as Export;
    expect(data.profile).toMatchObject({ id: learner.id, name: 'Leila Learner' });
    const entry = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'data.export')
      .where('actor_id', '=', adminId)
      .executeTakeFirstOrThrow();
    expect(entry.subject_user_id).toBe(learner.id);
    const log = await adminBrowser.get('/admin/audit');
    expect(log.body).toContain(
      'Ada Admin\u2069 downloaded the personal data of \u2068Leila Learner',
    );
    expect((await adminBrowser.get('/admin/users/999999/data.json')).statusCode).toBe(404);
  });

  it('is offered on the users page', async () => {
    const list = await adminBrowser.get('/admin/users?q=Leila');
    expect(list.body).toContain(`href="/admin/users/${learner.id}/data.json"`);
    expect(list.body).toContain(`href="/admin/users/${learner.id}/erase"`);
  });

  for (const role of ['learner', 'trainer'] as const) {
    it(`is refused to a ${role}`, async () => {
      const { browser } = await signIn(ctx, role);
      const response = await browser.get(`/admin/users/${learner.id}/data.json`);
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain('Leila Learner');
    });
  }

  it('sends an anonymous visitor to the login page', async () => {
    const response = await ctx.app.inject({ url: `/admin/users/${learner.id}/data.json` });
    expect(response.statusCode).toBe(303);
  });
});
