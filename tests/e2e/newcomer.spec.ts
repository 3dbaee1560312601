import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, readEmail } from './helpers.js';

/**
 * A first-time learner, as issue 15 walked it: the catalogue says which languages a course is
 * really in (and filters by that), "Create an account" on a course page comes back to that course
 * signed in, a quiz passed with full marks offers practice rather than "Try again", and the
 * certificate's verification address is a link.
 */

const course = '/courses/example-course';
const newEmail = (who: string) =>
  `e2e-${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;

async function register(page: Page, name: string, locale?: string): Promise<string> {
  const email = newEmail('newcomer');
  await page.locator('#field-name').fill(name);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill('a long passphrase for a newcomer');
  if (locale) await page.locator('#field-locale').selectOption(locale);
  await page.locator('form[action="/register"] button[type="submit"]').click();
  return email;
}

const card = (page: Page, slug: string) =>
  page.locator('li.card', { has: page.locator(`a[href="/courses/${slug}"]`) });

test('a newcomer finds a course in the languages it really has, registers from it and is brought back', async ({
  page,
}) => {
  await page.goto('/');
  const example = card(page, 'example-course');
  await expect(example).toContainText('Available in: English');
  await expect(example).toContainText('Partly in French and Arabic (1 of 3 lessons)');
  // The shipped courses are whole in every language they declare.
  await expect(card(page, 'cpms-introduction')).toContainText(
    'Available in: English, French, Spanish, and Arabic',
  );
  await expect(card(page, 'cpms-introduction')).not.toContainText('Partly in');
  await expect(example).not.toContainText(/About 0 minutes/);

  // The language filter (htmx on change) keeps only courses that exist wholly in French.
  await page.locator('#catalogue-lang').selectOption('fr');
  await expect(page).toHaveURL(/lang=fr/);
  await expect(card(page, 'example-course')).toHaveCount(0);
  await expect(card(page, 'cpms-introduction')).toHaveCount(1);
  await page.locator('#catalogue-lang').selectOption('en');
  await expect(card(page, 'example-course')).toHaveCount(1);

  await page.goto(course);
  await page.locator('.actions a', { hasText: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/register\?next=%2Fcourses%2Fexample-course$/);
  await register(page, 'Newcomer One');
  // Signed in and back on the course, told so, with the enrol button instead of "log in to enrol".
  await expect(page).toHaveURL((url) => url.pathname === course);
  await expect(page.locator('.flash')).toHaveText(
    /^Welcome, Newcomer One\. Your account is ready and you are logged in\. We have sent a link to \S+ to confirm your address\.$/,
  );
  await expect(page.locator('.site-header form[action="/logout"]')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
  await page.locator(`form[action="${course}/enrol"] button`).click();
  await expect(page).toHaveURL(/\/courses\/example-course\/lessons\//);
});

test('on a phone in Arabic, registering from a course comes back to it, in Arabic, without sideways scrolling', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(course);
  await page.locator(`a[href="/register?next=%2Fcourses%2Fexample-course"]`).first().click();
  await register(page, 'ليلى حسن', 'ar');
  await expect(page).toHaveURL((url) => url.pathname === course);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.flash')).toContainText('أهلًا بك يا ليلى حسن');
  await expect(page.locator('.course > p.meta')).toContainText('متاحة باللغات: الإنجليزية');
  await expect(page.locator('.course > p.meta')).toContainText('ترجمة جزئية إلى الفرنسية والعربية');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});

test('a quiz passed with full marks offers practice, said to change nothing; the certificate address is a link', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(`/register?next=${encodeURIComponent(course)}`);
  const email = await register(page, 'Newcomer Three');
  await expect(page).toHaveURL((url) => url.pathname === course);
  await page.locator(`form[action="${course}/enrol"] button`).click();
  for (const lesson of ['welcome', 'english-only']) {
    await page.goto(`${course}/lessons/${lesson}`);
    await page.locator('form.next-form button').click();
    await page.waitForLoadState('networkidle');
  }

  await page.goto(`${course}/quizzes/basics-check`);
  await page.locator('#q-greeting-hello').check();
  await page.locator('#q-colours-red').check();
  await page.locator('#q-colours-blue').check();
  await page.locator('#q-sky-false').check();
  await page.locator('.quiz-form button[hx-post$="/submit"]').click();
  await expect(page.locator('.score.passed')).toContainText('100%');
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  const practise = page.getByRole('button', { name: 'Practise again' });
  await expect(practise).toBeVisible();
  await expect(practise).toHaveAccessibleDescription(
    'You have passed with full marks, and that stays. Practising again does not change your result.',
  );
  await expectNoSeriousA11yViolations(page);
  // Practice opens a new attempt in place; a worse practice score leaves the pass recorded.
  await practise.click();
  await expect(page.locator('.quiz-form')).toBeVisible();
  await page.locator('#q-greeting-goodbye').check();
  await page.locator('.quiz-form button[hx-post$="/submit"]').click();
  await expect(page.locator('.score.failed')).toBeVisible();
  await expect(page.locator('article.quiz')).toContainText(
    'You passed this quiz on an earlier attempt, and that stays: your best score is 100%.',
  );
  await expect(page.getByRole('button', { name: 'Practise again' })).toBeVisible();

  await page.goto(`${course}/quizzes/final-check`);
  await page.locator('#q-done-true').check();
  await page.locator('.quiz-form button[hx-post$="/submit"]').click();
  await expect(page.locator('.score.passed')).toBeVisible();

  // The address is not confirmed yet: the course page says the certificate waits for it.
  await page.goto(course);
  await expect(page.locator('.certificate-pending')).toContainText(
    'Your certificate will be available here once your email address is confirmed.',
  );
  // The emailed link opens a page whose button confirms (opening the link alone changes nothing).
  const { found: verifyLink } = await readEmail(
    page,
    email,
    /https?:\/\/\S+\/email\/verify\/[\w-]+/,
  );
  await page.goto(verifyLink);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your email address');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Confirm my address' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Email address confirmed');
  await expect(page.locator('main')).toContainText(
    'The certificate of the course you completed is ready.',
  );
  await page.goto(course);
  const link = page.locator('a.verify-link');
  await expect(link).toHaveText(
    /^http:\/\/localhost:\d+\/certificates\/[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/,
  );
  await link.click();
  await expect(page).toHaveURL(/\/certificates\/[A-Z2-9-]{14}$/);
  await expect(page.getByText('This certificate is genuine.')).toBeVisible();
});
