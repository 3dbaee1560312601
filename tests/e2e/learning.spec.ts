import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, registerAndLogin } from './helpers.js';

const course = '/courses/example-course';

/** A marker that survives only if no full page load happens (htmx swapped the content). */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
}
async function stayedOnPage(page: Page) {
  return page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);
}

async function journey(page: Page, locale: 'en' | 'ar') {
  const email = await registerAndLogin(page, {
    name: locale === 'ar' ? 'ليلى حسن' : 'Layla Hassan',
  });
  if (locale === 'ar') {
    await page.locator('.language-switcher button[value="ar"]').click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  }
  await page.goto(course);
  await expectNoSeriousA11yViolations(page);
  await page.locator(`form[action="${course}/enrol"] button`).click();
  await expect(page).toHaveURL(`${course}/lessons/welcome`);
  await expect(page.locator('.content')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
  await expectNoSeriousA11yViolations(page);

  // Next with htmx: the URL changes, the page does not reload, and Back works.
  await markPage(page);
  await page.locator('form.next-form button').click();
  await expect(page).toHaveURL(`${course}/lessons/english-only`);
  await expect(page.locator('#lesson-title')).toHaveText('Only in English');
  if (locale === 'ar') {
    await expect(page.locator('.notice[role="note"]')).toBeVisible();
    await expect(page.locator('.content')).toHaveAttribute('dir', 'ltr');
  }
  expect(await stayedOnPage(page)).toBe(true);
  await page.goBack();
  await expect(page).toHaveURL(`${course}/lessons/welcome`);
  await expect(page.locator('#lesson-title')).not.toHaveText('Only in English');

  // Reading on with Next marked the first lesson read; the second is read on the way to the quiz.
  await expect(page.locator('#lesson-status')).toHaveClass(/done/);
  await page.locator('form.next-form button').click();
  await expect(page).toHaveURL(`${course}/lessons/english-only`);
  await page.locator('form.next-form button').click();
  await expect(page).toHaveURL(`${course}/quizzes/basics-check`);

  // Fail the quiz first and read the feedback.
  await page.locator('#q-greeting-goodbye').check();
  await page.locator('#q-colours-table').check();
  await page.locator('#q-sky-true').check();
  await page.locator('.quiz-form button[hx-post$="/submit"]').click();
  await expect(page.locator('.score.failed')).toBeVisible();
  await expect(page.locator('.score')).toContainText('0%');
  await expect(page.locator('.feedback').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Then pass it; answers survive a refresh mid-attempt.
  await page.locator('form[action$="/retry"] button').click();
  // Listen before acting: the save may answer before a listener added afterwards would see it.
  const saved = page.waitForResponse((response) => response.url().endsWith('/answers'));
  await page.locator('#q-greeting-hello').check();
  await saved;
  await page.reload();
  await expect(page.locator('#q-greeting-hello')).toBeChecked();
  await page.locator('#q-colours-red').check();
  await page.locator('#q-colours-blue').check();
  await page.locator('#q-sky-false').check();
  await page.locator('.quiz-form button[hx-post$="/submit"]').click();
  await expect(page.locator('.score.passed')).toContainText('100%');

  // Leave, log out, log back in: "Continue" lands where the learner stopped.
  await page.goto(`${course}/quizzes/final-check`);
  await page.locator('.site-header form[action="/logout"] button').click();
  await page.goto('/login');
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill('a long passphrase for e2e');
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await page.goto('/my-learning');
  await page.locator(`a[href="${course}/continue"]`).first().click();
  await expect(page).toHaveURL(`${course}/quizzes/final-check`);

  // The final check completes the course; the certificate is there at once.
  await page.locator('#q-done-true').check();
  await page.locator('.quiz-form button[hx-post$="/submit"]').click();
  await expect(page.locator('.score.passed')).toBeVisible();
  await expect(page.locator('.flash')).toBeVisible();
  await page.goto(course);
  const download = page.waitForEvent('download');
  await page.locator(`a[href="${course}/certificate"]`).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe('certificate-example-course.pdf');
  const verifyLink = await page.locator('.notice').last().textContent();
  const code = /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(verifyLink ?? '')?.[0];
  expect(code).toBeDefined();
  await page.goto(`/certificates/${code}`);
  await expect(page.locator('.score.passed')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
}

test('a learner completes the example course in English', async ({ page }) => {
  await journey(page, 'en');
});

test('the same journey in Arabic', async ({ page }) => {
  await journey(page, 'ar');
});
