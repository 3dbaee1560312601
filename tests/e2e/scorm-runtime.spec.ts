/**
 * The SCORM runtime as real content drives it, in Chromium: the synchronous answers a SCO gets
 * from the cross-frame bridge right after Initialize (counts, pre-initialised objectives, two
 * interactions in a row), "in progress" as soon as a SCO starts, the status the LMS decides at
 * the end of a session (SCORM 1.2 finish-only, SCORM 2004 delivery controls), what happens when
 * a SCO terminates (its navigation request, or a closed panel), and a new attempt after a normal
 * exit. What was stored is read back where a trainer reads it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Frame, type Page } from '@playwright/test';
import {
  buildProbe12,
  buildProbe2004,
  buildProbeGlobal2004,
  buildProbePretest2004,
  buildProbeRandom2004,
  buildProbeRetry2004,
  buildProbeSequenced2004,
  buildProbeTimed2004,
} from '../scorm/probe-fixtures.js';
import {
  expectNoSeriousA11yViolations,
  importScormPackage,
  loginAsAdmin,
  loginAsTrainer,
  registerAndLogin,
} from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'lantern-e2e-probe-'));

type Lms = Record<string, (...args: string[]) => string>;

/** The SCO's own frame (inside the content-origin wrapper), once it has found the API. */
async function scoFrame(page: Page): Promise<Frame> {
  await expect(
    page.frameLocator('#sco-frame').frameLocator('#sco').locator('html[data-api="found"]'),
  ).toBeAttached();
  const frame = page.frames().find((f) => f.url().includes('probe.html'));
  if (!frame) throw new Error('no SCO frame');
  return frame;
}

/** Runs calls against the SCO's API inside its frame, synchronously, as content does. */
function inSco<T>(frame: Frame, calls: (lms: Lms) => T): Promise<T> {
  return frame.evaluate(`(${calls.toString()})(window.lms)`) as Promise<T>;
}

/** Imports packages as the admin (whose page then closes), checking the sequenced ones say so. */
async function importAsAdmin(
  browser: Browser,
  packages: Array<{ build: (dir: string) => Promise<string>; slug: string; sequenced?: boolean }>,
) {
  const admin = await (await browser.newContext()).newPage();
  await loginAsAdmin(admin);
  for (const { build, slug, sequenced } of packages) {
    await importScormPackage(admin, await build(dir), slug);
    if (sequenced) await expect(admin.locator('#import-report')).toContainText('Sequencing used');
  }
  await admin.context().close();
}

/** A new learner, in a browser context of their own, who has just enrolled in the course. */
async function enrolledLearner(browser: Browser, slug: string, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await registerAndLogin(page, { name });
  await page.goto(`/courses/${slug}`);
  await page.locator(`form[action="/courses/${slug}/enrol"] button`).click();
  return { context, page };
}

const commitStored = (page: Page) =>
  page.waitForResponse((r) => r.url().includes('/scorm/commit/') && r.ok());

