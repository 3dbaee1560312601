/**
 * A package imported by an admin lands in the configured store and the content origin streams it
 * back, on local disk and on an S3-compatible server alike: exact bytes, one byte range (206, or
 * 416 past the end), ETag revalidation (304), an immutable cache lifetime, the same security
 * headers, and nothing without the launch's cookie.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import type { TestBrowser } from '../helpers/client.js';
import { buildContentApp } from '../../src/scorm/content.js';
import { importPackage, ImportRefused } from '../../src/scorm/import.js';
import { packageDir } from '../../src/scorm/package-places.js';
import { readPackageZip } from '../../src/scorm/package/index.js';
import { packageStorage } from '../../src/storage/index.js';
import { buildGolf12, buildMissingLaunchFile, buildRise2004 } from '../scorm/fixtures.js';
import { removeDir, tempDir } from '../scorm/helpers.js';
import {
  contentCookieOf,
  enrolledLearner,
  launch,
  signedIn,
  stagingDir,
  storedFolders,
  treeOf,
  uploadPackage,
  uploadsDir,
  wrapperUrlOf,
} from '../scorm/integration.js';
import { startS3, type TestS3 } from './s3-server.js';

const IMMUTABLE = 'private, max-age=31536000, immutable';

let dir: string;
let s3: TestS3;
beforeAll(async () => {
  dir = await tempDir('lantern-storage-content-');
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.close();
  await removeDir(dir);
});

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe.each(['local', 's3'] as const)('package files on %s storage', (kind) => {
  let ctx: TestContext;
  let content: FastifyInstance;
  let admin: TestBrowser;
  let golfZip: string;
  let hash: string;
  /** The golf package unpacked by the import's own reader, to compare served bytes with. */
  let unpacked: string;

  beforeAll(async () => {
    ctx = await createTestApp(kind === 's3' ? { storage: s3.settings } : {});
    content = await buildContentApp(ctx.config);
    await content.ready();
    admin = (await signedIn(ctx, 'admin')).browser;
    golfZip = await buildGolf12(dir, `golf-${kind}.zip`);
    hash = await sha256(golfZip);
    unpacked = join(dir, `unpacked-${kind}`);
    await readPackageZip(golfZip, unpacked);
  });
  afterAll(async () => {
    await content?.close();
    await ctx?.close();
  });

  /** Keys of the bucket under a package (none for local storage). */
  const keysOf = async (packageHash: string) =>
    (await s3.keys()).filter((key) => key.startsWith(`scorm/${packageHash}`));

  it('stores an uploaded package there, complete, and leaves no working files', async () => {
    await admin.get('/admin/scorm');
    const response = await uploadPackage(ctx, admin, golfZip, { slug: 'golf' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('was imported as a new course');
    expect(await treeOf(stagingDir(ctx.config.dataDir))).toEqual([]);
    const folders = (await storedFolders(ctx.config.dataDir)).filter((name) => name === hash);
    if (kind === 's3') {
      expect(folders).toEqual([]);
      expect(await keysOf(hash)).toEqual(
        expect.arrayContaining([
          `scorm/${hash}/imsmanifest.xml`,
          `scorm/${hash}/shared/launchpage.html`,
          `scorm/${hash}/Playing/rules.jpg`,
          `scorm/${hash}.complete`,
        ]),
      );
    } else {
      expect(folders).toEqual([hash]);
      expect(await keysOf(hash)).toEqual([]);
    }
    expect(await packageStorage(ctx.config).exists(`${hash}/`)).toBe(true);
  });

  /** A learner's launch of the golf course: the content cookie its wrapper sets. */
  async function launchCookie(): Promise<string> {
    const { browser } = await enrolledLearner(ctx, 'golf');
    const { page } = await launch(browser, 'golf', 'item_1');
    const wrapper = await content.inject({ url: new URL(wrapperUrlOf(page)).pathname });
    expect(wrapper.statusCode).toBe(200);
    return contentCookieOf(wrapper).header;
  }

  const file = (path: string, headers: Record<string, string> = {}, method = 'GET' as const) =>
    content.inject({ method, url: `/p/${hash}/${path}`, headers });

  it('streams its files to the launch’s holder: exact bytes, type, validators and the content origin’s headers', async () => {
    const cookie = await launchCookie();
    for (const [path, type] of [
      ['shared/launchpage.html', 'text/html; charset=utf-8'],
      ['shared/scormfunctions.js', 'text/javascript; charset=utf-8'],
      ['Playing/rules.jpg', 'image/jpeg'],
    ] as const) {
      const expected = await readFile(join(unpacked, path));
      const response = await file(path, { cookie });
      expect(response.statusCode, path).toBe(200);
      expect(response.rawPayload.equals(expected), path).toBe(true);
      expect(response.headers['content-type'], path).toBe(type);
      expect(Number(response.headers['content-length']), path).toBe(expected.length);
      expect(response.headers['cache-control'], path).toBe(IMMUTABLE);
      expect(response.headers['accept-ranges'], path).toBe('bytes');
      expect(response.headers.etag, path).toMatch(/^"[^"]+"$/);
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
      expect(response.headers['referrer-policy'], path).toBe('same-origin');
      expect(response.headers['cross-origin-resource-policy'], path).toBe('same-site');
      expect(String(response.headers['content-security-policy']), path).toBe(
        `frame-ancestors 'self' ${ctx.config.appOrigin}`,
      );
    }
  });

  it('answers a byte range with 206 and exactly those bytes, and one past the end with 416', async () => {
    const cookie = await launchCookie();
    const whole = await readFile(join(unpacked, 'shared/scormfunctions.js'));
    const first = await file('shared/scormfunctions.js', { cookie, range: 'bytes=0-99' });
    expect(first.statusCode).toBe(206);
    expect(first.headers['content-range']).toBe(`bytes 0-99/${whole.length}`);
    expect(first.headers['content-length']).toBe('100');
    expect(first.rawPayload.equals(whole.subarray(0, 100))).toBe(true);
    expect(first.headers['cache-control']).toBe(IMMUTABLE);

    const last = await file('shared/scormfunctions.js', { cookie, range: 'bytes=-10' });
    expect(last.statusCode).toBe(206);
    expect(last.headers['content-range']).toBe(
      `bytes ${whole.length - 10}-${whole.length - 1}/${whole.length}`,
    );
    expect(last.rawPayload.equals(whole.subarray(-10))).toBe(true);

    const past = await file('shared/scormfunctions.js', {
      cookie,
      range: `bytes=${whole.length}-`,
    });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${whole.length}`);
    expect(past.body).toBe('');

    // A range of an older version of the file (If-Range with another tag) gets the whole file.
    const stale = await file('shared/scormfunctions.js', {
      cookie,
      range: 'bytes=0-9',
      'if-range': '"an-older-version"',
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.length).toBe(whole.length);
  });

  it('revalidates with its ETag: 304 and no body when unchanged', async () => {
    const cookie = await launchCookie();
    const first = await file('shared/launchpage.html', { cookie });
    const etag = String(first.headers.etag);
    const again = await file('shared/launchpage.html', { cookie, 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe(IMMUTABLE);
    const other = await file('shared/launchpage.html', {
      cookie,
      'if-none-match': '"something-else"',
    });
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain('<html');
  });

  it('answers HEAD with the length and no body', async () => {
    const cookie = await launchCookie();
    const whole = await readFile(join(unpacked, 'Playing/rules.jpg'));
    const head = await file('Playing/rules.jpg', { cookie }, 'HEAD' as 'GET');
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(whole.length));
    expect(head.body).toBe('');
  });

  it('serves nothing without the launch’s cookie, and says so; a missing file is a sentence too', async () => {
    const refused = await file('shared/launchpage.html');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Open this activity from its course page.');
    expect(refused.headers.etag).toBeUndefined();
    const withRange = await file('Playing/rules.jpg', { range: 'bytes=0-9' });
    expect(withRange.statusCode).toBe(403);

    const cookie = await launchCookie();
    const missing = await file('shared/no-such-file.html', { cookie });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const path of [
      'shared/..%2fimsmanifest.xml',
      'shared/%2e%2e%2fimsmanifest.xml',
      'shared/',
    ]) {
      const response = await file(path, { cookie });
      expect(response.statusCode, path).toBe(404);
    }
  });

  it('keeps nothing of an import the database refused, nor of a broken package', async () => {
    const storage = packageStorage(ctx.config);
    const rise = await buildRise2004(dir, `rise-${kind}.zip`);
    const refused = await importPackage(ctx.database.db, rise, {
      dataDir: ctx.config.dataDir,
      storage,
      slug: 'example-course',
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportRefused);
    const riseHash = await sha256(rise);
    expect(await storage.exists(`${riseHash}/`)).toBe(false);
    expect(await storage.head(`${riseHash}/imsmanifest.xml`)).toBeUndefined();
    expect(await keysOf(riseHash)).toEqual([]);

    const broken = await buildMissingLaunchFile(dir, `broken-${kind}.zip`);
    await admin.get('/admin/scorm');
    expect((await uploadPackage(ctx, admin, broken)).statusCode).toBe(422);
    expect(await keysOf(await sha256(broken))).toEqual([]);
    expect(await storage.exists(`${await sha256(broken)}/`)).toBe(false);
    // Working folders are local, and emptied whatever happened.
    expect(await treeOf(stagingDir(ctx.config.dataDir))).toEqual([]);
    expect(await treeOf(uploadsDir(ctx.config.dataDir))).toEqual([]);
    expect(existsSync(packageDir(ctx.config.dataDir, riseHash))).toBe(false);
  });

  it('imports the same zip again without storing it twice', async () => {
    const before = await keysOf(hash);
    const again = await importPackage(ctx.database.db, golfZip, {
      dataDir: ctx.config.dataDir,
      storage: packageStorage(ctx.config),
    });
    expect(again.outcome).toBe('unchanged');
    expect(await keysOf(hash)).toEqual(before);
    const cookie = await launchCookie();
    expect((await file('shared/launchpage.html', { cookie })).statusCode).toBe(200);
  });
});
