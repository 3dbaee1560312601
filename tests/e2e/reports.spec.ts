import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, loginAsTrainer, registerAndLogin } from './helpers.js';

// The trainer's report pages on a 360 px phone and on A4 paper, in English and in Arabic. One
// cohort with every course (the long course titles make the widest course selector) and one member.
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 360, height: 780 };
let base = '';
let learnerId = 0;

/** Switches the signed-in person's language with the footer's switcher, as a person does. */
async function useLanguage(page: Page, locale: 'en' | 'ar'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === locale) return;
  await page.locator(`.language-switcher button[value="${locale}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

async function trainerPage(browser: Browser, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await loginAsTrainer(page);
  await expect(page).toHaveURL(/\/$/);
  return page;
}

test.beforeAll(async ({ browser }) => {
  const trainer = await trainerPage(browser, { width: 1280, height: 900 });
  await trainer.goto('/trainer/cohorts/new');
  await trainer.locator('#field-name').fill('Reports on a phone');
  for (const box of await trainer.locator('input[name="courses"]').all()) await box.check();
  await trainer.locator('form[action="/trainer/cohorts"] button[type="submit"]').click();
  await expect(trainer.getByRole('heading', { level: 1 })).toHaveText('Reports on a phone');
  base = new URL(trainer.url()).pathname;
  const code = (await trainer.locator('.join-box code').textContent())!.trim();
  await trainer.context().close();

  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await registerAndLogin(learner, { name: 'Phone Learner' });
  await learner.goto(`/join/${code}`);
  await learner.locator('form[action="/join"] button').click();
  await expect(learner).not.toHaveURL(/\/join/);
  await learnerContext.close();

  const reader = await trainerPage(browser);
  await reader.goto(`${base}/learners`);
  const href = await reader.getByRole('link', { name: 'Phone Learner' }).getAttribute('href');
  learnerId = Number(/\/learners\/(\d+)/.exec(href!)![1]);
  await reader.context().close();
});

test('no trainer page scrolls sideways at 360 px, in English and Arabic; wide tables scroll in their own labelled region', async ({
  browser,
}) => {
  const page = await trainerPage(browser);
  try {
    for (const locale of ['en', 'ar'] as const) {
      await useLanguage(page, locale);
      for (const path of [
        '/trainer/cohorts',
        '/trainer/cohorts/new',
        base,
        `${base}/learners`,
        `${base}/learners/${learnerId}`,
        `${base}/items`,
        `${base}/print`,
      ]) {
        await page.goto(path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${locale} ${path} is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);
      }

      // The course selector (long titles) fits the screen.
      await page.goto(`${base}/items`);
      const select = await page.locator('#course-select').boundingBox();
      expect(select!.x).toBeGreaterThanOrEqual(0);
      expect(select!.x + select!.width).toBeLessThanOrEqual(PHONE.width);

      // Each wide table scrolls inside a focusable region named after it, with a visible hint.
      for (const [path, hint, name] of [
        [`${base}/learners`, '#learners-scroll-hint', locale === 'en' ? 'Learners' : 'المتعلّمون'],
        [
          `${base}/items`,
          '#items-scroll-hint',
          locale === 'en' ? 'Question analysis' : 'تحليل الأسئلة',
        ],
      ] as const) {
        await page.goto(path);
        const region = page.getByRole('region', { name, exact: true });
        await expect(region).toBeVisible();
        expect(await region.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
        expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
        await region.focus();
        await expect(region).toBeFocused();
        await expect(page.locator(hint)).toBeVisible();
        await expect(page.locator(hint)).toContainText(
          locale === 'en' ? 'Scroll sideways to see all columns' : 'مرّر أفقيًا',
        );
        if (locale === 'en') await expectNoSeriousA11yViolations(page);
      }
    }
  } finally {
    await useLanguage(page, 'en');
    await page.context().close();
  }
});

test('each chart has a visible title, labelled axes and a sentence and table saying what it shows', async ({
  browser,
}) => {
  const page = await trainerPage(browser);
  await page.goto(base);
  const figures = page.locator('figure.report-chart');
  expect(await figures.count()).toBeGreaterThanOrEqual(2);
  const first = figures.first();
  await expect(first.getByRole('heading', { level: 3 })).toHaveText('Completions over time');
  const chart = first.getByRole('img', { name: 'Completions over time' });
  await expect(chart).toBeVisible();
  const describedBy = await chart.getAttribute('aria-describedby');
  await expect(page.locator(`#${describedBy}`)).toBeVisible();
  await expect(page.locator(`#${describedBy}`)).toHaveText(
    'No learner has completed the course yet.',
  );
  await expect(figures.nth(1).locator('svg text')).toContainText([
    'Final score (%)',
    'Learners (number)',
  ]);
  await first.locator('summary').click();
  await expect(first.locator('table th').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.context().close();
});

test('the printed report is A4, shows the charts and the learner table, in the page’s language and direction', async ({
  browser,
}) => {
  // The printable width of A4 with the report's margins: 210 mm - 2 × 12 mm = 186 mm ≈ 703 px.
  const page = await trainerPage(browser, { width: 703, height: 1000 });
  try {
    for (const locale of ['en', 'ar'] as const) {
      await useLanguage(page, locale);
      await page.goto(`${base}/print`);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.site-header')).toBeHidden();
      await expect(page.locator('.no-print')).toBeHidden();
      const courses = await page.locator('section.print-course').count();
      expect(courses).toBeGreaterThanOrEqual(2);
      await expect(page.locator('svg.chart')).toHaveCount(2 * courses);
      await expect(page.locator('table.learners').first()).toBeVisible();
      await expect(page.locator('table.learners').first()).toContainText('Phone Learner');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        703,
      );
      expect(
        await page.locator('.print-report').evaluate((el) => getComputedStyle(el).direction),
      ).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
      // A4 is 595 × 842 points (Letter, the default without the page's own size, is 612 × 792).
      expect(Number(box![1])).toBeCloseTo(595, 0);
      expect(Number(box![2])).toBeCloseTo(842, 0);
      await page.emulateMedia({ media: 'screen' });
    }
  } finally {
    await useLanguage(page, 'en');
    await page.context().close();
  }
});
