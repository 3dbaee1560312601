/**
 * Moving through a course as a first-time learner does, with htmx and without JavaScript: every
 * htmx answer is the fragment its target expects (one header, one footer, one <main>), the
 * language switcher follows htmx navigation, reading on with "Next" counts the lesson as read,
 * and every form says what it did.
 */
import { expect, test, type Page } from '@playwright/test';
import { loginAsAdmin, registerAndLogin } from './helpers.js';

const course = '/courses/example-course';

/** The page has exactly one site header, one footer and one <main>: nothing swapped in twice. */
async function expectOnePage(page: Page) {
  await expect(page.locator('header.site-header')).toHaveCount(1);
  await expect(page.locator('footer.site-footer')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('.language-switcher')).toHaveCount(1);
}

test('each htmx action swaps in one fragment; the language switcher stays on the lesson on screen; Next counts the lesson read', async ({
  page,
}) => {
  await registerAndLogin(page, { name: 'Nadia Okafor' });
  await page.goto(course);
  await page.locator(`form[action="${course}/enrol"] button`).click();
  await expect(page).toHaveURL(`${course}/lessons/welcome`);
  await expect(page.locator('.player-top progress')).toHaveAttribute('value', '0');
  await expect(page.locator('#lesson-status')).toContainText('marks this lesson as read');

  // Next: a POST answered by a redirect for htmx, which must come back as <main>'s fragment.
  await page.locator('form.next-form button').click();
  await expect(page).toHaveURL(`${course}/lessons/english-only`);
  await expectOnePage(page);
  await expect(page.locator('.flash')).toContainText('“Welcome” is marked as read.');
  await expect(page.locator('.player-top progress')).toHaveAttribute('value', '25');
  await expect(page.locator('.toc a[href$="/lessons/welcome"]').locator('xpath=..')).toContainText(
    'Done',
  );

  // Previous and the table of contents: plain htmx GETs.
  await page.locator('a[rel="prev"]').click();
  await expect(page).toHaveURL(`${course}/lessons/welcome`);
  await expectOnePage(page);
  await expect(page.locator('#lesson-status')).toContainText('You have read this lesson');
  await page.locator('.toc a[href$="/lessons/optional-reading"]').click();
  await expect(page).toHaveURL(`${course}/lessons/optional-reading`);
  await expectOnePage(page);

  // Switching language after htmx navigation keeps the learner on the same lesson.
  await page.locator('.language-switcher button[value="fr"]').click();
  await expect(page).toHaveURL(`${course}/lessons/optional-reading`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.locator('.language-switcher button[value="en"]').click();
  await expect(page).toHaveURL(`${course}/lessons/optional-reading`);

  // A quiz: each answer saved says so in the form's status line; submitted and retried with htmx.
  await page.goto(`${course}/quizzes/basics-check`);
  await page.locator('#q-greeting-goodbye').check();
  await expect(page.locator('#quiz-saved')).toHaveText(
    'Your answers so far are saved. You can finish the quiz later.',
  );
  await expectOnePage(page);
  await page.locator('.quiz-form button[hx-post$="/submit"]').click();
  await expect(page.locator('.score')).toBeVisible();
  await expectOnePage(page);
  await page.locator('form[action$="/retry"] button').click();
  await expect(page.locator('.quiz-form')).toBeVisible();
  await expectOnePage(page);

  // The catalogue's filters.
  await page.goto('/');
  await page.locator('#catalogue-q').fill('example');
  await page.locator('.filters').evaluate((form: HTMLFormElement) => form.requestSubmit());
  await expect(page).toHaveURL(/\?.*q=example/);
  await expectOnePage(page);
});

test('the admin user search swaps its results only: one page', async ({ page }) => {
  await loginAsAdmin(page);
  await page.goto('/admin/users');
  await expectOnePage(page);
  await page.locator('#user-search').fill('e2e-trainer');
  await expect(page.locator('#user-results')).toContainText('e2e-trainer@example.org');
  await expectOnePage(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('reading on with Next marks the lesson read and says so; the language switch returns to the lesson', async ({
    page,
  }) => {
    await registerAndLogin(page, { name: 'Tomás Ruiz' });
    await page.goto(course);
    await page.locator(`form[action="${course}/enrol"] button`).click();
    await expect(page).toHaveURL(`${course}/lessons/welcome`);
    await expect(page.locator('.flash')).toContainText(
      'You are enrolled in “Example course for tests”.',
    );
    await page.locator('form.next-form button').click();
    await expect(page).toHaveURL(`${course}/lessons/english-only`);
    await expect(page.locator('.flash')).toContainText('“Welcome” is marked as read.');
    await expect(page.locator('.player-top progress')).toHaveAttribute('value', '25');
    await page.locator('.language-switcher button[value="es"]').click();
    await expect(page).toHaveURL(`${course}/lessons/english-only`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.locator('.language-switcher button[value="en"]').click();

    // Saving quiz answers without JavaScript, and leaving the course, each say what happened.
    await page.goto(`${course}/quizzes/basics-check`);
    await page.locator('#q-greeting-hello').check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await expect(page).toHaveURL(`${course}/quizzes/basics-check`);
    await expect(page.locator('.flash')).toHaveText(
      'Your answers so far are saved. You can finish the quiz later.',
    );
    await expect(page.locator('#q-greeting-hello')).toBeChecked();
    await page.goto(course);
    await page.locator(`form[action="${course}/unenrol"] button`).click();
    await expect(page.locator('.flash')).toContainText('You have left “Example course for tests”.');
  });
});
