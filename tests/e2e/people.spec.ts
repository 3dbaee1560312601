// An admin imports people from a CSV file in Chromium: the preview names every problem with its
// line and column and saves nothing, the confirmation says what it did, and the same file again
// changes nothing. Once with JavaScript, once without (the preview is a page of its own, the file
// kept on the server by its hash). Then an admin adds one person, who shows as invited.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, loginAsAdmin } from './helpers.js';

function peopleFile(tag: string): Buffer {
  return Buffer.from(
    '\uFEFFemail;name;role;language;cohort\n' +
      `amina-${tag}@example.org;Amina Diallo;learner;fr;\n` +
      `jorge-${tag}@example.org;Jorge Ramos;trainer;es;\n` +
      'not-an-address;Broken Row;;;\n' +
      `layla-${tag}@example.org;ليلى حداد;;ar;\n` +
      `amina-${tag}@example.org;Amina Again;;;\n`,
    'utf8',
  );
}

async function importFile(page: Page, file: Buffer): Promise<void> {
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'Import from a CSV file' }).click();
  await expect(page).toHaveURL(/\/admin\/users\/import$/);
  await page.getByLabel('CSV file').setInputFiles({
    name: 'people.csv',
    mimeType: 'text/csv',
    buffer: file,
  });
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page).toHaveURL(/\/admin\/users\/import\/[0-9a-f]{64}\?file=people\.csv$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Preview of people.csv');
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('an admin previews a CSV file, confirms it, and a second import changes nothing', async ({
      page,
    }) => {
      const tag = `${javaScriptEnabled ? 'js' : 'nojs'}-${Date.now()}`;
      await loginAsAdmin(page);
      await importFile(page, peopleFile(tag));

      await expect(page.locator('#import-report')).toContainText('Nothing has been saved yet.');
      await expect(page.locator('#import-report')).toContainText('3 people to create and invite');
      await expect(page.locator('#import-report')).toContainText(
        '2 rows skipped because of problems',
      );
      const problems = page.locator('.import-problems li');
      await expect(problems).toHaveText([
        'Line 4, column 1 (email): “not-an-address” is not an email address.',
        'Line 6, column 1 (email): This address is already on line 2: only that first row is imported.',
      ]);
      const rows = page.locator('table.import-rows tbody tr');
      await expect(rows).toHaveCount(5);
      await expect(rows.nth(3)).toContainText('ليلى حداد');
      await expect(rows.nth(3)).toContainText('Create and invite');
      if (javaScriptEnabled) await expectNoSeriousA11yViolations(page);

      // Nothing was saved by the preview.
      await page.goto(`/admin/users?q=${encodeURIComponent(`amina-${tag}`)}`);
      await expect(page.locator('#user-results')).toContainText('0 users found');
      await page.goBack();

      await page.getByRole('button', { name: 'Confirm the import' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import of people.csv done');
      await expect(page.locator('#import-report')).toContainText(
        '3 created, 0 updated, 0 unchanged.',
      );
      await expect(page.locator('#import-report')).toContainText(
        '2 rows were skipped because of problems.',
      );

      // The list shows the new people as invited.
      await page.getByRole('link', { name: 'Back to the user list' }).click();
      await page.getByLabel('Search by name or email').fill(`jorge-${tag}`);
      await page.getByRole('button', { name: 'Search' }).click();
      const row = page.locator('#user-results tbody tr');
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Invited');
      await expect(row).toContainText('Send the invitation again');

      // The same file again: nothing to do, and the confirmation says so.
      await importFile(page, peopleFile(tag));
      await expect(page.locator('#import-report')).toContainText(
        'Nothing to change: every row already matches what Lantern holds.',
      );
      await expect(page.getByRole('button', { name: 'Confirm the import' })).toHaveCount(0);
    });
  });
}

test('an admin adds a person, who shows as invited, and deactivates them from the list', async ({
  page,
}) => {
  const email = `added-${Date.now()}@example.org`;
  await loginAsAdmin(page);
  await page.goto('/admin/users');
  await page.getByRole('link', { name: 'Add a person' }).click();
  await page.getByLabel('Full name').fill('Nabil Nouveau');
  await page.getByLabel('Email address').fill('not an address');
  await page.getByRole('button', { name: 'Add and send the invitation' }).click();
  // What was typed stays, with the problem next to it.
  await expect(page.getByLabel('Full name')).toHaveValue('Nabil Nouveau');
  await expect(page.locator('#field-email-error')).toHaveText(
    'Please enter an email address like name@example.org.',
  );
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Role').selectOption('trainer');
  await page.getByRole('button', { name: 'Add and send the invitation' }).click();
  await expect(page.locator('.flash')).toContainText(
    `Nabil Nouveau was added. An invitation to set a password was sent to ${email}.`,
  );
  const row = page.locator('#user-results tbody tr', { hasText: email });
  await expect(row).toContainText('Invited');
  await expectNoSeriousA11yViolations(page);

  // htmx swaps the row with its message.
  await row.getByRole('button', { name: /^Deactivate/ }).click();
  await expect(row).toContainText('Nabil Nouveau is deactivated');
  await expect(row.getByRole('button', { name: /^Reactivate/ })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/users\?q=/);
});
