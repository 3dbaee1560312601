/**
 * The admins' SCORM page over HTTP: a multipart upload as a browser sends it (CSRF field included),
 * what the page says about a refused package, who may use the page, and the attempt settings.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import type { TestBrowser } from '../helpers/client.js';
import { createCohort } from '../../src/cohorts/queries.js';
import { translator } from '../../src/web/i18n/index.js';
import {
  buildGolf12,
  buildGolfInFolder,
  buildMissingLaunchFile,
  buildMultiSco12,
  buildRise2004,
  buildZipSlip,
} from './fixtures.js';
import { removeDir, tempDir } from './helpers.js';
import {
  importFixture,
  multipartBody,
  signedIn,
  storedFolders,
  treeOf,
  uploadPackage,
  uploadsDir,
} from './integration.js';

let ctx: TestContext;
let dir: string;
let admin: TestBrowser;
let adminId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  dir = await tempDir('lantern-scorm-admin-');
  const signedInAdmin = await signedIn(ctx, 'admin', 'Ada Admin');
  admin = signedInAdmin.browser;
  adminId = signedInAdmin.user.id;
});
afterAll(async () => {
  await ctx?.close();
  await removeDir(dir);
});

const db = () => ctx.database.db;
const courseBySlug = (slug: string) =>
  db().selectFrom('courses').select(['id', 'kind']).where('slug', '=', slug).executeTakeFirst();
const packageFolders = async () =>
  (await storedFolders(ctx.config.dataDir)).filter((name) => !name.startsWith('.'));

/** The import report: what everyone reads, and the technical disclosure inside it. */
function reportParts(body: string): [string, string] {
  const report = /<div class="error-summary"[^>]*id="import-report">([\s\S]*?)<\/div>/.exec(
    body,
  )?.[1];
  expect(report).toBeDefined();
  const [before, technical = ''] = report!.split('<details class="technical">');
  return [before!, technical];
}

/** The admin page, then the form posted as the browser would. */
async function upload(
  zip: string,
  fields: { slug?: string; locale?: string; csrf?: string | null } = {},
) {
  const page = await admin.get('/admin/scorm');
  expect(page.statusCode).toBe(200);
  return uploadPackage(ctx, admin, zip, fields);
}

