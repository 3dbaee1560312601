import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnerPage } from '../../src/reports/learner-table.js';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';

let ctx: TestContext;
let trainer: TestBrowser;
let cohortId: number;
let courseId: number;
const base = '/courses/example-course';
const people: Record<string, { id: number; browser: TestBrowser; email: string }> = {};

async function person(key: string, name: string) {
  const user = await makeUser(ctx, 'learner', { name });
  const browser = new TestBrowser(ctx.app);
  await browser.login(user.email, TEST_PASSWORD);
  people[key] = { id: user.id, browser, email: user.email };
  return people[key];
}

beforeAll(async () => {
  ctx = await createTestApp();
  const trainerUser = await makeUser(ctx, 'trainer', { name: 'Tariq Trainer' });
  trainer = new TestBrowser(ctx.app);
  await trainer.login(trainerUser.email, TEST_PASSWORD);
  courseId = (
    await ctx.database.db
      .selectFrom('courses')
      .select('id')
      .where('slug', '=', 'example-course')
      .executeTakeFirstOrThrow()
  ).id;
  await trainer.get('/trainer/cohorts/new');
  const created = await trainer.post('/trainer/cohorts', {
    name: 'Field team',
    courses: String(courseId),
    due_on: '',
  });
  expect(created.statusCode).toBe(303);
  cohortId = Number(/\/trainer\/cohorts\/(\d+)/.exec(String(created.headers.location))![1]);
  const { join_code: code } = await ctx.database.db
    .selectFrom('cohorts')
    .select('join_code')
    .where('id', '=', cohortId)
    .executeTakeFirstOrThrow();

  // Four learners join with the code; a fifth is invited by the trainer by email and accepts.
  for (const [key, name] of [
    ['done', 'Dina Done'],
    ['reading', 'Rami Reading'],
    ['idle', '=HYPERLINK("http://x")'],
    ['failed', 'Farah Failed'],
  ] as const) {
    const { browser } = await person(key, name);
    await browser.get(`/join/${code}`);
    expect((await browser.post('/join', { code })).statusCode).toBe(303);
  }
  await trainer.get(`/trainer/cohorts/${cohortId}`);
  const added = await person('added', 'Adam Added');
  await trainer.post(`/trainer/cohorts/${cohortId}/members`, {
    emails: `${added.email}, nobody@example.org`,
  });
  const invitation = /action="(\/invitations\/\d+\/accept)"/.exec(
    (await added.browser.get('/my-learning')).body,
  )![1]!;
  expect((await added.browser.post(invitation)).statusCode).toBe(303);

  const done = people.done!.browser;
  await done.post(`${base}/lessons/welcome/complete`);
  await done.post(`${base}/lessons/english-only/complete`);
  await done.get(`${base}/quizzes/basics-check`);
  await done.post(`${base}/quizzes/basics-check/submit`, {
    'q-greeting': 'goodbye',
    'q-colours': 'red',
    'q-sky': 'false',
  });
  await done.post(`${base}/quizzes/basics-check/retry`);
  await done.post(`${base}/quizzes/basics-check/submit`, {
    'q-greeting': 'hello',
    'q-colours': 'red',
    'q-sky': 'false',
  });
  await done.get(`${base}/quizzes/final-check`);
  await done.post(`${base}/quizzes/final-check/submit`, { 'q-done': 'true' });
  await people.reading!.browser.post(`${base}/lessons/welcome/complete`);
  await people.failed!.browser.get(`${base}/quizzes/final-check`);
  await people.failed!.browser.post(`${base}/quizzes/final-check/submit`, { 'q-done': 'false' });
});
afterAll(async () => ctx.close());

