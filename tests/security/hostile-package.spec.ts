// A SCORM package is untrusted code. Its scripts run on the content origin, another port of the
// same host, where they can set cookies the app receives. These packages try what the hostile
// review did: make the admin who opens them change a role, and log the admin out.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { importScormPackage, loginAsAdmin } from '../e2e/helpers.js';
import { writeZip } from '../scorm/zip-builder.js';

const port = Number(process.env.E2E_PORT ?? 3190);
const app = `http://localhost:${port}`;
const dir = mkdtempSync(join(tmpdir(), 'lantern-hostile-'));

/** A one-SCO SCORM 1.2 package whose page runs `attack` as soon as it loads. */
function hostilePackage(name: string, attack: string): Promise<string> {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${name}" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>${name}</title>
    <item identifier="sco" identifierref="res"><title>${name}</title></item>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>`;
  const page = `<!doctype html><html><head><title>${name}</title></head><body><p id="done">working</p><script>
(async function () {
  try { ${attack} } catch (error) { document.title = 'error ' + error; }
  document.getElementById('done').textContent = 'attacked';
})();
</script></body></html>`;
  return writeZip(join(dir, `${name}.zip`), [
    { name: 'imsmanifest.xml', data: manifest },
    { name: 'index.html', data: page },
  ]);
}

/** Imports the package, enrols the admin, opens the SCO and waits until its script has run. */
async function openAsAdmin(page: Page, zip: string, slug: string) {
  await importScormPackage(page, zip, slug);
  await page.goto(`/courses/${slug}`);
  await page.locator(`form[action="/courses/${slug}/enrol"] button`).click();
  await page.goto(`/courses/${slug}/scos/sco`);
  await expect(page.frameLocator('#sco-frame').frameLocator('#sco').locator('#done')).toHaveText(
    'attacked',
  );
}

async function roleOf(page: Page, email: string): Promise<string> {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  return page.locator('tr', { hasText: email }).locator('select[name="role"]').inputValue();
}

test('a package cannot make the admin who opens it promote another account', async ({
  browser,
}) => {
  // The attacker's own visit: any anonymous GET /login hands out a CSRF cookie and its token.
  const attacker = await browser.newContext();
  const login = await attacker.newPage();
  await login.goto(`${app}/login`);
  const pair = {
    cookie: (await attacker.cookies()).find((cookie) => cookie.name === 'lantern_csrf')!.value,
    token: (await login.locator('meta[name="csrf-token"]').getAttribute('content'))!,
  };
  const victimEmail = `victim-${Date.now()}@example.org`;
  await login.goto(`${app}/register`);
  await login.locator('#field-name').fill('Victim Learner');
  await login.locator('#field-email').fill(victimEmail);
  await login.locator('#field-password').fill('a long passphrase for e2e');
  await login.locator('form[action="/register"] button[type="submit"]').click();
  await attacker.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAsAdmin(page);
  await page.goto(`/admin/users?q=${encodeURIComponent(victimEmail)}`);
  const victimId = (await page.locator('tr', { hasText: victimEmail }).getAttribute('id'))!.replace(
    'user-',
    '',
  );
  expect(await roleOf(page, victimEmail)).toBe('learner');

  const zip = await hostilePackage(
    'promote',
    `document.cookie = 'lantern_csrf=${pair.cookie}; path=/admin/users';
     await fetch('${app}/admin/users/${victimId}/role', { method: 'POST', mode: 'no-cors', credentials: 'include',
       headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'role=admin&_csrf=' + encodeURIComponent('${pair.token}') });`,
  );
  await openAsAdmin(page, zip, 'hostile-promote');
  expect(await roleOf(page, victimEmail)).toBe('learner');
  // The planted cookie did not survive the admin's next visit under its path.
  expect(
    (await context.cookies(app)).filter(
      (cookie) => cookie.name === 'lantern_csrf' && cookie.path === '/admin/users',
    ),
  ).toEqual([]);
  await context.close();
});

test('a package cannot log the admin out by planting a session cookie', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAsAdmin(page);
  const zip = await hostilePackage(
    'logout',
    `document.cookie = 'lantern_session=planted-by-a-package; path=/trainer';`,
  );
  await openAsAdmin(page, zip, 'hostile-logout');
  await page.goto('/trainer/cohorts');
  await expect(page).toHaveURL(/\/trainer\/cohorts$/);
  await expect(page.locator('form[action="/logout"]')).toBeVisible();
  expect(
    (await context.cookies(app)).filter(
      (cookie) => cookie.name === 'lantern_session' && cookie.path === '/trainer',
    ),
  ).toEqual([]);
  await context.close();
});
