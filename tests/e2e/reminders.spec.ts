import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { simpleParser, type ParsedMail } from 'mailparser';
import { expectNoSeriousA11yViolations, loginAsTrainer, registerAndLogin } from './helpers.js';

// A trainer ticks two learners in the cohort's learner table, previews the reminder as the English
// and the Arabic learner will read it, adds a personal line and sends; both messages arrive. The
// e2e server has no SMTP server: it writes each message as an .eml file to DATA_DIR/outbox.

const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const english = { name: 'Emma Reminded', email: `e2e-emma-${stamp}@example.org` };
const arabic = { name: 'ليلى المذكَّرة', email: `e2e-layla-${stamp}@example.org` };
const other = { name: 'Omar Untouched', email: `e2e-omar-${stamp}@example.org` };

/** The messages to `to` that the e2e server wrote (its data folder is a fresh one in tmpdir). */
async function emailsTo(to: string): Promise<ParsedMail[]> {
  const found: ParsedMail[] = [];
  for (const dir of readdirSync(tmpdir()).filter((name) => name.startsWith('lantern-e2e-'))) {
    let files: string[] = [];
    try {
      files = readdirSync(join(tmpdir(), dir, 'outbox')).filter((name) => name.endsWith('.eml'));
    } catch {
      continue;
    }
    for (const file of files) {
      const raw = readFileSync(join(tmpdir(), dir, 'outbox', file));
      if (!raw.includes(to)) continue;
      found.push(await simpleParser(raw));
    }
  }
  return found;
}

async function reminderTo(to: string): Promise<ParsedMail> {
  let reminder: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        reminder = (await emailsTo(to)).find(
          (mail) => /Lantern/.test(mail.subject ?? '') && /continue/.test(mail.text ?? ''),
        );
        return reminder !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return reminder!;
}

async function joinAs(
  browser: Browser,
  person: { name: string; email: string },
  code: string,
  locale: 'en' | 'ar' = 'en',
): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (locale === 'en') await registerAndLogin(page, person);
  else {
    await page.goto('/register');
    await page.locator('#field-name').fill(person.name);
    await page.locator('#field-email').fill(person.email);
    await page.locator('#field-password').fill('a long passphrase for e2e');
    await page.locator('#field-locale').selectOption(locale);
    await page.locator('form[action="/register"] button[type="submit"]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
  }
  await page.goto(`/join/${code}`);
  await page.locator('form[action="/join"] button').click();
  await expect(page).not.toHaveURL(/\/join/);
  await context.close();
}

test('a trainer reminds two learners, each in their own language', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const trainer: Page = await context.newPage();
  await loginAsTrainer(trainer);
  await expect(trainer).toHaveURL(/\/$/);
  await trainer.goto('/trainer/cohorts/new');
  await trainer.locator('#field-name').fill(`Reminded cohort ${stamp}`);
  await trainer.getByLabel('Example course for tests').check();
  await trainer.getByRole('button', { name: 'Create the cohort' }).click();
  const code = (await trainer.locator('.join-box code').textContent())!.trim();
  const base = new URL(trainer.url()).pathname;

  await joinAs(browser, english, code);
  await joinAs(browser, arabic, code, 'ar');
  await joinAs(browser, other, code);

  // The learner table: tick two of the three learners.
  await trainer.goto(`${base}/learners`);
  await trainer.getByRole('checkbox', { name: `Select ${english.name}` }).check();
  await trainer.getByRole('checkbox', { name: `Select ${arabic.name}` }).check();
  await expectNoSeriousA11yViolations(trainer);
  await trainer.getByRole('button', { name: 'Remind the selected learners' }).click();

  // The preview: one group per language, each message as its learners will read it.
  await expect(trainer.getByRole('heading', { level: 1 })).toHaveText('Send a reminder');
  await expect(
    trainer.getByRole('heading', { name: '2 learners will receive this reminder.' }),
  ).toBeVisible();
  const englishGroup = trainer.locator('section', {
    has: trainer.getByRole('heading', { name: 'In English: 1 learner' }),
  });
  const arabicGroup = trainer.locator('section', {
    has: trainer.getByRole('heading', { name: 'In Arabic: 1 learner' }),
  });
  await expect(englishGroup.locator('dd')).toHaveText('Your course is waiting for you on Lantern');
  await expect(englishGroup.locator('.mail-preview')).toContainText(`Hello ${english.name},`);
  await expect(arabicGroup.locator('dd')).toHaveText('دورتك في انتظارك على Lantern');
  await expect(arabicGroup.locator('.mail-preview')).toHaveAttribute('dir', 'rtl');
  await expect(arabicGroup.locator('.mail-preview')).toContainText(`مرحبًا ${arabic.name}،`);
  await expect(trainer.locator('main')).not.toContainText(other.name);

  // A personal line, seen in both messages before sending.
  await trainer.getByLabel('A personal line (optional)').fill('See you on Thursday <3');
  await trainer.getByRole('button', { name: 'Update the preview' }).click();
  await expect(englishGroup.locator('.mail-preview')).toContainText('See you on Thursday <3');
  await expect(arabicGroup.locator('.mail-preview')).toContainText('See you on Thursday <3');
  await expect(trainer.getByLabel('A personal line (optional)')).toHaveValue(
    'See you on Thursday <3',
  );
  await expectNoSeriousA11yViolations(trainer);
  // On a phone the page does not scroll sideways (long links wrap).
  await trainer.setViewportSize({ width: 360, height: 780 });
  expect(await trainer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    360,
  );
  await trainer.setViewportSize({ width: 1280, height: 900 });

  await trainer.getByRole('button', { name: 'Send the reminder to 2 learners' }).click();
  await expect(trainer).toHaveURL(new RegExp(`${base}/learners`));
  await expect(trainer.locator('.flash')).toHaveText('Reminder sent to 2 learners.');

  // Both messages arrive, each in its reader's language, with the trainer's line.
  const toEmma = await reminderTo(english.email);
  expect(toEmma.subject).toBe('Your course is waiting for you on Lantern');
  expect(toEmma.text).toContain('See you on Thursday <3');
  expect(toEmma.text).toMatch(
    /Continue the course\nhttp:\/\/localhost:\d+\/courses\/example-course\/continue/,
  );
  const toLayla = await reminderTo(arabic.email);
  expect(toLayla.subject).toBe('دورتك في انتظارك على Lantern');
  expect(toLayla.html).toContain('dir="rtl"');
  expect(toLayla.text).toContain('See you on Thursday <3');
  expect(
    (await emailsTo(other.email)).filter((mail) => /waiting/.test(mail.subject ?? '')),
  ).toEqual([]);

  // Sending again the same day reminds nobody, and says so before anything is sent.
  await trainer.getByRole('checkbox', { name: `Select ${english.name}` }).check();
  await trainer.getByRole('button', { name: 'Remind the selected learners' }).click();
  await expect(trainer.locator('main')).toContainText('Already reminded in the last 24 hours');
  await expect(trainer.getByRole('button', { name: /Send the reminder/ })).toHaveCount(0);
  await context.close();
});
