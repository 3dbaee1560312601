// What an admin reads in the browser: the audit log's sentences and disclosures, SCORM courses of
// the same title told apart, and a failure inside a part of a page shown there as a message.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildGolf12 } from '../scorm/fixtures.js';
import { expectNoSeriousA11yViolations, importScormPackage, loginAsAdmin } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'lantern-e2e-admin-'));

// A British admin: dates read day first, month spelt out, 24-hour clock.
test.use({ locale: 'en-GB' });

/** Nothing on the page scrolls sideways (a table's own scrolling container excepted). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('an admin reads the audit log as sentences, with the details behind a disclosure, on a phone and in Arabic', async ({
  page,
}) => {
  await loginAsAdmin(page);
  await page.goto('/admin/users?q=someone-in-particular');
  await page.goto('/admin/audit');
  const entry = page.locator('.audit-log > li').first();
  // That a search was made, not its words (they may name someone later erased).
  await expect(entry).toContainText(
    /E2E Admin\u2069? searched the users by name or email \(page 1\)\./,
  );
  await expect(entry).not.toContainText('someone-in-particular');
  await expect(entry.locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d /);
  // The raw details are there, folded away until asked for.
  const json = entry.locator('details pre');
  await expect(json).toBeHidden();
  await entry.getByText('Technical details').click();
  await expect(json).toBeVisible();
  await expect(json).toContainText('"searched": true');
  await expect(entry.locator('details')).toContainText('users.list');
  await expectNoSeriousA11yViolations(page);

  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page);

  await page.locator('.language-switcher').getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.audit-log > li').first()).toContainText('بحث');
  await expect(page.locator('.audit-log > li').first()).toContainText('في قائمة المستخدمين');
  await expectNoSidewaysScroll(page);
  await page.locator('.language-switcher').getByRole('button', { name: 'English' }).click();
});

test('two SCORM packages with the same title are told apart by address, version and import date', async ({
  page,
}) => {
  await loginAsAdmin(page);
  const zip = await buildGolf12(dir, 'twin.zip');
  await importScormPackage(page, zip, 'e2e-twin-one');
  await importScormPackage(page, zip, 'e2e-twin-two');
  await page.goto('/admin/scorm');
  const rows = page.locator('section[aria-labelledby="courses-heading"] tbody tr', {
    hasText: 'Golf Explained - Run-time Basic Calls',
  });
  const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date());
  for (const slug of ['e2e-twin-one', 'e2e-twin-two']) {
    const row = rows.filter({ hasText: slug });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('v1 · SCORM 1.2');
    await expect(row.locator('time')).toContainText(today);
  }
  // The address field offers the imported courses to add a version to.
  await expect(page.locator('#imported-courses option[value="e2e-twin-two"]')).toHaveAttribute(
    'label',
    `Golf Explained - Run-time Basic Calls · e2e-twin-two · v1 · imported ${today}`,
  );
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page);
});

test('a failure inside a part of the page is shown there as a message, never as a second page', async ({
  page,
}) => {
  await loginAsAdmin(page);
  await page.goto('/admin/users');
  await expect(page.locator('#user-results tbody tr').first()).toBeVisible();

  // A search the server refuses (longer than it accepts): htmx swaps the answer into the results.
  await page
    .locator('#user-search')
    .evaluate((input) => (input as HTMLInputElement).removeAttribute('maxlength'));
  await page.locator('#user-search').fill('x'.repeat(1001));
  const results = page.locator('#user-results');
  await expect(results.getByRole('alert')).toContainText('Request not understood');
  await expect(page.locator('.site-header')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('footer')).toHaveCount(1);
  // The admin may unfold what the server said.
  await results.getByText('Technical details').click();
  await expect(results.locator('details')).toContainText('querystring/q');

  // A role change with an expired form: the row becomes the message.
  await page.goto('/admin/users');
  await page.evaluate(() => {
    document.querySelector('meta[name="csrf-token"]')!.setAttribute('content', 'expired');
    for (const field of document.querySelectorAll<HTMLInputElement>('input[name="_csrf"]'))
      field.value = 'expired';
  });
  const row = page.locator('#user-results tbody tr').first();
  await row.getByRole('combobox').selectOption('learner');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#user-results').getByRole('alert')).toContainText(
    'This form has expired',
  );
  await expect(page.locator('.site-header')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
});
