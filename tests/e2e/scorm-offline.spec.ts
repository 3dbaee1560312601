import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { buildGolf12 } from '../scorm/fixtures.js';
import { importScormPackage, loginAsAdmin, registerAndLogin } from './helpers.js';

const slug = 'fx-offline12';
const port = Number(process.env.E2E_PORT ?? 3190);
// playwright.config.ts starts a server per mode: package files on their own origin (the default)
// and, two ports up, under /scorm-content on the app's origin.
const MODES = [
  { mode: 'cross-origin', baseURL: `http://localhost:${port}` },
  { mode: 'same-origin', baseURL: `http://localhost:${port + 2}` },
];
const scoUrl = `/courses/${slug}/scos/item_1`;

type ScormAction = {
  seq: number;
  key: string;
  owner: number;
  kind: string;
  url: string;
  body: { seq: number; cmi: { core: { lesson_location: string } } };
};
type Attempt = {
  course: string;
  cmi: { cmi: { core: { lesson_location: string }; suspend_data: string } };
};

/** The SCO's own page: inside the wrapper (content origin) inside the player page. */
const sco = (page: Page): FrameLocator => page.frameLocator('#sco-frame').frameLocator('#sco');

async function queueOf(page: Page): Promise<ScormAction[]> {
  // offline.js, which offline-boot.js loads once the person has something on the device.
  await page.waitForFunction(() => 'LanternOffline' in self);
  return page.evaluate(async () => {
    const user = Number(
      document.querySelector('meta[name="lantern-user"]')!.getAttribute('content'),
    );
    const api = (
      self as unknown as {
        LanternOffline: { store: { waiting(owner: number): Promise<ScormAction[]> } };
      }
    ).LanternOffline;
    return api.store.waiting(user);
  });
}

async function attemptOf(page: Page): Promise<Attempt> {
  const response = await page.request.get('/account/data.json');
  expect(response.status()).toBe(200);
  const data = (await response.json()) as { scormAttempts: Attempt[] };
  const attempts = data.scormAttempts.filter((attempt) => attempt.course === slug);
  expect(attempts).toHaveLength(1);
  return attempts[0]!;
}

async function setLocation(page: Page, value: string) {
  await sco(page)
    .locator('body')
    .evaluate(
      (_body, value) =>
        (
          window as unknown as { LanternSco: { setLocation(v: string): boolean } }
        ).LanternSco.setLocation(value),
      value,
    );
}

