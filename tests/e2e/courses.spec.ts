import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { registerAndLogin } from './helpers.js';

type Quiz = { questions: Array<{ id: string; options: Array<{ id: string; correct?: boolean }> }> };
type Course = { modules: Array<{ items: Array<{ lesson?: string; quiz?: string }> }> };

/** A learner goes through every item of a shipped course, answering quizzes right, to the certificate. */
async function completeCourse(page: Page, slug: string) {
  const root = join('courses', slug);
  const course = parse(readFileSync(join(root, 'course.yaml'), 'utf8')) as Course;
  await page.goto(`/courses/${slug}`);
  await page.locator(`form[action="/courses/${slug}/enrol"] button`).click();
  for (const item of course.modules.flatMap((module) => module.items)) {
    if (item.lesson) {
      await page.goto(`/courses/${slug}/lessons/${item.lesson}`);
      await expect(page.locator('.content h1')).not.toBeEmpty();
      await page.locator('form.next-form button').click();
      await page.waitForLoadState('networkidle');
    } else if (item.quiz) {
      const quiz = parse(readFileSync(join(root, 'quizzes', `${item.quiz}.yaml`), 'utf8')) as Quiz;
      await page.goto(`/courses/${slug}/quizzes/${item.quiz}`);
      for (const question of quiz.questions) {
        for (const option of question.options)
          if (option.correct) await page.locator(`#q-${question.id}-${option.id}`).check();
      }
      await page.locator('.quiz-form button[hx-post$="/submit"]').click();
      await expect(page.locator('.score.passed')).toBeVisible();
    }
  }
  await page.goto(`/courses/${slug}`);
  const download = page.waitForEvent('download');
  await page.locator(`a[href="/courses/${slug}/certificate"]`).click();
  expect((await download).suggestedFilename()).toBe(`certificate-${slug}.pdf`);
}

test('a learner completes Introduction to the CPMS and gets the certificate', async ({ page }) => {
  test.setTimeout(180_000);
  await registerAndLogin(page, { name: 'Course One Learner' });
  await completeCourse(page, 'cpms-introduction');
});

test('a learner completes Safeguarding Matters in Arabic and gets the certificate', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await registerAndLogin(page, { name: 'ليلى حسن' });
  await page.locator('.language-switcher button[value="ar"]').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await completeCourse(page, 'safeguarding-matters');
  // Every lesson is in Arabic, right to left, with no English fallback notice; the illustrations
  // are the Arabic ones.
  for (const lesson of ['what-safeguarding-means', 'safe-recruitment', 'learning-from-incidents']) {
    await page.goto(`/courses/safeguarding-matters/lessons/${lesson}`);
    await expect(page.locator('.content[lang="ar"]')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.lesson .notice[role="note"]')).toHaveCount(0);
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await page.goto('/courses/safeguarding-matters/lessons/safe-recruitment');
  const checklist = page.locator('.content img[src*="recruitment-checklist.ar"]');
  await expect(checklist).toHaveCount(1);
  await checklist.scrollIntoViewIfNeeded();
  await expect
    .poll(() => checklist.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
});
