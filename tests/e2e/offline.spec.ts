import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, loginAsTrainer, registerAndLogin } from './helpers.js';

const course = '/courses/example-course';
const PASSWORD = 'a long passphrase for e2e';

type QueuedAction = { seq: number; key: string; owner: number; url: string };
type PersonalData = {
  lessonProgress: Array<{
    course: string;
    item: string;
    completedAt: string | null;
    attempts: number;
    passed: boolean;
  }>;
  quizAttempts: Array<{ quiz: string; submittedAt: string | null; score: number | null }>;
};

/**
 * The queue on this device for the person signed in on the page, read from IndexedDB directly
 * (offline.js is loaded only where it serves: see offline-boot.js).
 */
async function queueOf(page: Page, owner?: number): Promise<QueuedAction[]> {
  return page.evaluate(async (owner) => {
    const user =
      owner ?? Number(document.querySelector('meta[name="lantern-user"]')!.getAttribute('content'));
    const open = indexedDB.open('lantern-offline', 1);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = db.transaction('queue').objectStore('queue').index('owner').getAll(user);
    const all = await new Promise<QueuedAction[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as QueuedAction[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all.sort((a, b) => a.seq - b.seq);
  }, owner);
}

/** offline.js on the page (loaded by offline-boot.js for someone with a saved course). */
async function offlineScript(page: Page) {
  await page.waitForFunction(() => 'LanternOffline' in self);
}

async function userIdOf(page: Page): Promise<number> {
  return Number(await page.locator('meta[name="lantern-user"]').getAttribute('content'));
}

async function myData(page: Page): Promise<PersonalData> {
  const response = await page.request.get('/account/data.json');
  expect(response.status()).toBe(200);
  return (await response.json()) as PersonalData;
}

async function login(page: Page, email: string) {
  await page.goto('/login');
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(PASSWORD);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await expect(page).toHaveURL(/\/$/);
}

/** A marker that survives only if no full page load happens (htmx swapped the content). */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
}
async function stayedOnPage(page: Page) {
  return page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed === true);
}