test('SCORM 2004: exact answers after Initialize, in progress at once, delivery controls at the end, navigation on Terminate, a new attempt after a normal exit', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await importAsAdmin(browser, [{ build: buildProbe2004, slug: 'probe-2004' }]);

  // A trainer's cohort, to read back what was stored as the trainer sees it.
  const trainer = await (await browser.newContext()).newPage();
  await loginAsTrainer(trainer);
  await trainer.goto('/trainer/cohorts/new');
  await trainer.locator('#field-name').fill('Probe cohort');
  await trainer.getByLabel('Probe 2004').check();
  await trainer.getByRole('button', { name: 'Create the cohort' }).click();
  const code = (await trainer.locator('.join-box code').textContent())!.trim();

  const context = await browser.newContext();
  const page = await context.newPage();
  const scriptErrors: string[] = [];
  context.on('weberror', (error) => scriptErrors.push(error.error().message));
  await registerAndLogin(page, { name: 'Probe Learner' });
  await page.goto('/join');
  await page.locator('#field-code').fill(code);
  await page.locator('form[action="/join"] button').click();
  await expect(page).toHaveURL(/\/courses\/probe-2004$/);
  await expect(page.locator('.progress')).toContainText('Not started');

  await page.goto('/courses/probe-2004/scos/sco_objectives');
  let sco = await scoFrame(page);
  const initialised = commitStored(page);
  const answers = await inSco(sco, (lms) => {
    const out: Record<string, unknown> = { init: lms.Initialize!('') };
    out.entry = lms.GetValue!('cmi.entry');
    out.version = lms.GetValue!('cmi._version');
    out.objectives = lms.GetValue!('cmi.objectives._count');
    let extra = -1;
    for (let i = 0; i < Number(out.objectives); i++)
      if (lms.GetValue!(`cmi.objectives.${i}.id`) === 'obj_extra') extra = i;
    out.extra = extra;
    out.setObjective = lms.SetValue!(`cmi.objectives.${extra}.success_status`, 'passed');
    out.children = lms.GetValue!('cmi.interactions._children');
    const record = (id: string, response: string, result: string) => {
      const n = lms.GetValue!('cmi.interactions._count');
      lms.SetValue!(`cmi.interactions.${n}.id`, id);
      lms.SetValue!(`cmi.interactions.${n}.type`, 'choice');
      lms.SetValue!(`cmi.interactions.${n}.learner_response`, response);
      lms.SetValue!(`cmi.interactions.${n}.result`, result);
      return n;
    };
    out.indexes = [record('q1', 'a', 'correct'), record('q2', 'b', 'incorrect')];
    out.count = lms.GetValue!('cmi.interactions._count');
    out.error = lms.GetLastError!();
    // Refusals answer at once with the data model's own error codes (RTE 3.1.7), and what a
    // refused call tried is not stored.
    const refusal = (result: string) => [result, lms.GetLastError!()];
    out.refused = [
      refusal(lms.SetValue!('cmi.completion_status', 'finished')),
      refusal(lms.SetValue!('cmi.learner_id', 'someone-else')),
      refusal(lms.GetValue!('cmi.exit')),
      refusal(lms.SetValue!('cmi.interactions.5.id', 'skipped-ahead')),
      refusal(lms.SetValue!('cmi.score.scaled', '1.5')),
      refusal(lms.Initialize!('')),
    ];
    out.after = [lms.GetValue!('cmi.completion_status'), lms.GetLastError!()];
    return out;
  });
  expect(answers).toEqual({
    init: 'true',
    entry: 'ab-initio',
    version: '1.0',
    objectives: '2',
    extra: 1,
    setObjective: 'true',
    children:
      'id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description',
    indexes: ['0', '1'],
    count: '2',
    error: '0',
    refused: [
      ['false', '406'],
      ['false', '404'],
      ['', '405'],
      ['false', '351'],
      ['false', '407'],
      ['false', '103'],
    ],
    after: ['unknown', '0'],
  });
  await initialised;

  // Started and nothing finished: "in progress" on the course page, its contents and My learning.
  const other = await context.newPage();
  await other.goto('/courses/probe-2004');
  await expect(other.locator('.progress')).toContainText('In progress');
  await expect(other.locator('.modules li').first()).toContainText('In progress');
  await other.goto('/my-learning');
  await expect(other.locator('.card').filter({ hasText: 'Probe 2004' })).toContainText(
    'In progress',
  );

  // It ends with no status of its own (default delivery controls: completed and satisfied) and
  // asks for the next activity: the player goes there.
  const finalCommit = commitStored(page);
  await inSco(sco, (lms) => {
    lms.SetValue!('cmi.exit', 'normal');
    lms.SetValue!('adl.nav.request', 'continue');
    return lms.Terminate!('');
  });
  await finalCommit;
  await expect(page).toHaveURL(/\/scos\/sco_closing$/);

  // The last activity ends without a request: the dead frame goes, and the page says what is next.
  sco = await scoFrame(page);
  await inSco(sco, (lms) => [lms.Initialize!(''), lms.Terminate!('')]);
  const closed = page.locator('#sco-closed');
  await expect(closed).toBeVisible();
  await expect(closed).toBeFocused();
  await expect(page.locator('#sco-frame')).toHaveCount(0);
  await expect(closed.getByRole('link', { name: 'Back to the course' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await closed.getByRole('link', { name: 'Back to the course' }).click();
  await expect(page.locator('.modules li').first()).toContainText('Done');

  // A normal exit ended the attempt: the next launch is a new one, from the beginning.
  await page.goto('/courses/probe-2004/scos/sco_objectives');
  sco = await scoFrame(page);
  expect(await inSco(sco, (lms) => [lms.Initialize!(''), lms.GetValue!('cmi.entry')])).toEqual([
    'true',
    'ab-initio',
  ]);

  // What was stored, as the trainer reads it: two attempts, the first passed with both answers.
  await trainer.reload();
  await trainer.getByRole('link', { name: 'Learners', exact: true }).first().click();
  await trainer.getByRole('link', { name: 'Probe Learner' }).click();
  const attempts = trainer.locator('details.attempt').filter({ hasText: 'Objectives' });
  await expect(attempts).toHaveCount(2);
  const first = attempts.filter({ hasText: 'Attempt 1' });
  await expect(first).toContainText('Passed');
  await first.locator('summary').click();
  await expect(first.locator('tr').filter({ hasText: 'q1' })).toContainText('a');
  await expect(first.locator('tr').filter({ hasText: 'q2' })).toContainText('b');
  expect(scriptErrors).toEqual([]);
  await context.close();
  await trainer.context().close();
});

test('SCORM 1.2: a SCO that only initialises and finishes is completed, and the player closes it', async ({
  browser,
}) => {
  await importAsAdmin(browser, [{ build: buildProbe12, slug: 'probe-12' }]);

  const { context, page } = await enrolledLearner(browser, 'probe-12', 'Finishing Learner');
  await page.goto('/courses/probe-12/scos/sco_finish');
  const sco = await scoFrame(page);
  const initialised = commitStored(page);
  expect(await inSco(sco, (lms) => lms.LMSInitialize!(''))).toBe('true');
  await initialised;
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.locator('.card').filter({ hasText: 'Probe 1.2' })).toContainText(
    'In progress',
  );

  expect(await inSco(sco, (lms) => lms.LMSFinish!(''))).toBe('true');
  await expect(page.locator('#sco-closed')).toBeVisible();
  await page.locator('#sco-closed').getByRole('link', { name: 'Back to the course' }).click();
  // One SCO, completed at LMSFinish: the course is complete.
  await expect(page.locator('a[href="/courses/probe-12/certificate"]')).toBeVisible();
  await context.close();
});

test('SCORM 1.2: "Save and exit" in the middle saves, opens the course page showing the activity in progress, and the next launch resumes', async ({
  browser,
}) => {
  await importAsAdmin(browser, [{ build: buildProbe12, slug: 'probe-12-exit' }]);

  const { context, page } = await enrolledLearner(browser, 'probe-12-exit', 'Leaving Learner');
  await expect(page).toHaveURL(/\/scos\/sco_finish$/);
  const sco = await scoFrame(page);
  const initialised = commitStored(page);
  expect(await inSco(sco, (lms) => lms.LMSInitialize!(''))).toBe('true');
  await initialised;
  expect(await inSco(sco, (lms) => lms.LMSSetValue!('cmi.core.lesson_location', 'page-3'))).toBe(
    'true',
  );

  await page.getByRole('button', { name: 'Save and exit' }).click();
  await expect(page).toHaveURL(/\/courses\/probe-12-exit$/);
  await expect(page.locator('.items, main').getByText('In progress').first()).toBeVisible();
  await expect(page.locator('a[href="/courses/probe-12-exit/certificate"]')).toHaveCount(0);

  await page.goto('/courses/probe-12-exit/scos/sco_finish');
  const again = await scoFrame(page);
  expect(
    await inSco(again, (lms) => [
      lms.LMSInitialize!(''),
      lms.LMSGetValue!('cmi.core.entry'),
      lms.LMSGetValue!('cmi.core.lesson_location'),
    ]),
  ).toEqual(['true', 'resume', 'page-3']);

  // A wrapper that cannot get the stored CMI (here: opened outside the player, so nothing
  // answers it) does not start the SCO from scratch over the learner's progress: it says so.
  const wrapperUrl = await page.locator('#sco-frame').getAttribute('data-src');
  const alone = await context.newPage();
  await alone.goto(wrapperUrl!);
  await expect(alone.locator('.load-failed')).toContainText('could not be loaded', {
    timeout: 25_000,
  });
  await expect(alone.locator('#sco')).toHaveCount(0);
  await context.close();
});

test('SCORM 2004 sequencing: forced order, an activity not delivered cannot be opened, suspend and resumeAll, completion from the rollup', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await importAsAdmin(browser, [
    { build: buildProbeSequenced2004, slug: 'probe-sequenced', sequenced: true },
  ]);

  const context = await browser.newContext();
  const page = await context.newPage();
  const scriptErrors: string[] = [];
  context.on('weberror', (error) => scriptErrors.push(error.error().message));
  await registerAndLogin(page, { name: 'Sequenced Learner' });
  await page.goto('/courses/probe-sequenced');
  // Enrolling goes on to the course: the engine starts it (nothing else may race it).
  await page.locator('form[action="/courses/probe-sequenced/enrol"] button').click();
  await expect(page).toHaveURL(/\/scos\/sco_one$/);
  let sco = await scoFrame(page);
  expect(await inSco(sco, (lms) => lms.Initialize!(''))).toBe('true');
  const controls = page.locator('#sco-controls');
  await expect(controls.getByRole('button', { name: 'Previous' })).toBeDisabled();
  await expect(controls.getByRole('button', { name: 'Continue' })).toBeEnabled();
  // The first part hides "Save and leave" (adlnav:hideLMSUI suspendAll).
  await expect(controls.getByRole('button', { name: 'Save and leave' })).toBeHidden();
  // No choice in this course: the contents do not offer the second part.
  await expect(page.locator('.toc a[data-choice="sco_two"]')).toHaveAttribute(
    'aria-disabled',
    'true',
  );

  // The second activity is not delivered yet: its address leads back to the one in progress, and
  // asking the engine for it (no choice in this course) opens nothing but an explanation.
  const other = await context.newPage();
  await other.goto('/courses/probe-sequenced/scos/sco_two');
  await expect(other).toHaveURL(/\/scos\/sco_one$/);
  await other.goto('/courses/probe-sequenced/sequence?request=choice&target=sco_two');
  await expect(other.locator('#sequence-status')).toContainText('not available now');
  await expect(other.getByRole('link', { name: 'Back to the course' })).toBeVisible();
  await other.close();

  await inSco(sco, (lms) => {
    lms.SetValue!('cmi.completion_status', 'completed');
    lms.SetValue!('cmi.success_status', 'passed');
    lms.SetValue!('adl.nav.request', 'continue');
    return lms.Terminate!('');
  });
  await expect(page).toHaveURL(/\/scos\/sco_two$/);

  // Leaving with exit = suspend and no request suspends the whole session.
  sco = await scoFrame(page);
  await expect(controls.getByRole('button', { name: 'Save and leave' })).toBeVisible();
  await inSco(sco, (lms) => {
    lms.Initialize!('');
    lms.SetValue!('cmi.location', 'page-2');
    lms.SetValue!('cmi.exit', 'suspend');
    return lms.Terminate!('');
  });
  await expect(page.locator('#sco-closed')).toContainText('Your place is saved');

  // Back on the course page, Continue resumes the suspended activity where it was.
  await page.goto('/courses/probe-sequenced');
  await page.locator('a[href="/courses/probe-sequenced/continue"]').click();
  await expect(page).toHaveURL(/\/scos\/sco_two$/);
  sco = await scoFrame(page);
  expect(
    await inSco(sco, (lms) => [
      lms.Initialize!(''),
      lms.GetValue!('cmi.entry'),
      lms.GetValue!('cmi.location'),
    ]),
  ).toEqual(['true', 'resume', 'page-2']);
  await inSco(sco, (lms) => {
    lms.SetValue!('cmi.completion_status', 'completed');
    lms.SetValue!('cmi.success_status', 'passed');
    lms.SetValue!('cmi.exit', 'normal');
    lms.SetValue!('adl.nav.request', 'continue');
    return lms.Terminate!('');
  });
  // The end of the content: the root activity rolled up completed, so the course is.
  await expect(page.locator('#sco-closed')).toContainText(
    'You have reached the end of this course',
  );
  await page.goto('/courses/probe-sequenced');
  await expect(page.locator('a[href="/courses/probe-sequenced/certificate"]')).toBeVisible();
  expect(scriptErrors).toEqual([]);
  await context.close();
});

