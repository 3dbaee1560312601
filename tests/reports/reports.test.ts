import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/db/database.js';
import { learnerPage } from '../../src/reports/learner-table.js';
import {
  createTestApp,
  makeUser,
  signIn,
  TEST_PASSWORD,
  type TestContext,
} from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { tableRows, textById, textOf } from './html.js';

let ctx: TestContext;
let trainer: TestBrowser;
let cohortId: number;
let courseId: number;
const base = '/courses/example-course';
const people: Record<string, { id: number; browser: TestBrowser; email: string }> = {};

async function person(key: string, name: string) {
  // A confirmed address, as certificates are issued to confirmed addresses only.
  const { user, browser } = await signIn(ctx, 'learner', { name, verified: true });
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
  // Where each learner stopped reaches the database a moment after their page (learn/places.ts);
  // the trainer's reports below are read after that moment.
  await ctx.app.learnerPlaces.flush();
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
    // The refused page read nothing of the outsider's, so the audit log does not name them.
    const named = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_user_id', '=', outsider.id)
      .execute();
    expect(named).toEqual([]);
  });
});

describe('question analysis', () => {
  it('uses first attempts, names the right answer and the most chosen wrong one, in words', async () => {
    const page = await trainer.get(`/trainer/cohorts/${cohortId}/items`);
    const rows = tableRows(page.body, 'items-table');
    expect(rows).toContainEqual([
      'Basics check',
      'What does the first lesson say?',
      'Hello',
      '1',
      '0%',
      'Goodbye (chosen by 1 learner)',
    ]);
    expect(rows).toContainEqual([
      'Final check',
      'This is the last quiz.',
      'True',
      '2',
      '50%',
      'False (chosen by 1 learner)',
    ]);
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
    expect(items.body).toContain('What does the first lesson say?,Hello,1,0,0,Goodbye,1');
  });
});

/** An admin (who sees every cohort) reading the reports in another language. */
async function adminIn(locale: Locale): Promise<TestBrowser> {
  const admin = await makeUser(ctx, 'admin', { locale });
  const browser = new TestBrowser(ctx.app);
  await browser.login(admin.email, TEST_PASSWORD);
  return browser;
}

