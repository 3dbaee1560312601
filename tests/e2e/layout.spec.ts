/**
 * A phone at 360 px, in English and Arabic, light and dark: the header stays one compact row
 * with a menu that opens without JavaScript, no learner page scrolls sideways, and the colours
 * keep their contrast in both schemes.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, loginAsAdmin, registerAndLogin } from './helpers.js';

const learnerPages = [
  '/',
  '/my-learning',
  '/account',
  '/courses/cpms-introduction',
  '/courses/cpms-introduction/lessons/what-the-cpms-are',
  '/courses/cpms-introduction/quizzes/introduction-check',
];

async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${path} is ${width}px wide`).toBeLessThanOrEqual(360);
}

test.describe('at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the header is one row with a menu, and no learner page scrolls sideways, in English and Arabic', async ({
    page,
  }) => {
    await registerAndLogin(page, { name: 'Amina Yusuf, caseworker with a long name' });
    await page.goto('/courses/cpms-introduction');
    await page.locator('form[action="/courses/cpms-introduction/enrol"] button').click();
    await expect(page).toHaveURL(/\/lessons\//);
    for (const locale of ['en', 'ar'] as const) {
      await page.locator(`.language-switcher button[value="${locale}"]`).click();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const header = await page.locator('.site-header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(72);
      // The menu is folded: its links are hidden until it opens.
      const myLearning = page.locator('.site-header a[href="/my-learning"]');
      await expect(myLearning).toBeHidden();
      await page.locator('.menu > summary').click();
      await expect(myLearning).toBeVisible();
      await page.locator('.menu > summary').click();
      for (const path of learnerPages) await expectNoSidewaysScroll(page, path);
    }
  });

  test('an admin reaches every page from the folded menu', async ({ page }) => {
    await loginAsAdmin(page);
    await page.locator('.menu > summary').click();
    await page.locator('.site-header a[href="/admin/users"]').click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expectNoSidewaysScroll(page, '/admin/users');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the menu opens', async ({ page }) => {
      await page.goto('/');
      await page.locator('.menu > summary').click();
      await page.locator('.site-header a[href="/login"]').click();
      await expect(page).toHaveURL(/\/login$/);
    });
  });
});

test.describe('at 1280 px', () => {
  test('the menu is a plain row of links', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.menu > summary')).toBeHidden();
    await expect(page.locator('.site-header a[href="/login"]')).toBeVisible();
  });
});

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark' });
  test('keeps its contrast on the catalogue, a lesson and a quiz', async ({ page }) => {
    await registerAndLogin(page, { name: 'Night Reader' });
    await page.goto('/courses/example-course');
    await page.locator('form[action="/courses/example-course/enrol"] button').click();
    await expect(page).toHaveURL(/\/lessons\/welcome$/);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
      'rgb(255, 255, 255)',
    );
    await expectNoSeriousA11yViolations(page);
    await page.goto('/courses/example-course/quizzes/basics-check');
    await expectNoSeriousA11yViolations(page);
    await page.goto('/');
    await expectNoSeriousA11yViolations(page);
  });
});
