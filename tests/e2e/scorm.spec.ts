import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { buildFourthEdition2004, GOOD_FIXTURES } from '../scorm/fixtures.js';
import {
  expectNoSeriousA11yViolations,
  importScormPackage,
  loginAsAdmin,
  registerAndLogin,
} from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'lantern-e2e-scorm-'));

async function importThroughAdminPage(page: Page, zip: string, slug: string) {
  if (slug === 'fx-golf12') {
    await page.goto('/admin/scorm');
    await expectNoSeriousA11yViolations(page);
  }
  await importScormPackage(page, zip, slug);
}

/** Clicks the SCO's Complete button and waits until the server has stored the commit. */
async function completeAndWaitForCommit(page: Page) {
  const stored = page.waitForResponse(
    (response) => response.url().includes('/scorm/commit/') && response.ok(),
  );
  await sco(page).locator('#scorm-complete').click();
  await expect(sco(page).locator('#scorm-status')).toHaveAttribute('data-state', 'completed');
  await stored;
}

/** The SCO's own page: inside the wrapper (content origin) inside the player page. */
const sco = (page: Page): FrameLocator => page.frameLocator('#sco-frame').frameLocator('#sco');

const port = Number(process.env.E2E_PORT ?? 3190);
// playwright.config.ts starts a server per mode: package files on their own origin (the default)
// and, two ports up, under /scorm-content on the app's origin.
const MODES = [
  {
    mode: 'cross-origin',
    baseURL: `http://localhost:${port}`,
    contentOrigin: `http://localhost:${port + 1}`,
  },
  {
    mode: 'same-origin',
    baseURL: `http://localhost:${port + 2}`,
    contentOrigin: `http://localhost:${port + 2}`,
  },
];

