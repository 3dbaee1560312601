import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, loginAsTrainer, registerAndLogin } from './helpers.js';

test('a trainer creates a cohort, a learner joins and finishes a module, the trainer sees it and exports CSV', async ({
  browser,
}) => {
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await loginAsTrainer(trainer);
  await trainer.goto('/trainer/cohorts/new');
  await trainer.locator('#field-name').fill('Partner volunteers');
  await trainer.getByLabel('Example course for tests').check();
  await trainer.getByRole('button', { name: 'Create the cohort' }).click();
  await expect(trainer.getByRole('heading', { level: 1 })).toHaveText('Partner volunteers');
  await expectNoSeriousA11yViolations(trainer);
  const code = (await trainer.locator('.join-box code').textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{8}$/);

  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await registerAndLogin(learner, { name: 'Joining Learner' });
  await learner.goto('/join');
  await learner.locator('#field-code').fill(code);
  await learner.locator('form[action="/join"] button').click();
  await expect(learner).toHaveURL(/\/courses\/example-course$/);
  await learner.locator('a[href="/courses/example-course/continue"]').click();
  await learner.locator('form.next-form button').click();
  await expect(learner).toHaveURL(/english-only$/);
  await learner.locator('form.next-form button').click();
  await expect(learner).toHaveURL(/basics-check$/);
  await learner.locator('#q-greeting-hello').check();
  await learner.locator('#q-colours-red').check();
  await learner.locator('#q-colours-blue').check();
  await learner.locator('#q-sky-false').check();
  await learner.locator('.quiz-form button[hx-post$="/submit"]').click();
  await expect(learner.locator('.score.passed')).toBeVisible();

  await trainer.reload();
  await expect(trainer.locator('.stats')).toContainText('In progress1');
  await trainer.getByRole('link', { name: 'Learners', exact: true }).first().click();
  await expect(trainer.locator('#learner-results')).toContainText('Joining Learner');
  await expect(trainer.locator('#learner-results')).toContainText('75%');
  await expectNoSeriousA11yViolations(trainer);
  const download = trainer.waitForEvent('download');
  await trainer.getByRole('link', { name: 'Download CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Joining Learner');
  expect(csv).toContain(',In progress,75,');
  await trainerContext.close();
  await learnerContext.close();
});
