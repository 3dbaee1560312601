import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackage } from '../../src/scorm/import.js';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { buildMastery12 } from '../scorm/fixtures.js';
import { launchOf, scoredCommit12 } from '../scorm/integration.js';
import { tableRows } from './html.js';

// A trainer's reports include SCORM attempts: status, score, time, the version each attempt ran
// on, the interactions, and per-interaction analysis across the cohort.
let ctx: TestContext;
let trainer: TestBrowser;
let cohortId: number;
const learners: Array<{ id: number; browser: TestBrowser }> = [];

function commit12(
  seq: number,
  status: string,
  raw: string,
  answers: Array<[string, string, string]>,
) {
  return scoredCommit12(
    seq,
    { status, raw, time: '00:12:00', location: 'q3' },
    answers.map(([id, response, result]) => ({
      id,
      type: 'choice',
      student_response: response,
      result,
      correct_responses: { '0': { pattern: 'a' } },
    })),
  );
}

beforeAll(async () => {
  ctx = await createTestApp();
  const imported = await importPackage(
    ctx.database.db,
    await buildMastery12(mkdtempSync(join(tmpdir(), 'lantern-scorm-report-'))),
    { dataDir: ctx.config.dataDir, slug: 'safeguarding-quiz' },
  );
  const trainerUser = await makeUser(ctx, 'trainer');
  trainer = new TestBrowser(ctx.app);
  await trainer.login(trainerUser.email, TEST_PASSWORD);
  await trainer.get('/trainer/cohorts/new');
  const created = await trainer.post('/trainer/cohorts', {
    name: 'SCORM cohort',
    courses: String(imported.courseId),
    due_on: '',
  });
  cohortId = Number(/\/trainer\/cohorts\/(\d+)/.exec(String(created.headers.location))![1]);
  const { join_code: code } = await ctx.database.db
    .selectFrom('cohorts')
    .select('join_code')
    .where('id', '=', cohortId)
    .executeTakeFirstOrThrow();

  const outcomes: Array<[string, string, Array<[string, string, string]>]> = [
    [
      'passed',
      '90',
      [
        ['q1', 'a', 'correct'],
        ['q2', 'c', 'wrong'],
      ],
    ],
    [
      'failed',
      '40',
      [
        ['q1', 'b', 'wrong'],
        ['q2', 'c', 'wrong'],
      ],
    ],
    [
      'failed',
      '50',
      [
        ['q1', 'b', 'wrong'],
        ['q2', 'd', 'wrong'],
      ],
    ],
  ];
  for (const [status, raw, answers] of outcomes) {
    const user = await makeUser(ctx, 'learner');
    const browser = new TestBrowser(ctx.app);
    await browser.login(user.email, TEST_PASSWORD);
    await browser.get(`/join/${code}`);
    await browser.post('/join', { code });
    const player = await browser.get('/courses/safeguarding-quiz/scos/quiz');
    expect(player.statusCode).toBe(200);
    const stored = await ctx.app.inject({
      method: 'POST',
      url: launchOf(player).commitUrl,
      headers: { 'content-type': 'application/json' },
      payload: commit12(1_000_001, status, raw, answers),
    });
    expect(stored.json()).toMatchObject({ result: true, stored: true });
    learners.push({ id: user.id, browser });
  }
});
afterAll(async () => ctx.close());

describe('SCORM in the trainer reports', () => {
  it('the drill-down shows each SCORM attempt with status, score, package version and interactions', async () => {
    const page = await trainer.get(`/trainer/cohorts/${cohortId}/learners/${learners[0]!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('SCORM attempts');
    expect(page.body).toMatch(/Final quiz · attempt 1 \(package version 1\) · Passed · Score: 90%/);
    expect(page.body).toContain('<td dir="ltr">q2</td><td dir="ltr">c</td><td>incorrect</td>');
  });

  it('item analysis has a row per SCORM interaction: the correct response, answered, % correct and the most chosen wrong response', async () => {
    const page = await trainer.get(`/trainer/cohorts/${cohortId}/items`);
    expect(page.statusCode).toBe(200);
    const rows = tableRows(page.body, 'items-table').filter((row) => row[0] === 'Final quiz');
    expect(rows).toEqual([
      ['Final quiz', 'q1', 'a', '3', '33%', 'b (chosen by 2 learners)'],
      ['Final quiz', 'q2', 'a', '3', '0%', 'c (chosen by 2 learners)'],
    ]);
  });

  it('the completed learner counts as completed on the dashboard; failed ones as in progress', async () => {
    const page = await trainer.get(`/trainer/cohorts/${cohortId}`);
    const stats = Object.fromEntries(
      [...page.body.matchAll(/<dt>([^<]+)<\/dt><dd>([^<]+)<\/dd>/g)].map((m) => [m[1], m[2]]),
    );
    expect(stats).toMatchObject({ Members: '3', Completed: '1' });
  });

  it('another trainer is refused the drill-down', async () => {
    const other = await makeUser(ctx, 'trainer');
    const browser = new TestBrowser(ctx.app);
    await browser.login(other.email, TEST_PASSWORD);
    expect(
      (await browser.get(`/trainer/cohorts/${cohortId}/learners/${learners[0]!.id}`)).statusCode,
    ).toBe(403);
  });
});
