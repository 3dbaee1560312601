import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import {
  expectNoSeriousA11yViolations,
  loginAsAdmin,
  readEmail,
  registerAndLogin,
} from './helpers.js';

test('a learner edits their profile, downloads their data and deletes their account', async ({
  page,
}) => {
  const email = await registerAndLogin(page, {
    name: 'Profile Person',
    password: 'profile person passphrase',
  });
  await page.goto('/account');
  await expectNoSeriousA11yViolations(page);

  // Name and language in one form: the next page speaks the new language.
  await page.locator('#field-name').fill('Profile Person Renamed');
  await page.locator('#field-locale').selectOption('fr');
  await page.locator('form[action="/account/profile"] button[type="submit"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.flash')).toHaveText('Votre nom et votre langue sont enregistrés.');
  await expect(page.locator('#field-name')).toHaveValue('Profile Person Renamed');

  // A wrong password keeps the address typed, with the problem next to it.
  await page.locator('#field-email').fill('profile.new@example.org');
  await page.locator('#field-emailPassword').fill('not the password');
  await page.locator('form[action="/account/email"] button[type="submit"]').click();
  await expect(page.locator('#field-emailPassword-error')).toBeVisible();
  await expect(page.locator('#field-email')).toHaveValue('profile.new@example.org');
  await page.locator('#field-emailPassword').fill('profile person passphrase');
  await page.locator('form[action="/account/email"] button[type="submit"]').click();
  await expect(page.locator('.pending-email')).toContainText('profile.new@example.org');
  await expect(page.locator('#email-heading + p')).toContainText(email);

  // Reminders off.
  await page.locator('#field-reminders').uncheck();
  await page.locator('form[action="/account/reminders"] button[type="submit"]').click();
  await expect(page.locator('.flash')).toHaveText(
    'Les rappels de vos formateur·rices sont désactivés.',
  );
  await expect(page.locator('#field-reminders')).not.toBeChecked();

  // The data, as a file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('a[href="/account/data.json"]').first().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^lantern-data-\d+-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    format: string;
    profile: { name: string; email: string; language: string; remindersEnabled: boolean };
  };
  expect(data.format).toBe('lantern-personal-data');
  expect(data.profile).toMatchObject({
    name: 'Profile Person Renamed',
    email,
    language: 'fr',
    remindersEnabled: false,
  });

  // Deleting: the page explains, asks for the password, then the person is gone.
  await page.locator('a[href="/account/delete"]').click();
  await expect(page).toHaveURL(/\/account\/delete$/);
  await expectNoSeriousA11yViolations(page);
  await page.locator('#field-password').fill('profile person passphrase');
  await page.locator('form[action="/account/delete"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.flash')).toContainText('Votre compte est supprimé.');
  await expect(page.locator('.site-header a[href="/login"]')).toBeVisible();

  await page.goto('/login');
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill('profile person passphrase');
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/login/);
});

test('a new email address is taken by the button on the page of the emailed link', async ({
  page,
}) => {
  const password = 'moving person passphrase';
  const oldEmail = await registerAndLogin(page, { name: 'Moving Person', password });
  const newEmail = `moved-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
  await page.goto('/account');
  await page.locator('#field-email').fill(newEmail);
  await page.locator('#field-emailPassword').fill(password);
  await page.locator('form[action="/account/email"] button[type="submit"]').click();
  await expect(page.locator('.pending-email')).toContainText(newEmail);

  const { found: link, subject } = await readEmail(
    page,
    newEmail,
    /https?:\/\/\S+\/account\/email\/[\w-]+/,
  );
  expect(subject).toBe('Confirm your new email address for Lantern');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your new email address');
  await expect(page.locator('main')).toContainText(`Confirm that \u2068${newEmail}\u2069 becomes`);
  await expectNoSeriousA11yViolations(page);
  // Opening the link changed nothing.
  const other = await page.context().newPage();
  await other.goto('/account');
  await expect(other.locator('#email-heading + p')).toContainText(oldEmail);
  await expect(other.locator('.pending-email')).toContainText(newEmail);
  await other.close();

  // The button does (its form passes the origin and CSRF checks from this page).
  await page.getByRole('button', { name: 'Confirm the new address' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/account');
  await expect(page.locator('.flash')).toContainText(`Your email address is now \u2068${newEmail}`);
  await expect(page.locator('#email-heading + p')).toContainText(newEmail);
  await expect(page.locator('.pending-email')).toHaveCount(0);

  // The link was for once.
  await page.goto(link);
  await expect(page.locator('main')).toContainText('This confirmation link no longer works');
  await expect(page.getByRole('button', { name: 'Confirm the new address' })).toHaveCount(0);
});

test('an Arabic account page reads right to left', async ({ page }) => {
  await registerAndLogin(page, { name: 'ليلى حداد' });
  await page.goto('/account');
  await page.locator('#field-locale').selectOption('ar');
  await page.locator('form[action="/account/profile"] button[type="submit"]').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('#delete-heading')).toHaveText('حذف حسابي');
  await expectNoSeriousA11yViolations(page);
});

test('an admin erases a user from the users page, after a confirmation', async ({
  page,
  browser,
}) => {
  const learner = await browser.newContext();
  const learnerPage = await learner.newPage();
  await registerAndLogin(learnerPage, { name: 'Erasable Ernesto' });

  await loginAsAdmin(page);
  await page.goto('/admin/users?q=Erasable');
  const row = page.locator('tr', { hasText: 'Erasable Ernesto' });
  await row.getByRole('link', { name: /Erase/ }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+\/erase$/);
  await expect(page.locator('main')).toContainText(
    'You are about to erase the account of Erasable Ernesto',
  );
  await expectNoSeriousA11yViolations(page);
  await page.locator('#field-password').fill('e2e admin passphrase');
  await page.getByRole('button', { name: 'Erase this account for good' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.locator('.flash')).toHaveText('The account is erased.');
  await page.goto('/admin/users?q=Erasable');
  await expect(page.locator('main')).toContainText('No user matches this search.');

  // The person's open page is signed out at the next step.
  await learnerPage.goto('/my-learning');
  await expect(learnerPage).toHaveURL(/\/login\?next=%2Fmy-learning$/);
  await learner.close();
});