test('a course taken offline: saved, read and answered without a connection, sent once, dated when done; another person on the device never sends it', async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // A trainer's cohort, so the trainer's report can be checked at the end.
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await loginAsTrainer(trainer);
  await trainer.goto('/trainer/cohorts/new');
  await trainer.locator('#field-name').fill('Field office');
  await trainer.getByLabel('Example course for tests').check();
  await trainer.getByRole('button', { name: 'Create the cohort' }).click();
  const code = (await trainer.locator('.join-box code').textContent())!.trim();
  const cohortUrl = new URL(trainer.url()).pathname;

  const context = await browser.newContext();
  let page = await context.newPage();
  const email = await registerAndLogin(page, { name: 'Offline Learner' });
  await page.goto('/join');
  await page.locator('#field-code').fill(code);
  await page.locator('form[action="/join"] button').click();
  await expect(page).toHaveURL(new RegExp(`${course}$`));
  const learnerId = await userIdOf(page);

  // Make available offline: a progress bar, then the size and the date; the storage is shown.
  const state = page.locator('.offline-panel .offline-state');
  await expect(page.locator('[data-offline="save"]')).toBeEnabled();
  await page.locator('[data-offline="save"]').click();
  await expect(state).toContainText('Available offline ·', { timeout: 60_000 });
  await expect(state).toContainText(/· \d+ kB · saved .+ \d{4}$/);
  await expect(page.locator('.offline-panel .offline-storage')).not.toBeEmpty();
  await expect(page.locator('[data-offline="remove"]')).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expectNoSeriousA11yViolations(page);
  await page.goto('/my-learning');
  await expect(page.locator('.offline-badge')).toHaveText('Available offline');

  // Offline from here.
  await context.setOffline(true);
  const offlineFrom = Date.now();
  // The start page and My learning work offline; "Continue" opens the saved course page.
  await page.goto('/');
  await expect(page.locator('h1')).toBeVisible();
  await page.goto('/my-learning');
  await page.locator(`a[href="${course}/continue"]`).click();
  await expect(page).toHaveURL(`${course}/continue`);
  await expect(page.locator('h1')).toHaveText('Example course for tests');
  await page.locator(`.modules a[href="${course}/lessons/welcome"]`).click();
  await expect(page.locator('#lesson-title')).toHaveText('Welcome');

  // "Next": kept on the device, then the next lesson, saying so.
  await page.locator('form.next-form button').click();
  await expect(page).toHaveURL(`${course}/lessons/english-only`);
  await expect(page.locator('#lesson-title')).toHaveText('Only in English');
  await expect(page.locator('.offline-flash')).toHaveText(
    'Saved on this device — it will be sent when you are back online.',
  );
  await expect(page.locator('#sync-status')).toHaveText('1 answer waiting to be sent');

  // Previous with htmx: the fragment comes from the saved page, no page load.
  await markPage(page);
  await page.locator('a[rel="prev"]').click();
  await expect(page).toHaveURL(`${course}/lessons/welcome`);
  await expect(page.locator('#lesson-title')).toHaveText('Welcome');
  expect(await stayedOnPage(page)).toBe(true);
  // The same lesson's "Next" again is the same action (the saved form's key): still one.
  await page.locator('form.next-form button').click();
  await expect(page).toHaveURL(`${course}/lessons/english-only`);
  await expect(page.locator('#sync-status')).toHaveText('1 answer waiting to be sent');
  await page.locator('form.next-form button').click();
  await expect(page).toHaveURL(`${course}/quizzes/basics-check`);
  await expect(page.locator('#sync-status')).toHaveText('2 answers waiting to be sent');

  // Reload, then the module quiz: marked on the device from its saved key, with feedback.
  await page.reload();
  await expect(page.locator('#quiz-title')).toBeVisible();
  await page.locator('#q-greeting-hello').check();
  await page.locator('#q-colours-red').check();
  await page.locator('#q-colours-blue').check();
  await page.locator('#q-sky-false').check();
  await page.locator('.quiz-form button[hx-post$="/submit"]').click();
  await expect(page.locator('.offline-result .score.passed')).toContainText('100%');
  await expect(page.locator('.offline-result .feedback').first()).toBeVisible();
  await expect(page.locator('article .offline-flash')).toContainText('Marked on this device');
  await expect(page.locator('#sync-status')).toHaveText('3 answers waiting to be sent');

  // Next with htmx from the quiz page, into the next module.
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(`${course}/lessons/optional-reading`);

  // A page not saved: the translated offline page, which links the saved course.
  await page.goto('/courses/safeguarding-matters');
  await expect(page.locator('main')).toContainText(
    'You are offline. This page has not been saved on this device.',
  );
  await expect(page.locator(`.offline-courses a[href="${course}"]`)).toHaveText(
    'Example course for tests',
  );

  // A plain form sent offline (the language switcher) gets the offline page, not the browser's error.
  await page.locator('.language-switcher button[value="fr"]').click();
  await expect(page.locator('main')).toContainText('This page has not been saved on this device');

  // Close the page, open a new one, still offline: the queue is still there.
  await page.close();
  page = await context.newPage();
  await page.goto(`${course}/quizzes/basics-check`);
  await expect(page.locator('.offline-flash')).toContainText('Marked on this device');
  await expect(page.locator('#sync-status')).toHaveText('3 answers waiting to be sent');
  const queued = await queueOf(page);
  expect(queued.map((action) => action.url)).toEqual([
    `${course}/lessons/welcome/complete`,
    `${course}/lessons/english-only/complete`,
    `${course}/quizzes/basics-check/submit`,
  ]);
  const offlineUntil = Date.now();

  // Online: the queue goes by itself, and the status says so.
  await page.waitForTimeout(1_100);
  const onlineAt = Date.now();
  await context.setOffline(false);
  await expect(page.locator('#sync-status')).toHaveText('All sent.', { timeout: 20_000 });
  expect(await queueOf(page)).toEqual([]);

  // In the database (the learner's data export): each once, with the time it was done offline.
  const check = async () => {
    const data = await myData(page);
    const progress = data.lessonProgress.filter((row) => row.course === 'example-course');
    const byItem = new Map(progress.map((row) => [row.item, row]));
    expect([...byItem.keys()].sort()).toEqual(['basics-check', 'english-only', 'welcome']);
    expect(progress).toHaveLength(3);
    for (const row of progress) {
      const at = Date.parse(row.completedAt!);
      expect(at).toBeGreaterThanOrEqual(offlineFrom - 1_000);
      expect(at).toBeLessThanOrEqual(offlineUntil);
      expect(at).toBeLessThan(onlineAt);
    }
    expect(byItem.get('basics-check')).toMatchObject({ passed: true, attempts: 1 });
    const attempts = data.quizAttempts.filter(
      (attempt) => attempt.quiz === 'basics-check' && attempt.submittedAt,
    );
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.score).toBe(100);
    expect(Date.parse(attempts[0]!.submittedAt!)).toBeLessThan(onlineAt);
  };
  await check();

  // The trainer's report: the learner's progress and the one attempt.
  await trainer.goto(`${cohortUrl}/learners/${learnerId}`);
  await expect(trainer.locator('main')).toContainText('Offline Learner');
  await expect(trainer.locator('main details summary')).toHaveCount(1);
  await expect(trainer.locator('main details summary')).toContainText('100%');
  await expect(trainer.locator('main')).toContainText('Progress %: 75%');

  // The same queue replayed (a second tab, a retry after a lost answer): nothing doubles.
  await offlineScript(page);
  const replayed = await page.evaluate(async (actions) => {
    const api = (
      self as unknown as {
        LanternOffline: {
          store: { enqueue(action: unknown): Promise<void> };
          send(): Promise<{ sent: number }>;
        };
      }
    ).LanternOffline;
    for (const { seq: _seq, ...action } of actions) await api.store.enqueue(action);
    return api.send();
  }, queued);
  expect(replayed.sent).toBe(3);
  await check();
  await trainer.reload();
  await expect(trainer.locator('main details summary')).toHaveCount(1);

  // A quiz changed on the server since its page was saved: the answers are kept, the learner told.
  await page.goto(`${course}/quizzes/final-check`);
  const attemptId = await page.locator('.quiz-form input[name="_attempt"]').inputValue();
  await offlineScript(page);
  await page.evaluate(async (attempt) => {
    const owner = Number(
      document.querySelector('meta[name="lantern-user"]')!.getAttribute('content'),
    );
    const api = (
      self as unknown as {
        LanternOffline: { store: { enqueue(action: unknown): Promise<void> } };
      }
    ).LanternOffline;
    await api.store.enqueue({
      owner,
      kind: 'quiz',
      url: '/courses/example-course/quizzes/final-check/submit',
      fields: [
        ['_attempt', attempt],
        ['_version', 'an-older-version'],
      ],
      key: crypto.randomUUID(),
      at: new Date().toISOString(),
    });
  }, attemptId);
  await page.reload();
  await expect(page.locator('#sync-status')).toContainText(
    'This quiz changed after you answered it on your device.',
  );

  // The browser removed saved pages (as iOS does unasked): the course page checks, and offers to
  // download again.
  await page.evaluate(async () => {
    for (const name of await caches.keys())
      if (name.includes('-cexample-course~'))
        await (await caches.open(name)).delete('/courses/example-course/lessons/welcome');
  });
  await page.goto(course);
  const stateNow = page.locator('.offline-panel .offline-state');
  await expect(stateNow).toContainText('no longer on this device');
  await page.locator('[data-offline="again"]').click();
  await expect(stateNow).toContainText('Available offline ·', { timeout: 60_000 });

  // Work done offline, then the session ends (expired) and someone else signs in on this browser.
  await page.goto(`${course}/lessons/optional-reading`);
  await context.setOffline(true);
  await page.locator('form.next-form button').click();
  await expect(page).toHaveURL(`${course}/quizzes/final-check`);
  await expect(page.locator('#sync-status')).toHaveText('1 answer waiting to be sent');
  // The final assessment is not marked on the device: its answers wait for the server.
  await page.locator('.quiz-form fieldset input').first().check();
  await page.locator('.quiz-form button[hx-post$="/submit"]').click();
  await expect(page.locator('article .offline-flash')).toHaveText(
    'Your answers are saved and will be marked when you are online.',
  );
  await expect(page.locator('.offline-result')).toHaveCount(0);
  await context.clearCookies();
  await context.setOffline(false);
  await registerAndLogin(page, { name: 'Second Learner', confirm: false });
  await page.goto('/my-learning');
  await expect(page.locator('#sync-status')).toBeHidden();
  await page.waitForTimeout(1_000);
  expect((await queueOf(page, learnerId)).map((action) => action.url)).toEqual([
    `${course}/lessons/optional-reading/complete`,
    `${course}/quizzes/final-check/submit`,
  ]);
  const second = await myData(page);
  expect(second.lessonProgress).toEqual([]);
  expect(second.quizAttempts).toEqual([]);
  // The second person's pages are not the first's: offline, they get the offline page.
  await context.setOffline(true);
  await page.goto(`${course}/lessons/welcome`);
  await expect(page.locator('main')).toContainText('This page has not been saved on this device');
  await context.setOffline(false);

  // The owner signs in again: their queue goes, as them.
  await page.goto('/');
  await page.locator('.site-header form[action="/logout"] button').click();
  await expect(page.locator('.site-header a[href="/login"]')).toBeAttached();
  await login(page, email);
  await expect(page.locator('#sync-status')).toHaveText('All sent.', { timeout: 20_000 });
  const owner = await myData(page);
  expect(owner.lessonProgress.map((row) => row.item)).toContain('optional-reading');
  expect(
    owner.quizAttempts.filter((attempt) => attempt.quiz === 'final-check' && attempt.submittedAt),
  ).toHaveLength(1);

  // Logout offers to remove this person's offline copies and waiting answers from the device.
  await page.locator('.site-header form[action="/logout"] button').click();
  await expect(page).toHaveURL(/\/logout$/);
  await page.getByLabel('Remove my offline courses and waiting answers from this device').check();
  await page.locator('main form[action="/logout"] button[type="submit"]').click();
  await expect(page.locator('a[href="/login"]').first()).toBeVisible();
  const left = await page.evaluate(async (owner) => {
    const names = await caches.keys();
    return names.filter((name) => name.startsWith(`lantern-u${owner}-`));
  }, learnerId);
  expect(left).toEqual([]);

  await trainerContext.close();
  await context.close();
});

