import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers.js';

test('a visitor registers (signed in at once), switches to Arabic and logs out', async ({
  page,
}) => {
  const email = `e2e-${Date.now()}@example.org`;
  await page.goto('/register');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expectNoSeriousA11yViolations(page);

  // A mistake first: the form comes back with what was typed.
  await page.getByLabel('Full name').fill('Nour Haddad');
  await page.getByLabel('Email address').fill('not an email');
  await page.getByLabel('Password').fill('a long passphrase for nour');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(
    page.getByText('Please enter an email address like name@example.org.'),
  ).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue('Nour Haddad');

  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('a long passphrase for nour');
  await page.getByRole('button', { name: 'Create my account' }).click();
  // Registering signs the new learner in and opens the catalogue.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('status')).toContainText(
    'Welcome, Nour Haddad. Your account is ready and you are logged in.',
  );

  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  // The layout mirrors: the brand sits at the right edge in Arabic.
  const brand = await page.locator('.brand').boundingBox();
  const viewport = page.viewportSize()!;
  expect(brand!.x).toBeGreaterThan(viewport.width / 2);
  await expectNoSeriousA11yViolations(page);

  await page.locator('.site-header form[action="/logout"] button').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.site-header a[href="/login"]')).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
});

test('a learner is refused the admin pages', async ({ page }) => {
  const email = `e2e-refused-${Date.now()}@example.org`;
  await page.goto('/register');
  await page.getByLabel('Full name').fill('Refused Learner');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('another long passphrase');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/$/);
  const response = await page.goto('/admin/users');
  expect(response!.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
});

test('an admin searches users and changes a role with htmx, without a page load', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('Email address').fill('e2e-admin@example.org');
  await page.getByLabel('Password').fill('e2e admin passphrase');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.goto('/admin/users');
  await expectNoSeriousA11yViolations(page);
  // A marker on window survives only if no full navigation happens.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.getByLabel('Search by name or email').fill('Refused');
  await expect(page.locator('#user-results')).toContainText('Refused Learner');
  await expect(page.locator('#user-results')).not.toContainText('E2E Admin');
  await expect(page).toHaveURL(/q=Refused/);
  const row = page.locator('#user-results tr', { hasText: 'Refused Learner' }).first();
  await row.getByRole('combobox').selectOption('trainer');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#user-results')).toContainText('is now Trainer');
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});
