// A cohort lets its trainer read its members' results, so nobody becomes a member without
// agreeing to it, and adding addresses tells the trainer nothing about who has an account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';

let ctx: TestContext;
let trainer: TestBrowser;
let cohortId: number;

async function signedIn(role: 'learner' | 'trainer' | 'admin' = 'learner') {
  const user = await makeUser(ctx, role);
  const browser = new TestBrowser(ctx.app);
  await browser.login(user.email, TEST_PASSWORD);
  return { user, browser };
}

const flashAfter = async (browser: TestBrowser, response: { headers: Record<string, unknown> }) => {
  const page = await browser.get(String(response.headers.location));
  return /<p class="flash"[^>]*>([\s\S]*?)<\/p>/.exec(page.body)?.[1]?.trim();
};

beforeAll(async () => {
  ctx = await createTestApp();
  trainer = (await signedIn('trainer')).browser;
  const courseId = (
    await ctx.database.db
      .selectFrom('courses')
      .select('id')
      .where('slug', '=', 'example-course')
      .executeTakeFirstOrThrow()
  ).id;
  await trainer.get('/trainer/cohorts/new');
  const created = await trainer.post('/trainer/cohorts', {
    name: 'Privacy cohort',
    courses: String(courseId),
  });
  cohortId = Number(/\/trainer\/cohorts\/(\d+)/.exec(String(created.headers.location))![1]);
  await trainer.get(`/trainer/cohorts/${cohortId}`);
});
afterAll(async () => ctx.close());

