import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Fails on any serious or critical axe-core violation, naming the rule and the elements. */
export async function expectNoSeriousA11yViolations(page: Page, exclude?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const results = await (exclude ? builder.exclude(exclude) : builder).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

/**
 * Creates a learner account through the form; registering signs the person in and goes on to
 * `next` (a path on the site), or the catalogue.
 */
export async function registerAndLogin(
  page: Page,
  options: { name: string; password?: string; email?: string; next?: string },
): Promise<string> {
  const email = options.email ?? `e2e-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
  const password = options.password ?? 'a long passphrase for e2e';
  await page.goto(
    options.next ? `/register?next=${encodeURIComponent(options.next)}` : '/register',
  );
  await page.locator('#field-name').fill(options.name);
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(password);
  await page.locator('form[action="/register"] button[type="submit"]').click();
  await expect(page).toHaveURL((url) => url.pathname === (options.next ?? '/'));
  return email;
}

/** The admin that tests/e2e/serve.js creates before the server starts. */
export async function loginAsAdmin(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email address').fill('e2e-admin@example.org');
  await page.getByLabel('Password').fill('e2e admin passphrase');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** The trainer that tests/e2e/serve.js creates before the server starts. */
export async function loginAsTrainer(page: Page): Promise<void> {
  await page.goto('/login');
  await page.locator('#field-email').fill('e2e-trainer@example.org');
  await page.locator('#field-password').fill('e2e trainer passphrase');
  await page.locator('form[action="/login"] button[type="submit"]').click();
}

/** Imports a SCORM zip through the admin page (as an admin) under the given course address. */
export async function importScormPackage(page: Page, zip: string, slug: string): Promise<void> {
  await page.goto('/admin/scorm');
  await page.getByLabel('Package (.zip)').setInputFiles(zip);
  await page.getByLabel('Course address (optional)').fill(slug);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.locator('#import-report')).toContainText('was imported as a new course');
}