for (const { mode, baseURL } of MODES) {
  test.describe(`SCORM offline, served ${mode}`, () => {
    test.use({ baseURL });
    test(`${mode}: a SCORM course taken offline: package saved from the content origin, launched and resumed offline, commits kept on the device and sent in order once; an older replay changes nothing`, async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      const admin = await (await browser.newContext({ baseURL })).newPage();
      await loginAsAdmin(admin);
      await importScormPackage(
        admin,
        await buildGolf12(mkdtempSync(join(tmpdir(), 'lantern-e2e-'))),
        slug,
      );
      await admin.close();

      const context = await browser.newContext({ baseURL });
      let page = await context.newPage();
      const errors: string[] = [];
      context.on('weberror', (error) => errors.push(error.error().message));
      await registerAndLogin(page, { name: 'Offline Sco Learner' });
      await page.goto(`/courses/${slug}`);
      const enrolled = page.waitForResponse((response) =>
        response.url().endsWith(`/courses/${slug}/enrol`),
      );
      await page.locator(`form[action="/courses/${slug}/enrol"] button`).click();
      await enrolled;
      await page.waitForURL((url) => url.pathname !== `/courses/${slug}`, { timeout: 10_000 });
      await page.goto(scoUrl);
      await expect(sco(page).locator('#scorm-status')).toHaveAttribute('data-visits', '1');
      await page.close({ runBeforeUnload: true });

      // Make available offline: the player page, its scripts, and the package on the content origin.
      page = await context.newPage();
      await page.goto(`/courses/${slug}`);
      await expect(page.locator('[data-offline="save"]')).toBeEnabled();
      await page.locator('[data-offline="save"]').click();
      await expect(page.locator('.offline-panel .offline-state')).toContainText(
        'Available offline ·',
        {
          timeout: 60_000,
        },
      );

      // Offline: the activity opens from the device and resumes where the learner was.
      await context.setOffline(true);
      await page.goto(scoUrl);
      let status = sco(page).locator('#scorm-status');
      await expect(status).toHaveAttribute('data-state', 'ready');
      await expect(status).toHaveAttribute('data-entry', 'resume');
      await expect(status).toHaveAttribute('data-visits', '2');
      await setLocation(page, 'offline-1');
      await expect(page.locator('#sco-status')).toHaveText(
        'Saved on this device — it will be sent when you are back online.',
      );
      expect((await queueOf(page)).some((action) => action.kind === 'scorm')).toBe(true);

      // Closed and opened again, still offline: it starts from what was done offline.
      await page.close({ runBeforeUnload: true });
      page = await context.newPage();
      await page.goto(scoUrl);
      status = sco(page).locator('#scorm-status');
      await expect(status).toHaveAttribute('data-state', 'ready');
      await expect(status).toHaveAttribute('data-location', 'offline-1');
      await expect(status).toHaveAttribute('data-visits', '3');
      await setLocation(page, 'offline-2');
      await expect(page.locator('#sco-status')).toHaveText(/Saved on this device/);
      await page.close({ runBeforeUnload: true });
      page = await context.newPage();
      await page.goto(`/courses/${slug}`);
      const queued = (await queueOf(page)).filter((action) => action.kind === 'scorm');
      expect(queued.length).toBeGreaterThanOrEqual(4);
      const seqs = queued.map((action) => action.body.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(queued.at(-1)!.body.cmi.core.lesson_location).toBe('offline-2');

      // Online: the queue goes by itself, oldest first; each commit is stored once, in order.
      const sent: Array<{ seq: number; stored: boolean }> = [];
      await context.route('**/offline/scorm-commit', async (route) => {
        const request = JSON.parse(route.request().postData() ?? '{}') as {
          commit: { seq: number };
        };
        const response = await route.fetch();
        const answer = (await response.json()) as { stored: boolean };
        sent.push({ seq: request.commit.seq, stored: answer.stored });
        await route.fulfill({ response }).catch(() => {});
      });
      await expect(page.locator('#sync-status')).toHaveText(/answers waiting to be sent/);
      await context.setOffline(false);
      await expect(page.locator('#sync-status')).toHaveText('All sent.');
      // The page, the next page and Background Sync may each send what is still waiting: the seq
      // rule lets each commit write once, in order, whatever the copies.
      await expect
        .poll(() => sent.filter((commit) => commit.stored).map((commit) => commit.seq))
        .toEqual(seqs);
      expect(new Set(sent.map((commit) => commit.seq))).toEqual(new Set(seqs));
      expect(await queueOf(page)).toEqual([]);
      let attempt = await attemptOf(page);
      expect(attempt.cmi.cmi.core.lesson_location).toBe('offline-2');
      expect(JSON.parse(attempt.cmi.cmi.suspend_data)).toMatchObject({ visits: 3 });

      // A replay of an older commit (another tab, a device restored from a backup) changes nothing.
      const replayed = await page.evaluate(async (action) => {
        const session = (await (await fetch('/offline/session')).json()) as { csrfToken: string };
        const response = await fetch('/offline/scorm-commit', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ url: action.url, key: action.key, commit: action.body }),
        });
        return { status: response.status, answer: await response.json() };
      }, queued[0]!);
      expect(replayed).toMatchObject({ status: 200, answer: { stored: false } });
      attempt = await attemptOf(page);
      expect(attempt.cmi.cmi.core.lesson_location).toBe('offline-2');

      // Online again, the activity resumes from the offline work.
      await page.goto(scoUrl);
      status = sco(page).locator('#scorm-status');
      await expect(status).toHaveAttribute('data-location', 'offline-2');
      await expect(status).toHaveAttribute('data-visits', '4');
      expect(errors).toEqual([]);
    });
  });
}