describe('inviting to a cohort', () => {
  it('answers the same whether or not the addresses have accounts, and makes nobody a member', async () => {
    const learner = await makeUser(ctx);
    const otherTrainer = await makeUser(ctx, 'trainer');
    const admin = await makeUser(ctx, 'admin');
    const known = await trainer.post(`/trainer/cohorts/${cohortId}/members`, {
      emails: `${learner.email}\n${otherTrainer.email}\n${admin.email}`,
    });
    const knownFlash = await flashAfter(trainer, known);
    await trainer.get(`/trainer/cohorts/${cohortId}`);
    const unknown = await trainer.post(`/trainer/cohorts/${cohortId}/members`, {
      emails: 'nobody-1@example.org\nnobody-2@example.org\nnobody-3@example.org',
    });
    const unknownFlash = await flashAfter(trainer, unknown);
    expect(knownFlash).toBeTruthy();
    expect(knownFlash).toBe(unknownFlash);
    expect(known.headers.location).toBe(unknown.headers.location);

    const members = await ctx.database.db
      .selectFrom('cohort_members')
      .select('user_id')
      .where('cohort_id', '=', cohortId)
      .execute();
    expect(members).toEqual([]);
    const enrolments = await ctx.database.db
      .selectFrom('enrolments')
      .select('user_id')
      .where('user_id', 'in', [learner.id, otherTrainer.id, admin.id])
      .execute();
    expect(enrolments).toEqual([]);
  });

  it('shows the trainer nothing of an invited person until they accept, and everything they agreed to after', async () => {
    const { user, browser } = await signedIn();
    await trainer.get(`/trainer/cohorts/${cohortId}`);
    await trainer.post(`/trainer/cohorts/${cohortId}/members`, { emails: user.email });

    expect((await trainer.get(`/trainer/cohorts/${cohortId}/learners/${user.id}`)).statusCode).toBe(
      404,
    );
    expect((await trainer.get(`/trainer/cohorts/${cohortId}/learners`)).body).not.toContain(
      user.name,
    );
    expect((await trainer.get(`/trainer/cohorts/${cohortId}/learners.csv`)).body).not.toContain(
      user.email,
    );

    const myLearning = await browser.get('/my-learning');
    expect(myLearning.body).toContain('Privacy cohort');
    const accept = /action="(\/invitations\/\d+\/accept)"/.exec(myLearning.body)![1]!;
    expect((await browser.post(accept)).statusCode).toBe(303);

    expect((await trainer.get(`/trainer/cohorts/${cohortId}/learners/${user.id}`)).statusCode).toBe(
      200,
    );
    expect((await trainer.get(`/trainer/cohorts/${cohortId}/learners.csv`)).body).toContain(
      user.email,
    );
    // Accepting enrols in the cohort's courses.
    const enrolment = await ctx.database.db
      .selectFrom('enrolments')
      .select('status')
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    expect(enrolment?.status).toBe('active');
  });

  it('lets a declined invitation look like a pending one to the trainer', async () => {
    const { user, browser } = await signedIn();
    await trainer.get(`/trainer/cohorts/${cohortId}`);
    await trainer.post(`/trainer/cohorts/${cohortId}/members`, {
      emails: `${user.email}, never-registered@example.org`,
    });
    const decline = /action="(\/invitations\/\d+\/decline)"/.exec(
      (await browser.get('/my-learning')).body,
    )![1]!;
    expect((await browser.post(decline)).statusCode).toBe(303);
    const dashboard = (await trainer.get(`/trainer/cohorts/${cohortId}`)).body;
    expect(dashboard).toContain(user.email);
    expect(dashboard).toContain('never-registered@example.org');
    expect((await trainer.get(`/trainer/cohorts/${cohortId}/learners/${user.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses to let anyone answer an invitation addressed to somebody else', async () => {
    const invited = await makeUser(ctx);
    await trainer.get(`/trainer/cohorts/${cohortId}`);
    await trainer.post(`/trainer/cohorts/${cohortId}/members`, { emails: invited.email });
    const { id } = await ctx.database.db
      .selectFrom('cohort_invitations')
      .select('id')
      .where('email', '=', invited.email)
      .executeTakeFirstOrThrow();
    const intruder = await signedIn();
    await intruder.browser.get('/my-learning');
    expect((await intruder.browser.post(`/invitations/${id}/accept`)).statusCode).toBe(303);
    const members = await ctx.database.db
      .selectFrom('cohort_members')
      .select('user_id')
      .where('cohort_id', '=', cohortId)
      .where('user_id', '=', intruder.user.id)
      .execute();
    expect(members).toEqual([]);
    const anonymous = new TestBrowser(ctx.app);
    await anonymous.get('/login');
    expect((await anonymous.post(`/invitations/${id}/accept`)).statusCode).toBe(403);
  });

  it('lets an admin add existing accounts directly and invite the rest', async () => {
    const admin = (await signedIn('admin')).browser;
    const learner = await makeUser(ctx);
    await admin.get(`/trainer/cohorts/${cohortId}`);
    await admin.post(`/trainer/cohorts/${cohortId}/members`, {
      emails: `${learner.email}, newcomer@example.org`,
    });
    const member = await ctx.database.db
      .selectFrom('cohort_members')
      .select('user_id')
      .where('cohort_id', '=', cohortId)
      .where('user_id', '=', learner.id)
      .executeTakeFirst();
    expect(member?.user_id).toBe(learner.id);
    const invitation = await ctx.database.db
      .selectFrom('cohort_invitations')
      .select('email')
      .where('cohort_id', '=', cohortId)
      .where('email', '=', 'newcomer@example.org')
      .executeTakeFirst();
    expect(invitation).toBeDefined();
  });

  it('lets the trainer withdraw an invitation', async () => {
    await trainer.get(`/trainer/cohorts/${cohortId}`);
    await trainer.post(`/trainer/cohorts/${cohortId}/members`, {
      emails: 'withdraw-me@example.org',
    });
    const { id } = await ctx.database.db
      .selectFrom('cohort_invitations')
      .select('id')
      .where('email', '=', 'withdraw-me@example.org')
      .executeTakeFirstOrThrow();
    await trainer.get(`/trainer/cohorts/${cohortId}`);
    expect(
      (await trainer.post(`/trainer/cohorts/${cohortId}/invitations/${id}/withdraw`)).statusCode,
    ).toBe(303);
    expect((await trainer.get(`/trainer/cohorts/${cohortId}`)).body).not.toContain(
      'withdraw-me@example.org',
    );
  });
});