describe('cohort dashboard', () => {
  it('counts members by status and averages final scores, as computed by hand', async () => {
    const page = await trainer.get(`/trainer/cohorts/${cohortId}`);
    expect(page.statusCode).toBe(200);
    const stats = [...page.body.matchAll(/<dt>([^<]+)<\/dt><dd>([^<]+)<\/dd>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(Object.fromEntries(stats)).toEqual({
      Members: '5',
      'Not started': '2',
      'In progress': '2',
      Completed: '1',
      Overdue: '0',
      'Average final score': '50%',
    });
    expect(page.body).toContain('<svg class="chart"');
    expect(page.body).toMatch(/<td dir="ltr">90–100<\/td><td>1<\/td>/);
    expect(page.body).toMatch(/<td dir="ltr">0–9<\/td><td>1<\/td>/);
  });

  it('counts overdue learners once the due date has passed', async () => {
    await ctx.database.db
      .updateTable('cohorts')
      .set({ due_on: '2020-01-31' })
      .where('id', '=', cohortId)
      .execute();
    const page = await trainer.get(`/trainer/cohorts/${cohortId}`);
    expect(page.body).toContain('<dt>Overdue</dt><dd>4</dd>');
    await ctx.database.db
      .updateTable('cohorts')
      .set({ due_on: null })
      .where('id', '=', cohortId)
      .execute();
  });
});

describe('learner table', () => {
  it('sorts, filters and paginates by keyset', async () => {
    const query = {
      cohortId,
      courseId,
      dueOn: null,
      filters: {},
      sort: 'progress' as const,
      direction: 'desc' as const,
      limit: 2,
    };
    const first = await learnerPage(ctx.database.db, query, null);
    expect(first.total).toBe(5);
    expect(first.rows.map((row) => row.name)).toEqual(['Dina Done', 'Rami Reading']);
    const second = await learnerPage(ctx.database.db, { ...query, after: first.next }, null);
    const third = await learnerPage(ctx.database.db, { ...query, after: second.next }, null);
    expect([...second.rows, ...third.rows].map((row) => row.progress)).toEqual([0, 0, 0]);
    expect(new Set([...first.rows, ...second.rows, ...third.rows].map((row) => row.id)).size).toBe(
      5,
    );
    expect(third.next).toBeUndefined();

    const completed = await trainer.get(`/trainer/cohorts/${cohortId}/learners?status=completed`);
    expect(completed.body).toContain('1 learner matches');
    expect(completed.body).toContain('Dina Done');
    const scored = await trainer.get(`/trainer/cohorts/${cohortId}/learners?max=10&sort=score`);
    expect(scored.body).toContain('Farah Failed');
    expect(scored.body).not.toContain('Dina Done');
    const searched = await trainer.get(`/trainer/cohorts/${cohortId}/learners?q=rami`, {
      'hx-request': 'true',
      'hx-target': 'div#learner-results',
    });
    expect(searched.body).not.toContain('<html');
    expect(searched.body).toContain('Rami Reading');
  });

  it('explains invalid filters and sort keys instead of failing', async () => {
    const response = await trainer.get(
      `/trainer/cohorts/${cohortId}/learners?sort=password&min=abc&status=weird`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Some filters were not understood');
    expect(response.body).toContain('status, min, sort');
    const cursor = await trainer.get(`/trainer/cohorts/${cohortId}/learners?after=not-a-cursor`);
    expect(cursor.statusCode).toBe(200);
  });

  it('drills down to one learner’s lessons and quiz attempts with their answers', async () => {
    const page = await trainer.get(`/trainer/cohorts/${cohortId}/learners/${people.done!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No, that comes at the end.');
    expect(page.body.match(/class="attempt"/g)).toHaveLength(3);
    const outsider = await makeUser(ctx, 'learner');
    expect(
      (await trainer.get(`/trainer/cohorts/${cohortId}/learners/${outsider.id}`)).statusCode,
    ).toBe(404);
  });
});

describe('question analysis', () => {
  it('uses first attempts and names the most chosen wrong answer', async () => {
    const page = await trainer.get(`/trainer/cohorts/${cohortId}/items`);
    const rows = [
      ...page.body.matchAll(
        /<tr class="[^"]*">\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<td>(\d+)<\/td>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>/g,
      ),
    ].map((m) => m.slice(1).map((cell) => cell.trim()));
    expect(rows).toContainEqual([
      'Basics check',
      'What does the first lesson say?',
      '1',
      '0%',
      'Goodbye (1)',
    ]);
    expect(rows).toContainEqual(['Final check', 'This is the last quiz.', '2', '50%', 'False (1)']);
  });
});

describe('CSV exports', () => {
  it('streams UTF-8 with a BOM and neutralises formulas', async () => {
    const response = await trainer.get(`/trainer/cohorts/${cohortId}/learners.csv?sort=name`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Name,Email,Status,Progress %,Last activity,Final score,Time spent (minutes),Certificate',
    );
    expect(lines).toHaveLength(6);
    expect(response.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines.find((line) => line.startsWith('Dina Done'))).toMatch(
      /,Completed,100,.*,100,\d+,[A-Z2-9]{4}-/,
    );
    const items = await trainer.get(`/trainer/cohorts/${cohortId}/items.csv`);
    expect(items.body).toContain('What does the first lesson say?,1,0,Goodbye,1');
  });
});

describe('who may see cohorts and reports', () => {
  const routes = (id: number) => [
    `/trainer/cohorts/${id}`,
    `/trainer/cohorts/${id}/learners`,
    `/trainer/cohorts/${id}/learners.csv`,
    `/trainer/cohorts/${id}/items`,
    `/trainer/cohorts/${id}/items.csv`,
    `/trainer/cohorts/${id}/print`,
    `/trainer/cohorts/${id}/learners/${people.done!.id}`,
  ];

  it('refuses another trainer with 403 on every report route, export and action', async () => {
    const other = await makeUser(ctx, 'trainer');
    const browser = new TestBrowser(ctx.app);
    await browser.login(other.email, TEST_PASSWORD);
    for (const route of routes(cohortId))
      expect((await browser.get(route)).statusCode, route).toBe(403);
    await browser.get('/trainer/cohorts');
    for (const action of ['members', `members/${people.done!.id}/remove`, 'archive'])
      expect(
        (await browser.post(`/trainer/cohorts/${cohortId}/${action}`, { emails: 'x@example.org' }))
          .statusCode,
        action,
      ).toBe(403);
    expect((await browser.get('/trainer/cohorts')).body).not.toContain('Field team');
  });

  it('refuses a learner with 403 everywhere under the trainer area', async () => {
    const learner = people.reading!.browser;
    for (const route of [...routes(cohortId), '/trainer/cohorts', '/trainer/cohorts/new'])
      expect((await learner.get(route)).statusCode, route).toBe(403);
    expect(
      (await learner.post('/trainer/cohorts', { name: 'Mine', courses: String(courseId) }))
        .statusCode,
    ).toBe(403);
    expect((await learner.get('/admin/audit')).statusCode).toBe(403);
  });

  it('lets an admin see every cohort and read the audit log of what trainers viewed', async () => {
    const admin = await makeUser(ctx, 'admin');
    const browser = new TestBrowser(ctx.app);
    await browser.login(admin.email, TEST_PASSWORD);
    for (const route of routes(cohortId))
      expect((await browser.get(route)).statusCode, route).toBe(200);
    const audit = await browser.get('/admin/audit');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('export.learners');
    expect(audit.body).toContain('Tariq Trainer');
  });
});

describe('joining', () => {
  it('says when a code is wrong, expired or for an archived cohort', async () => {
    const learner = people.idle!.browser;
    expect((await learner.get('/join/NOPE1234')).body).toContain('No cohort has this code');
    const { join_code: code } = await ctx.database.db
      .selectFrom('cohorts')
      .select('join_code')
      .where('id', '=', cohortId)
      .executeTakeFirstOrThrow();
    await ctx.database.db
      .updateTable('cohorts')
      .set({ due_on: '2020-01-31' })
      .where('id', '=', cohortId)
      .execute();
    expect((await learner.get(`/join/${code}`)).body).toContain('This join code has expired');
    await ctx.database.db
      .updateTable('cohorts')
      .set({ due_on: null })
      .where('id', '=', cohortId)
      .execute();
    await trainer.get(`/trainer/cohorts/${cohortId}`);
    await trainer.post(`/trainer/cohorts/${cohortId}/archive`);
    const archived = await learner.get(`/join/${code}`);
    expect(archived.statusCode).toBe(404);
    expect(archived.body).toContain('This cohort is closed');
  });
});
