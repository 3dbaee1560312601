/**
 * The admins' SCORM page over HTTP: a multipart upload as a browser sends it (CSRF field included),
 * what the page says about a refused package, who may use the page, and the attempt settings.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import type { TestBrowser } from '../helpers/client.js';
import { buildGolf12, buildMissingLaunchFile, buildRise2004, buildZipSlip } from './fixtures.js';
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
      'Golf Explained - Run-time Basic Calls was imported as a new course (SCORM 1.2; activities: 1).',
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
    expect((await admin.get('/admin/scorm')).body).toContain('<code>uploaded-golf</code>');

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

  it('refuses a broken package with 422, lists each problem with its file, and keeps what was typed', async () => {
    const folders = await packageFolders();
    const response = await upload(await buildMissingLaunchFile(dir), {
      slug: 'typed-address',
      locale: 'fr',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('missing-launch-file.zip was not imported. Nothing was saved.');
    expect(response.body).toMatch(
      /<li>imsmanifest\.xml(:\d+)? item\[identifier=one\]: The launch file &quot;index\.html&quot; is not in the package\.<\/li>/,
    );
    expect(response.body).toMatch(
      /<li>imsmanifest\.xml(:\d+)? item\[identifier=two\]: The launch file &quot;lesson2\/start\.html&quot; is not in the package\.<\/li>/,
    );
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
    expect(response.body).toContain('../evil.js: The zip contains an unsafe file name');
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