test('SCORM 2004 sequencing: a passed pre-test skips the lesson through a global objective, here and in another course; "Save and leave" suspends and Continue resumes', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await importAsAdmin(browser, [
    { build: buildProbePretest2004, slug: 'probe-pretest' },
    { build: buildProbeGlobal2004, slug: 'probe-global' },
  ]);

  /** A new learner takes the pre-test with this result; returns their page after it. */
  async function pretest(name: string, result: 'passed' | 'failed') {
    const page = await (await browser.newContext()).newPage();
    await registerAndLogin(page, { name });
    await page.goto('/courses/probe-pretest');
    // Enrolling goes on to the course: the engine starts it (nothing else may race it).
    await page.locator('form[action="/courses/probe-pretest/enrol"] button').click();
    await expect(page).toHaveURL(/\/scos\/sco_pre$/);
    const sco = await scoFrame(page);
    await inSco(sco, (lms) => [
      lms.Initialize!(''),
      lms.SetValue!('cmi.completion_status', 'completed'),
      lms.SetValue!('cmi.exit', 'normal'),
    ]);
    // The result is data, not code: inSco runs a function's text, without its closure.
    await sco.evaluate(`window.lms.SetValue('cmi.success_status', '${result}')`);
    await inSco(sco, (lms) => {
      lms.SetValue!('adl.nav.request', 'continue');
      return lms.Terminate!('');
    });
    return page;
  }

  const mastered = await pretest('Knows Already', 'passed');
  await expect(mastered).toHaveURL(/\/scos\/sco_post$/);
  // The post-test's own objective mapped to the global one starts satisfied.
  const post = await scoFrame(mastered);
  expect(
    await inSco(post, (lms) => {
      lms.Initialize!('');
      const found: string[] = [];
      for (let i = 0; i < Number(lms.GetValue!('cmi.objectives._count')); i++)
        found.push(
          `${lms.GetValue!(`cmi.objectives.${i}.id`)}:${lms.GetValue!(`cmi.objectives.${i}.success_status`)}`,
        );
      return found;
    }),
  ).toContain('from_pretest:passed');
  // Global to the system: another course that reads the same objective skips its lesson too.
  await mastered.goto('/courses/probe-global');
  // Enrolling goes on to the course: the engine starts it (nothing else may race it).
  await mastered.locator('form[action="/courses/probe-global/enrol"] button').click();
  await expect(mastered).toHaveURL(/\/scos\/sco_wrap$/);
  await mastered.context().close();

  const learning = await pretest('Needs The Lesson', 'failed');
  await expect(learning).toHaveURL(/\/scos\/sco_lesson$/);
  let sco = await scoFrame(learning);
  await inSco(sco, (lms) => [lms.Initialize!(''), lms.SetValue!('cmi.location', 'half-way')]);
  await learning.locator('#sco-controls').getByRole('button', { name: 'Save and leave' }).click();
  await expect(learning.locator('#sco-closed')).toContainText('Your place is saved');
  await learning.goto('/courses/probe-pretest');
  await learning.locator('a[href="/courses/probe-pretest/continue"]').click();
  await expect(learning).toHaveURL(/\/scos\/sco_lesson$/);
  sco = await scoFrame(learning);
  expect(await inSco(sco, (lms) => [lms.Initialize!(''), lms.GetValue!('cmi.location')])).toEqual([
    'true',
    'half-way',
  ]);
  await learning.context().close();
});