describe('issue 15: the trainer pages', () => {
  const idleNames = ['=HYPERLINK("http://x")', 'Adam Added'];

  it('wide tables scroll inside a labelled, focusable region with a hint; filters may shrink', async () => {
    for (const path of ['learners', 'items']) {
      const page = await trainer.get(`/trainer/cohorts/${cohortId}/${path}`);
      const region =
        /<div class="table-wrap" role="region" tabindex="0" aria-label="([^"]+)" aria-describedby="([^"]+)">/.exec(
          page.body,
        );
      expect(region, path).not.toBeNull();
      expect(region![1]).toBe(path === 'learners' ? 'Learners' : 'Question analysis');
      expect(textById(page.body, region![2]!)).toBe('Scroll sideways to see all columns.');
    }
    const learners = await trainer.get(`/trainer/cohorts/${cohortId}/learners`);
    expect(learners.body).toContain('class="filters report-filters"');
  });

  it('shows "No activity yet" for members who did nothing since joining, and lists them last in both directions', async () => {
    const query = {
      cohortId,
      courseId,
      dueOn: null,
      filters: {},
      sort: 'activity' as const,
      limit: 50,
    };
    for (const direction of ['asc', 'desc'] as const) {
      const all = await learnerPage(ctx.database.db, { ...query, direction }, null);
      expect(
        all.rows
          .slice(3)
          .map((row) => row.name)
          .sort(),
        direction,
      ).toEqual(idleNames);
      expect(all.rows.slice(3).map((row) => row.last_activity_at)).toEqual([null, null]);
      const dates = all.rows.slice(0, 3).map((row) => row.last_activity_at!.getTime());
      const sorted = [...dates].sort((a, b) => (direction === 'asc' ? a - b : b - a));
      expect(dates).toEqual(sorted);
      // One row per page: the keyset cursor keeps every timestamp's microseconds, so nobody is
      // repeated or skipped, the learners without activity included.
      const paged: number[] = [];
      let after: string | undefined;
      do {
        const page = await learnerPage(
          ctx.database.db,
          { ...query, direction, limit: 1, after },
          null,
        );
        paged.push(...page.rows.map((row) => row.id));
        after = page.next;
      } while (after && paged.length < 10);
      expect(paged, direction).toEqual(all.rows.map((row) => row.id));
    }

    const page = await trainer.get(`/trainer/cohorts/${cohortId}/learners?sort=activity&dir=asc`);
    const rows = tableRows(page.body, 'learners');
    expect(rows.slice(3).map((row) => row[3])).toEqual(['No activity yet', 'No activity yet']);
    expect(rows.slice(0, 3).map((row) => row[3])).not.toContain('No activity yet');
    const active = await trainer.get(`/trainer/cohorts/${cohortId}/learners?active=7`);
    expect(active.body).toContain('3 learners match');
    const inactive = await trainer.get(`/trainer/cohorts/${cohortId}/learners?active=-14`);
    expect(tableRows(inactive.body, 'learners').map((row) => row[0]!.split(' ')[0])).toEqual([
      '=HYPERLINK("http://x")',
      'Adam',
    ]);
    const csv = await trainer.get(`/trainer/cohorts/${cohortId}/learners.csv?sort=name`);
    expect(csv.body).toMatch(/\r\nAdam Added,[^,]+,Not started,0,No activity yet,,0,\r\n/);
    const detail = await trainer.get(`/trainer/cohorts/${cohortId}/learners/${people.added!.id}`);
    expect(textOf(detail.body)).toContain('Last activity: No activity yet');
  });

  it('the question analysis CSV writes answers in words in the trainer’s language, never true/false or ids', async () => {
    const csv = await trainer.get(`/trainer/cohorts/${cohortId}/items.csv`);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Quiz,Question,Correct answer,Answered,Answered correctly,% correct,Most chosen wrong answer,Chosen by',
    );
    expect(lines).toContain('Basics check,Which are colours?,Red | Blue,1,0,0,,');
    expect(lines).toContain('Basics check,The sky is green.,False,1,1,100,,');
    expect(lines).toContain('Final check,This is the last quiz.,True,2,1,50,False,1');
    expect(csv.body).not.toMatch(/(^|,)(true|false|goodbye|hello)(,|\r)/m);

    const french = await (await adminIn('fr')).get(`/trainer/cohorts/${cohortId}/items.csv`);
    const frenchLines = french.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(frenchLines[0]).toBe(
      'Quiz,Question,Bonne réponse,Réponses,Bonnes réponses,% de bonnes réponses,Mauvaise réponse la plus choisie,Choisie par',
    );
    expect(frenchLines).toContain(
      'Vérification des bases,Que dit la première leçon ?,Bonjour,1,0,0,Au revoir,1',
    );
    expect(frenchLines).toContain("Vérification finale,C'est le dernier quiz.,Vrai,2,1,50,Faux,1");
  });

  it('counts read naturally in every language: one member, two members, Arabic’s six forms', async () => {
    await trainer.get('/trainer/cohorts/new');
    const solo = await trainer.post('/trainer/cohorts', {
      name: 'Solo cohort',
      courses: String(courseId),
      due_on: '',
    });
    const soloId = Number(/\/trainer\/cohorts\/(\d+)/.exec(String(solo.headers.location))![1]);
    await trainer.get(`/trainer/cohorts/${soloId}`);
    await trainer.post(`/trainer/cohorts/${soloId}/members`, { emails: 'solo@example.org' });
    expect(textOf((await trainer.get(`/trainer/cohorts/${soloId}`)).body)).toContain(
      '1 invitation recorded.',
    );
    const { join_code: code } = await ctx.database.db
      .selectFrom('cohorts')
      .select('join_code')
      .where('id', '=', soloId)
      .executeTakeFirstOrThrow();
    await people.reading!.browser.get(`/join/${code}`);
    await people.reading!.browser.post('/join', { code });

    const english = textOf((await trainer.get('/trainer/cohorts')).body);
    expect(english).toContain('1 member');
    expect(english).toContain('5 members');
    expect(english).not.toMatch(/\b1 members\b/);
    const arabic = textOf((await (await adminIn('ar')).get('/trainer/cohorts')).body);
    expect(arabic).toContain('عضو واحد');
    expect(arabic).toContain('5 أعضاء');
    const spanish = textOf((await (await adminIn('es')).get('/trainer/cohorts')).body);
    expect(spanish).toContain('1 miembro');
    expect(spanish).toContain('5 miembros');

    // Every trainer page of the cohort, in English: never "1 learners", "1 members" and the like.
    for (const path of ['', '/learners', '/items', '/print', `/learners/${people.done!.id}`]) {
      const page = textOf((await trainer.get(`/trainer/cohorts/${cohortId}${path}`)).body);
      expect(page, path).not.toMatch(/(^|[^\d])1 (learners|members|people|invitations|answers)\b/);
    }
    const items = textOf((await trainer.get(`/trainer/cohorts/${cohortId}/items`)).body);
    expect(items).toContain('chosen by 1 learner)');
    const arabicItems = textOf(
      (await (await adminIn('ar')).get(`/trainer/cohorts/${cohortId}/items`)).body,
    );
    expect(arabicItems).toContain('اختارها متعلّم واحد');
  });

  it('each chart has a visible title, labelled axes with units and a text equivalent next to it', async () => {
    const { day } = await ctx.database.db
      .selectFrom('enrolments')
      .select((eb) => eb.fn<string>('to_char', ['completed_at', eb.val('YYYY-MM-DD')]).as('day'))
      .where('course_id', '=', courseId)
      .where('completed_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const longDay = (locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      );
    const page = await trainer.get(`/trainer/cohorts/${cohortId}`);
    const figures = [...page.body.matchAll(/<figure class="report-chart"[\s\S]*?<\/figure>/g)].map(
      (m) => m[0],
    );
    expect(figures).toHaveLength(2);
    for (const figure of figures) {
      const id = /aria-labelledby="([^"]+)-title"/.exec(figure)![1]!;
      expect(figure).toMatch(
        new RegExp(`<figcaption><h3 id="${id}-title">[^<]+</h3></figcaption>`),
      );
      expect(figure).toMatch(
        new RegExp(
          `<svg class="chart"[^>]* role="img" aria-label="[^"]+" aria-describedby="${id}-summary"`,
        ),
      );
      expect(figure).toContain(`<p class="chart-summary" id="${id}-summary">`);
      expect(figure).toMatch(/<details><summary>Data of the chart<\/summary>\s*<table>/);
    }
    const [completions, scores] = figures as [string, string];
    expect(textById(completions, 'chart-' + courseId + '-completions-title')).toBe(
      'Completions over time',
    );
    expect(completions).toContain('>Day (year-month-day)</text>');
    expect(completions).toContain('>Learners completed (running total)</text>');
    expect(textById(completions, `chart-${courseId}-completions-summary`)).toBe(
      `1 learner has completed the course so far; the latest completion was on ${longDay('en')}.`,
    );
    expect(textById(scores, `chart-${courseId}-scores-title`)).toBe('Final scores');
    expect(scores).toContain('>Final score (%)</text>');
    expect(scores).toContain('>Learners (number)</text>');
    expect(textById(scores, `chart-${courseId}-scores-summary`)).toBe(
      '2 learners have a final score: 50% on average, from 0% to 100%.',
    );

    const arabic = (await (await adminIn('ar')).get(`/trainer/cohorts/${cohortId}`)).body;
    expect(arabic).toContain('>النتيجة النهائية (%)</text>');
    expect(arabic).toContain('>المتعلّمون (العدد)</text>');
    expect(textById(arabic, `chart-${courseId}-scores-summary`)).toBe(
      'حصل متعلّمان على نتيجة نهائية: المتوسط 50%، وتتراوح النتائج بين 0% و100%.',
    );
    expect(textById(arabic, `chart-${courseId}-completions-summary`)).toBe(
      `أكمل متعلّم واحد الدورة حتى الآن، وكان آخر إتمام في ${longDay('ar')}.`,
    );
  });

  it('the printed report shows what the screen shows: figures, both charts and the learner table, in the reader’s language and direction', async () => {
    const page = await trainer.get(`/trainer/cohorts/${cohortId}/print`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="en" dir="ltr">');
    expect(page.body.match(/<svg class="chart"/g)).toHaveLength(2);
    expect(page.body.match(/<details open>/g)).toHaveLength(2);
    expect(page.body).toContain('<dt>Members</dt><dd>5</dd>');
    const rows = tableRows(page.body, 'learners');
    expect(rows.map((row) => row[0]!.replace(/ \S+@\S+$/, ''))).toEqual([
      '=HYPERLINK("http://x")',
      'Adam Added',
      'Dina Done',
      'Farah Failed',
      'Rami Reading',
    ]);
    expect(rows[1]![3]).toBe('No activity yet');
    expect(rows[2]!.slice(1, 3)).toEqual(['Completed', '100%']);

    const arabic = (await (await adminIn('ar')).get(`/trainer/cohorts/${cohortId}/print`)).body;
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(arabic).toContain('<dt>الأعضاء</dt><dd>5</dd>');
    expect(arabic).toContain('<h3>المتعلّمون</h3>');
    expect(tableRows(arabic, 'learners')[1]![3]).toBe('لا نشاط بعد');
    expect(arabic.match(/<svg class="chart"/g)).toHaveLength(2);
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