describe('uploading a package', () => {
  it('imports it, publishes the course in the catalogue, and lets a learner enrol and launch it', async () => {
    const response = await upload(await buildGolf12(dir), { slug: 'uploaded-golf' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(
      'Golf Explained - Run-time Basic Calls was imported as a new course (SCORM 1.2, 1 activity).',
    );
    expect(response.body).toContain('href="/courses/uploaded-golf"');

    const course = await courseBySlug('uploaded-golf');
    expect(course).toMatchObject({ kind: 'scorm' });
    const pkg = await db()
      .selectFrom('scorm_packages')
      .select(['imported_by', 'version_number'])
      .where('course_id', '=', course!.id)
      .executeTakeFirstOrThrow();
    expect(pkg).toEqual({ imported_by: adminId, version_number: 1 });
    const audit = await db()
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'scorm.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_id: adminId,
      detail: { course: 'uploaded-golf', version: 1, outcome: 'created', file: 'golf-12.zip' },
    });
    // The page lists the imported course with its version.
    expect((await admin.get('/admin/scorm')).body).toContain(
      '<code dir="ltr">uploaded-golf</code>',
    );

    const { browser: learner } = await signedIn(ctx);
    expect((await learner.get('/')).body).toContain('Golf Explained - Run-time Basic Calls');
    await learner.get('/courses/uploaded-golf');
    const enrolled = await learner.post('/courses/uploaded-golf/enrol');
    expect(enrolled.statusCode).toBe(303);
    const next = await learner.get('/courses/uploaded-golf/continue');
    expect(next.headers.location).toBe('/courses/uploaded-golf/scos/item_1');
    const player = await learner.get('/courses/uploaded-golf/scos/item_1');
    expect(player.statusCode).toBe(200);
    expect(player.body).toContain('id="scorm-launch"');
  });

  it('says so when the same file is uploaded again, and adds nothing', async () => {
    const zip = await buildRise2004(dir);
    expect((await upload(zip, { slug: 'uploaded-rise' })).statusCode).toBe(200);
    const folders = await packageFolders();
    const again = await upload(zip, { slug: 'uploaded-rise' });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('is already imported with exactly this file: nothing changed.');
    expect(await packageFolders()).toEqual(folders);
    const course = await courseBySlug('uploaded-rise');
    expect(
      await db()
        .selectFrom('scorm_packages')
        .select('id')
        .where('course_id', '=', course!.id)
        .execute(),
    ).toHaveLength(1);
  });

  it('refuses a broken package with 422: each problem in a sentence, where it is in a disclosure, and what was typed kept', async () => {
    const folders = await packageFolders();
    const response = await upload(await buildMissingLaunchFile(dir), {
      slug: 'typed-address',
      locale: 'fr',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('missing-launch-file.zip was not imported. Nothing was saved.');
    const [report, technical] = reportParts(response.body);
    expect(report).toContain(
      '<li>The launch file &quot;index.html&quot; is not in the package.</li>',
    );
    expect(report).toContain(
      '<li>The launch file &quot;lesson2/start.html&quot; is not in the package.</li>',
    );
    expect(report).toContain('export it again and import the new file');
    // Element names and files only in the disclosure.
    expect(report).not.toContain('identifier=');
    expect(technical).toMatch(
      /<li><code>imsmanifest\.xml(:\d+)? item\[identifier=one\]: problem\.missing_launch_file \{[^}]*&quot;path&quot;:&quot;index\.html&quot;[^}]*\}<\/code><\/li>/,
    );
    expect(technical).toMatch(/item\[identifier=two\]: problem\.missing_launch_file/);
    expect(response.body).toMatch(
      /name="slug"[^>]*value="typed-address"|value="typed-address"[^>]*name="slug"/,
    );
    expect(response.body).toMatch(/<option value="fr" selected>/);
    expect(await courseBySlug('typed-address')).toBeUndefined();
    expect(await packageFolders()).toEqual(folders);
  });

  it('names the unsafe entry of a hostile zip', async () => {
    const response = await upload(await buildZipSlip(dir), { slug: 'hostile' });
    expect(response.statusCode).toBe(422);
    const [report, technical] = reportParts(response.body);
    expect(report).toContain('The zip contains an unsafe file name');
    expect(technical).toContain('../evil.js: problem.unsafe_path');
    expect(await courseBySlug('hostile')).toBeUndefined();
  });

  it('refuses an address that belongs to a native course', async () => {
    const response = await upload(await buildGolf12(dir, 'golf-native-slug.zip'), {
      slug: 'example-course',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('That address belongs to a native course; choose another one.');
    expect(await courseBySlug('example-course')).toMatchObject({ kind: 'native' });
  });

  it('refuses an address that is not one, and says what an address may hold', async () => {
    const response = await upload(await buildGolf12(dir, 'golf-bad-slug.zip'), {
      slug: 'Golf Course!',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain(
      'The course address may only hold lowercase letters, digits and single hyphens.',
    );
    expect(response.body).toContain('value="Golf Course!"');
  });

  it('asks for a file when none was chosen', async () => {
    await admin.get('/admin/scorm');
    const { payload, contentType } = multipartBody([
      { name: '_csrf', value: admin.csrfToken },
      { name: 'slug', value: 'no-file' },
    ]);
    const cookie = [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/admin/scorm',
      payload,
      headers: { 'content-type': contentType, cookie, accept: 'text/html' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Choose a .zip file to import.');
  });

  it('refuses a form without its CSRF token, imports nothing and keeps no upload', async () => {
    const response = await upload(await buildGolf12(dir, 'golf-no-csrf.zip'), {
      slug: 'no-csrf',
      csrf: null,
    });
    expect(response.statusCode).toBe(403);
    expect(await courseBySlug('no-csrf')).toBeUndefined();
    const forged = await upload(await buildGolf12(dir, 'golf-forged-csrf.zip'), {
      slug: 'forged-csrf',
      csrf: 'not-the-token',
    });
    expect(forged.statusCode).toBe(403);
    expect(await courseBySlug('forged-csrf')).toBeUndefined();
    // The uploaded zips are deleted once the response is sent (an onResponse hook, hence the wait).
    await vi.waitFor(async () => expect(await treeOf(uploadsDir(ctx.config.dataDir))).toEqual([]));
  });
});

describe('who may use the page', () => {
  let courseId: number;
  beforeAll(async () => {
    courseId = (
      await importFixture(ctx, dir, buildGolf12, {
        slug: 'settings-golf',
        fileName: 'golf-settings.zip',
      })
    ).courseId;
  });

  it.each(['learner', 'trainer'] as const)(
    'a %s gets 403 on the page, the upload and the settings',
    async (role) => {
      const { browser } = await signedIn(ctx, role);
      expect((await browser.get('/admin/scorm')).statusCode).toBe(403);
      await browser.get('/');
      const settings = await browser.post(`/admin/scorm/${courseId}/settings`, {
        policy: 'always',
        maxAttempts: '',
      });
      expect(settings.statusCode).toBe(403);
      const uploaded = await uploadPackage(
        ctx,
        browser,
        await buildGolf12(dir, `golf-by-${role}.zip`),
        { slug: `by-${role}` },
      );
      expect(uploaded.statusCode).toBe(403);
      expect(await courseBySlug(`by-${role}`)).toBeUndefined();
      expect(
        await db()
          .selectFrom('scorm_courses')
          .select('attempt_policy')
          .where('course_id', '=', courseId)
          .executeTakeFirstOrThrow(),
      ).toEqual({ attempt_policy: 'when_finished' });
    },
  );

  it('sends an anonymous visitor to log in', async () => {
    const response = await ctx.app.inject({
      url: '/admin/scorm',
      headers: { accept: 'text/html' },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?next=%2Fadmin%2Fscorm');
  });

  it('saves valid attempt settings and refuses invalid ones with 400', async () => {
    await admin.get('/admin/scorm');
    const saved = await admin.post(`/admin/scorm/${courseId}/settings`, {
      policy: 'never',
      maxAttempts: '3',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/scorm');
    const settings = () =>
      db()
        .selectFrom('scorm_courses')
        .select(['attempt_policy', 'max_attempts'])
        .where('course_id', '=', courseId)
        .executeTakeFirstOrThrow();
    expect(await settings()).toEqual({ attempt_policy: 'never', max_attempts: 3 });

    for (const form of [
      { policy: 'sometimes', maxAttempts: '' },
      { policy: 'always', maxAttempts: '0' },
      { policy: 'always', maxAttempts: 'two' },
      { policy: 'always', maxAttempts: '1001' },
    ]) {
      const refused = await admin.post(`/admin/scorm/${courseId}/settings`, form);
      expect(refused.statusCode, JSON.stringify(form)).toBe(400);
      expect(refused.body).toContain(
        'Choose an attempt policy, and a maximum between 1 and 1000 (or leave it empty).',
      );
      // What was typed is still in the form.
      expect(refused.body).toMatch(
        new RegExp(
          `id="max-${courseId}" name="maxAttempts"[^>]* value="${form.maxAttempts}" aria-invalid="true"`,
        ),
      );
    }
    expect(await settings()).toEqual({ attempt_policy: 'never', max_attempts: 3 });
    const cleared = await admin.post(`/admin/scorm/${courseId}/settings`, {
      policy: 'when_finished',
      maxAttempts: '',
    });
    expect(cleared.statusCode).toBe(303);
    expect(await settings()).toEqual({ attempt_policy: 'when_finished', max_attempts: null });
  });
});

describe('telling apart packages with the same title', () => {
  let first: number;
  let second: number;
  beforeAll(async () => {
    // The same package imported as two courses, the second then given a new version.
    first = (
      await importFixture(ctx, dir, buildGolf12, { slug: 'twin-golf-a', fileName: 'twin-a.zip' })
    ).courseId;
    second = (
      await importFixture(ctx, dir, buildGolf12, { slug: 'twin-golf-b', fileName: 'twin-b.zip' })
    ).courseId;
    const version = await importFixture(ctx, dir, buildGolfInFolder, { slug: 'twin-golf-b' });
    expect(version.outcome).toBe('new_version');
    for (const [courseId, day] of [
      [first, '2025-03-03T12:00:00Z'],
      [second, '2025-02-12T12:00:00Z'],
    ] as const)
      await sql`update scorm_packages set imported_at = ${day}::timestamptz where course_id = ${courseId}`.execute(
        db(),
      );
  });

  it('lists each with its address, version and import date, in the admin’s language and date format', async () => {
    const british = (await admin.get('/admin/scorm', { 'accept-language': 'en-GB,en;q=0.8' })).body;
    const row = (slug: string) =>
      new RegExp(
        `<code dir="ltr">${slug}</code></td>\\s*<td>([^<]*)</td>\\s*<td><time[^>]*>([^<]*)</time>`,
      )
        .exec(british)
        ?.slice(1);
    expect(row('twin-golf-a')).toEqual(['v1 · SCORM 1.2', expect.stringMatching(/^3 March 2025/)]);
    expect(row('twin-golf-b')).toEqual([
      'v2 · SCORM 1.2',
      expect.stringMatching(/^12 February 2025/),
    ]);
    // An American admin reads the month first; a French one reads French.
    expect((await admin.get('/admin/scorm', { 'accept-language': 'en-US' })).body).toContain(
      'March 3, 2025',
    );
    await db().updateTable('users').set({ locale: 'fr' }).where('id', '=', adminId).execute();
    try {
      const french = (await admin.get('/admin/scorm')).body;
      expect(french).toContain('3 mars 2025');
      expect(french).toContain('twin-golf-b · v2 · importé le 12 février 2025');
    } finally {
      await db().updateTable('users').set({ locale: 'en' }).where('id', '=', adminId).execute();
    }
    // The address field offers the imported courses, each told apart the same way.
    expect(british).toContain('<datalist id="imported-courses">');
    expect(british).toContain(
      '<option value="twin-golf-a" label="Golf Explained - Run-time Basic Calls · twin-golf-a · v1 · imported 3 March 2025">',
    );
  });

  it('tells them apart where an admin picks courses for a cohort and a report', async () => {
    const picker = (await admin.get('/trainer/cohorts/new')).body;
    expect(picker).toMatch(
      new RegExp(
        `for="course-${first}">Golf Explained - Run-time Basic Calls <span class="meta">twin-golf-a · v1 · imported March 3, 2025</span>`,
      ),
    );
    expect(picker).toMatch(
      new RegExp(
        `for="course-${second}">Golf Explained - Run-time Basic Calls <span class="meta">twin-golf-b · v2 · imported February 12, 2025</span>`,
      ),
    );
    const cohortId = await createCohort(db(), {
      name: 'Twins',
      ownerId: adminId,
      courseIds: [first, second],
      startsOn: null,
      dueOn: null,
    });
    const report = (await admin.get(`/trainer/cohorts/${cohortId}/learners`)).body;
    expect(report).toMatch(
      new RegExp(
        `<option value="${second}"[^>]*>Golf Explained - Run-time Basic Calls \\(twin-golf-b · v2 · imported Feb 12, 2025\\)</option>`,
      ),
    );
  });
});

describe('counts on the SCORM page', () => {
  it('say "1 activity" and "4 activities", with the forms of each language', async () => {
    const one = await upload(await buildGolf12(dir, 'count-one.zip'), { slug: 'count-one' });
    expect(one.body).toContain('(SCORM 1.2, 1 activity)');
    const four = await upload(await buildMultiSco12(dir, 'count-four.zip'), { slug: 'count-four' });
    expect(four.body).toContain('(SCORM 1.2, 4 activities)');
    for (const [locale, text] of [
      ['fr', '(SCORM 1.2, 4 activités)'],
      ['es', '(SCORM 1.2, 4 actividades)'],
      ['ar', '(SCORM 1.2، 4 أنشطة)'],
    ] as const) {
      await db().updateTable('users').set({ locale }).where('id', '=', adminId).execute();
      try {
        const page = await upload(await buildMultiSco12(dir, `count-${locale}.zip`), {
          slug: `count-${locale}`,
        });
        expect(page.body, locale).toContain(text);
      } finally {
        await db().updateTable('users').set({ locale: 'en' }).where('id', '=', adminId).execute();
      }
    }
    const ar = translator('ar');
    const forms = [1, 2, 3, 11, 100].map((count) =>
      ar('scorm.import.created', { title: 'T', version: 'SCORM 1.2', count }),
    );
    expect(new Set(forms).size).toBe(5);
    expect(translator('en')('scorm.notice.organization_synthesised', { count: 1 })).toContain(
      'one activity was created from its only resource',
    );
  });
});