for (const { mode, baseURL, contentOrigin } of MODES) {
  test.describe(`SCORM served ${mode}`, () => {
    test.use({ baseURL });

    test("every fixture package (SCORM 1.2 and 2004): imported by an admin, played, left mid-SCO, resumed with its suspend_data, and its result in the learner's progress", async ({
      browser,
    }) => {
      test.setTimeout(240_000);
      const admin = await (await browser.newContext({ baseURL })).newPage();
      await loginAsAdmin(admin);
      const slugs: string[] = [];
      for (const [name, build] of Object.entries(GOOD_FIXTURES)) {
        const slug = `fx-${name.toLowerCase()}`;
        await importThroughAdminPage(admin, await build(dir), slug);
        slugs.push(slug);
      }
      await admin.close();

      const context = await browser.newContext({ baseURL });
      let page = await context.newPage();
      const scriptErrors: string[] = [];
      context.on('weberror', (error) => scriptErrors.push(error.error().message));
      await registerAndLogin(page, { name: 'Sco Learner' });
      for (const slug of slugs) {
        await page.goto(`/courses/${slug}`);
        // Enrolling goes on to the course's first activity: let that navigation end first, or
        // the next one interrupts it.
        const enrolled = page.waitForResponse((response) =>
          response.url().endsWith(`/courses/${slug}/enrol`),
        );
        await page.locator(`form[action="/courses/${slug}/enrol"] button`).click();
        await enrolled;
        // It lands on the first activity: that is the learner's first visit, checked below. (Opening
        // "Continue" on top of it would be a second visit, a resume once the SCO has saved.) Should
        // it ever come back to the course page instead, "Continue" opens the activity.
        await page
          .waitForURL((url) => url.pathname !== `/courses/${slug}`, { timeout: 10_000 })
          .catch(() => undefined);
        if (new URL(page.url()).pathname === `/courses/${slug}`)
          await page.goto(`/courses/${slug}/continue`);
        const status = sco(page).locator('#scorm-status');
        await expect(status).toHaveAttribute('data-state', 'ready');
        await expect(status).toHaveAttribute('data-entry', 'ab-initio');
        await expect(status).toHaveAttribute('data-visits', '1');
        // Nothing was added to the SCO's own URL (its query holds the manifest's parameters at most, never
        // a token), and it is served from the content origin.
        if (slug === 'fx-golf12') await expect(status).toHaveAttribute('data-search', '');
        expect(await status.getAttribute('data-search')).not.toMatch(/[\w-]{32,}|token/);
        expect(
          page
            .frames()
            .some(
              (frame) => frame.url().startsWith(`${contentOrigin}/`) && frame.url().includes('/p/'),
            ),
        ).toBe(true);
        if (slug === 'fx-rise2004') {
          // A page framed inside the package (Rise's scormcontent/index.html) finds the API by the usual parent walk.
          const found = await sco(page)
            .frameLocator('#content-frame')
            .locator('body')
            .evaluate(() => {
              for (let win: Window = window; ; win = win.parent) {
                if ((win as unknown as { API_1484_11?: unknown }).API_1484_11) return true;
                if (win.parent === win) return false;
              }
            });
          expect(found).toBe(true);
        }
        const committed = page.waitForResponse(
          (response) => response.url().includes('/scorm/commit/') && response.ok(),
        );
        await sco(page)
          .locator('body')
          .evaluate(() =>
            (
              window as unknown as { LanternSco: { setLocation(v: string): boolean } }
            ).LanternSco.setLocation('slide-7'),
          );
        await committed;

        // The learner closes the tab in the middle of the SCO, then comes back.
        await page.close({ runBeforeUnload: true });
        page = await context.newPage();
        await page.goto(`/courses/${slug}/continue`);
        const resumed = sco(page).locator('#scorm-status');
        await expect(resumed).toHaveAttribute('data-state', 'ready');
        await expect(resumed).toHaveAttribute('data-entry', 'resume');
        await expect(resumed).toHaveAttribute('data-location', 'slide-7');
        await expect(resumed).toHaveAttribute('data-visits', '2');

        await completeAndWaitForCommit(page);
        // The SCO's status is the learner's progress: the item is done, and a one-SCO course is complete.
        await page.goto(`/courses/${slug}`);
        const scoCount = await page.locator('.modules .items li').count();
        if (scoCount === 1)
          await expect(page.locator(`a[href="/courses/${slug}/certificate"]`)).toBeVisible();
        else await expect(page.locator('.modules .items li.done')).toHaveCount(1);
      }
      expect(scriptErrors).toEqual([]);
    });

    test('a multi-SCO SCORM 2004 package: choices in the table of contents through the sequencing engine, state kept per SCO, course complete when every visible SCO is', async ({
      browser,
    }) => {
      test.setTimeout(90_000);
      const admin = await (await browser.newContext({ baseURL })).newPage();
      await loginAsAdmin(admin);
      await importThroughAdminPage(admin, await buildFourthEdition2004(dir), 'case-management');
      await admin.close();
      const page = await (await browser.newContext({ baseURL })).newPage();
      await registerAndLogin(page, { name: 'Multi Sco Learner' });
      await page.goto('/courses/case-management');
      await page.locator('form[action="/courses/case-management/enrol"] button').click();
      await page.goto('/courses/case-management/continue');
      await expect(page.locator('h1')).toHaveText('Introduction');
      const status = sco(page).locator('#scorm-status');
      await expect(status).toHaveAttribute('data-state', 'ready');
      // The player page itself (the package's own pages inside the frame are the author's).
      await expectNoSeriousA11yViolations(page, '#sco-frame');
      // The item's parameters, and nothing else, reach the SCO's URL.
      await expect(status).toHaveAttribute('data-search', '?lesson=intro');
      await completeAndWaitForCommit(page);

      // No flow in this package (IMS SS default): Continue is not offered, the contents are.
      await expect(
        page.locator('#sco-controls').getByRole('button', { name: 'Continue' }),
      ).toBeDisabled();
      await page.locator('.toc').getByRole('link', { name: 'Practice' }).click();
      await expect(page.locator('h1')).toHaveText('Practice');
      // A new SCO starts from its own, empty state: nothing leaks from the previous one.
      await expect(status).toHaveAttribute('data-state', 'ready');
      await expect(status).toHaveAttribute('data-entry', 'ab-initio');
      await expect(status).toHaveAttribute('data-visits', '1');
      await expect(status).toHaveAttribute('data-search', '?lesson=practice');
      await expect(page.locator('.toc li.done')).toContainText('Introduction');
      await completeAndWaitForCommit(page);

      await page.locator('.toc').getByRole('link', { name: 'Assessment' }).click();
      await expect(status).toHaveAttribute('data-state', 'ready');
      await completeAndWaitForCommit(page);
      await page.goto('/courses/case-management');
      // The hidden glossary asset is not required for completion.
      await expect(page.locator('a[href="/courses/case-management/certificate"]')).toBeVisible();
      await page.close();
    });
  });
}