test('without JavaScript the course page says why offline is not offered, and works as before', async ({
  browser,
}) => {
  const setup = await browser.newContext();
  const email = await registerAndLogin(await setup.newPage(), {
    name: 'No Script',
    confirm: false,
  });
  await setup.close();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, email);
  await page.goto(course);
  await page.locator(`form[action="${course}/enrol"] button`).click();
  await expect(page).toHaveURL(`${course}/lessons/welcome`);
  await page.locator('form.next-form button').click();
  await expect(page).toHaveURL(`${course}/lessons/english-only`);
  await page.goto(course);
  await expect(page.locator('[data-offline="save"]')).toBeDisabled();
  await expect(page.locator('.offline-panel .offline-state')).toContainText(
    'Offline use needs JavaScript and a browser that can keep pages',
  );
  await context.close();
});

test('a signed-in learner who saved nothing gets the offline page, in their language, not the browser’s error', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await registerAndLogin(page, { name: 'Never Saved' });
  await page.locator('.language-switcher button[value="fr"]').click();
  await page.goto('/my-learning');
  // The worker is installed on any page for a signed-in person, without saving any course.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await context.setOffline(true);
  await page.goto(course);
  await expect(page.locator('main')).toContainText(
    'Vous êtes hors ligne. Cette page n’a pas été enregistrée sur cet appareil.',
  );
  await context.setOffline(false);
  await context.close();
});