test('SCORM 2004 sequencing: a failed quiz is retried as a new attempt (post-condition retry), and its attempt limit closes it to choice', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await importAsAdmin(browser, [{ build: buildProbeRetry2004, slug: 'probe-retry' }]);

  const page = await (await browser.newContext()).newPage();
  await registerAndLogin(page, { name: 'Retrying Learner' });
  await page.goto('/courses/probe-retry');
  // Enrolling goes on to the course: the engine starts it (nothing else may race it).
  await page.locator('form[action="/courses/probe-retry/enrol"] button').click();
  await expect(page).toHaveURL(/\/scos\/sco_quiz$/);

  /** Takes the quiz with this result and asks to go on; returns the page's next load. */
  async function quiz(result: 'passed' | 'failed') {
    const sco = await scoFrame(page);
    const loaded = page.waitForEvent('load');
    await inSco(sco, (lms) => [
      lms.Initialize!(''),
      lms.SetValue!('cmi.completion_status', 'completed'),
      lms.SetValue!('cmi.exit', 'normal'),
      lms.SetValue!('adl.nav.request', 'continue'),
    ]);
    await sco.evaluate(`window.lms.SetValue('cmi.success_status', '${result}')`);
    await inSco(sco, (lms) => lms.Terminate!(''));
    await loaded;
  }

  await quiz('failed');
  // Not satisfied: the same quiz again, as a new attempt from the beginning.
  await expect(page).toHaveURL(/\/scos\/sco_quiz$/);
  const again = await scoFrame(page);
  expect(await inSco(again, (lms) => [lms.Initialize!(''), lms.GetValue!('cmi.entry')])).toEqual([
    'true',
    'ab-initio',
  ]);
  await inSco(again, (lms) => [
    lms.SetValue!('cmi.completion_status', 'completed'),
    lms.SetValue!('cmi.success_status', 'passed'),
    lms.SetValue!('cmi.exit', 'normal'),
    lms.SetValue!('adl.nav.request', 'continue'),
    lms.Terminate!(''),
  ]);
  await expect(page).toHaveURL(/\/scos\/sco_end$/);

  // Two attempts used: the quiz can no longer be chosen.
  await page.goto('/courses/probe-retry/sequence?request=choice&target=sco_quiz');
  await expect(page.locator('#sequence-status')).toContainText('not available now');
  await page.context().close();
});

