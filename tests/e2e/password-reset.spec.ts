import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, readEmail, registerAndLogin } from './helpers.js';

/**
 * A learner who forgot the password: five wrong guesses pause the login (with a way out), the
 * "Forgot your password?" page answers without saying whether the address has an account, the
 * email's link sets a new password and signs the learner in; the link then works no more.
 */
test('a learner forgets the password, is paused, resets it by email and is back in', async ({
  page,
}) => {
  const oldPassword = 'the passphrase I forgot';
  const newPassword = 'a passphrase I will remember';
  const email = await registerAndLogin(page, { name: 'Forgetful Learner', password: oldPassword });
  await page.locator('.site-header form[action="/logout"] button').click();

  await page.goto('/login');
  for (let i = 1; i <= 5; i += 1) {
    await page.locator('#field-email').fill(email);
    await page.locator('#field-password').fill(`a wrong guess ${i}`);
    await page.locator('form[action="/login"] button[type="submit"]').click();
  }
  await expect(page.getByRole('alert')).toContainText('logging in with it is paused for 1 minute');

  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/password\/forgot$/);
  await expectNoSeriousA11yViolations(page);
  // A typo first: the form keeps what was typed and says what is wrong.
  await page.getByLabel('Email address').fill('forgetful at example.org');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(
    page.getByText('Please enter an email address like name@example.org.'),
  ).toBeVisible();
  await expect(page.getByLabel('Email address')).toHaveValue('forgetful at example.org');

  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
  await expect(page.getByRole('status')).toContainText(
    // The address keeps its own direction inside the sentence (Unicode isolates around it).
    `If an account exists for \u2068${email}\u2069, we have sent a link to that address.`,
  );

  const { found: link, subject } = await readEmail(
    page,
    email,
    /https?:\/\/\S+\/password\/reset\/[\w-]+/,
  );
  expect(subject).toBe('Choose a new Lantern password');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('New password again').fill('not the same words');
  await page.getByRole('button', { name: 'Save and log in' }).click();
  await expect(page.locator('.field.has-error')).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('New password again').fill(newPassword);
  await page.getByRole('button', { name: 'Save and log in' }).click();

  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(page.getByRole('status')).toContainText(
    'Your new password is saved and you are logged in.',
  );
  await expect(page.locator('.site-header a[href="/account"]')).toBeVisible();

  // The link was for once.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link no longer works');

  // The new password is the one that works now (the pause was lifted by the reset).
  await page.locator('.site-header form[action="/logout"] button').click();
  await page.goto('/login');
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(newPassword);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(page.locator('.site-header a[href="/account"]')).toBeVisible();
});

test('an address without an account gets the very same answer', async ({ page }) => {
  await page.goto('/password/forgot');
  await page.getByLabel('Email address').fill('nobody-here@example.org');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
  await expect(page.getByRole('status')).toContainText(
    'If an account exists for \u2068nobody-here@example.org\u2069, we have sent a link to that address.',
  );
});
