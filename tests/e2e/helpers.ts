import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';

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
 * The newest email to `to` whose text matches `pattern` (e.g. a link), as the server of this page
 * wrote it: tests/e2e/serve.js runs it without SMTP_URL, so each message is an .eml file in its
 * DATA_DIR/outbox. Returns the pattern's first group (or whole match) and the message's subject.
 */
export async function readEmail(
  page: Page,
  to: string,
  pattern: RegExp,
): Promise<{ found: string; subject: string }> {
  const port = new URL(page.url()).port;
  const dataDir = (await readFile(join(tmpdir(), `lantern-e2e-${port}.data-dir`), 'utf8')).trim();
  const outbox = join(dataDir, 'outbox');
  const deadline = Date.now() + 10_000;
  for (;;) {
    // Newest first: the names start with the time the message was written.
    const files = (await readdir(outbox).catch(() => [] as string[])).sort().reverse();
    for (const file of files) {
      const raw = await readFile(join(outbox, file));
      if (!raw.toString('latin1').toLowerCase().includes(to.toLowerCase())) continue;
      const mail = await simpleParser(raw);
      const match = pattern.exec(mail.text ?? '');
      if (match) return { found: match[1] ?? match[0], subject: mail.subject ?? '' };
    }
    if (Date.now() > deadline) throw new Error(`no email to ${to} matching ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Follows the address confirmation link emailed to `email` and presses the button on its page (the
 * link alone confirms nothing), in a new tab of this page's browser context: the page stays where
 * it is.
 */
export async function confirmEmail(page: Page, email: string): Promise<void> {
  const { found } = await readEmail(page, email, /https?:\/\/\S+\/email\/verify\/[\w-]+/);
  const tab = await page.context().newPage();
  try {
    expect((await tab.goto(found))?.status()).toBe(200);
    const [confirmed] = await Promise.all([
      tab.waitForResponse((response) => response.request().method() === 'POST'),
      tab.locator('form[action^="/email/verify/"] button[type="submit"]').click(),
    ]);
    expect(confirmed.status()).toBe(200);
    await expect(tab.locator('.narrow p.notice[role="status"]')).toBeVisible();
  } finally {
    await tab.close();
  }
}

/**
 * Creates a learner account through the form; registering signs the person in and goes on to
 * `next` (a path on the site), or the catalogue. The address is then confirmed by the emailed
 * link's button (certificates are issued to confirmed addresses), unless `confirm` is false.
 */
export async function registerAndLogin(
  page: Page,
  options: { name: string; password?: string; email?: string; next?: string; confirm?: boolean },
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
  if (options.confirm !== false) await confirmEmail(page, email);
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