test('SCORM 2004 sequencing: random selection delivers one of two tests, keeps it across sessions, and the course ends with it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await importAsAdmin(browser, [
    { build: buildProbeRandom2004, slug: 'probe-random', sequenced: true },
  ]);

  const { context, page } = await enrolledLearner(browser, 'probe-random', 'Random Learner');
  await expect(page).toHaveURL(/\/scos\/sco_[ab]$/);
  const chosen = /sco_[ab]$/.exec(page.url())![0];
  const other = chosen === 'sco_a' ? 'sco_b' : 'sco_a';

  // The test not selected for this attempt is not in the contents and cannot be opened.
  await expect(page.locator(`.toc a[data-choice="${chosen}"]`)).toHaveCount(1);
  await expect(page.locator(`.toc a[data-choice="${other}"]`)).toHaveCount(0);
  const elsewhere = await context.newPage();
  await elsewhere.goto(`/courses/probe-random/scos/${other}`);
  await expect(elsewhere).toHaveURL(new RegExp(`/scos/${chosen}$`));
  await elsewhere.close();

  // Leave in the middle; Continue comes back to the same test, not a new draw.
  let sco = await scoFrame(page);
  await inSco(sco, (lms) => {
    lms.Initialize!('');
    lms.SetValue!('cmi.exit', 'suspend');
    return lms.Terminate!('');
  });
  await expect(page.locator('#sco-closed')).toContainText('Your place is saved');
  await page.goto('/courses/probe-random');
  await page.locator('a[href="/courses/probe-random/continue"]').click();
  await expect(page).toHaveURL(new RegExp(`/scos/${chosen}$`));

  // Passing the one selected test completes the cluster and the course: the other never comes.
  sco = await scoFrame(page);
  await inSco(sco, (lms) => {
    lms.Initialize!('');
    lms.SetValue!('cmi.completion_status', 'completed');
    lms.SetValue!('cmi.success_status', 'passed');
    lms.SetValue!('cmi.exit', 'normal');
    lms.SetValue!('adl.nav.request', 'continue');
    return lms.Terminate!('');
  });
  await expect(page.locator('#sco-closed')).toContainText(
    'You have reached the end of this course',
  );
  await page.goto('/courses/probe-random');
  await expect(page.locator('a[href="/courses/probe-random/certificate"]')).toBeVisible();
  await context.close();
});

