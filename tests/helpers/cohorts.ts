import type { TestContext } from './app.js';
import type { TestBrowser } from './client.js';

/**
 * A cohort made by a signed-in trainer (or admin) through the form, for one course and with no
 * due date; returns its id and join code.
 */
export async function createCohortAs(
  ctx: TestContext,
  trainer: TestBrowser,
  cohort: { name: string; courseId: number },
): Promise<{ id: number; code: string }> {
  await trainer.get('/trainer/cohorts/new');
  const created = await trainer.post('/trainer/cohorts', {
    name: cohort.name,
    courses: String(cohort.courseId),
    due_on: '',
  });
  const id = Number(/\/trainer\/cohorts\/(\d+)/.exec(String(created.headers.location))?.[1]);
  if (created.statusCode !== 303 || !id)
    throw new Error(`createCohortAs: ${created.statusCode} ${created.body.slice(0, 200)}`);
  const { join_code: code } = await ctx.database.db
    .selectFrom('cohorts')
    .select('join_code')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, code };
}

/** A signed-in learner joins a cohort with its code, as on the join page. */
export async function joinCohort(browser: TestBrowser, code: string): Promise<void> {
  await browser.get(`/join/${code}`);
  const joined = await browser.post('/join', { code });
  if (joined.statusCode !== 303) throw new Error(`joinCohort: ${joined.statusCode}`);
}