test('SCORM 2004 sequencing: an attempt that outlasted its attemptAbsoluteDurationLimit closes the activity; a shorter one leaves it open', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  await importAsAdmin(browser, [
    { build: buildProbeTimed2004, slug: 'probe-timed', sequenced: true },
  ]);

  /** Does the timed exercise, taking at least `ms`, and continues to the closing activity. */
  async function exercise(name: string, ms: number) {
    const { context, page } = await enrolledLearner(browser, 'probe-timed', name);
    await expect(page).toHaveURL(/\/scos\/sco_timed$/);
    const sco = await scoFrame(page);
    // The limit reaches the SCO too, which may show a countdown.
    expect(
      await inSco(sco, (lms) => [lms.Initialize!(''), lms.GetValue!('cmi.max_time_allowed')]),
    ).toEqual(['true', 'PT6S']);
    await page.waitForTimeout(ms);
    await inSco(sco, (lms) => [
      lms.SetValue!('cmi.completion_status', 'completed'),
      lms.SetValue!('cmi.exit', 'normal'),
      lms.SetValue!('adl.nav.request', 'continue'),
      lms.Terminate!(''),
    ]);
    await expect(page).toHaveURL(/\/scos\/sco_close$/);
    await page.goto('/courses/probe-timed/sequence?request=choice&target=sco_timed');
    return { context, page };
  }

  // Seven seconds against a limit of six: the exercise cannot be started again.
  const slow = await exercise('Slow Learner', 7_000);
  await expect(slow.page.locator('#sequence-status')).toContainText('not available now');
  await slow.context.close();

  // Well inside the limit: the exercise can be chosen again, as a new attempt.
  const quick = await exercise('Quick Learner', 0);
  await expect(quick.page).toHaveURL(/\/scos\/sco_timed$/);
  await quick.context.close();
});
