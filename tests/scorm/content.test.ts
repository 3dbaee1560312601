/**
 * The content origin: the wrapper page a launch opens (the API bridge for the package's version)
 * and the package files it authorises with a cookie, served by the standalone content server
 * (the default) or by the app under /scorm-content (same-origin mode).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import {
  buildContentApp,
  CONTENT_TOKEN_SECONDS,
  type ContentToken,
} from '../../src/scorm/content.js';
import { packageDir, scormRoot } from '../../src/scorm/package-places.js';
import { signToken } from '../../src/web/signed-token.js';
import {
  buildGolf12,
  buildGolfInFolder,
  buildRise2004,
  buildXmlBase2004,
  minimalManifest12,
  writeZip,
} from './fixtures.js';
import { removeDir, tempDir } from './helpers.js';
import {
  contentCookieOf,
  enrolledLearner,
  importFixture,
  launch,
  wrapperUrlOf,
} from './integration.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('lantern-scorm-content-');
});
afterAll(() => removeDir(dir));

const IMMUTABLE = 'private, max-age=31536000, immutable';

/** The `data-…` attributes of the wrapper page's body. */
function wrapperData(page: LightMyRequestResponse): Record<string, string> {
  const body = /<body([^>]*)>/.exec(page.body)?.[1] ?? '';
  return Object.fromEntries(
    [...body.matchAll(/data-([a-z-]+)="([^"]*)"/g)].map((match) => [
      match[1]!,
      match[2]!.replace(/&amp;/g, '&'),
    ]),
  );
}

/** The hash of a course's current package. */
async function hashOf(ctx: TestContext, courseId: number): Promise<string> {
  const row = await ctx.database.db
    .selectFrom('scorm_courses as s')
    .innerJoin('scorm_packages as p', 'p.id', 's.package_id')
    .select('p.hash')
    .where('s.course_id', '=', courseId)
    .executeTakeFirstOrThrow();
  return row.hash;
}

/** A content token as the player page signs it, here for testing expiry and tampering. */
function contentToken(ctx: TestContext, payload: ContentToken, now = Date.now()): string {
  return signToken(ctx.config.sessionSecret, 'scorm-content', payload, CONTENT_TOKEN_SECONDS, now);
}

describe('cross-origin mode: the standalone content server', () => {
  let ctx: TestContext;
  let content: FastifyInstance;
  const courses = { golf: 0, rise: 0, folder: 0, xmlBase: 0, oddNames: 0 };

  beforeAll(async () => {
    ctx = await createTestApp();
    content = await buildContentApp(ctx.config);
    await content.ready();
    courses.golf = (await importFixture(ctx, dir, buildGolf12, { slug: 'golf' })).courseId;
    courses.rise = (await importFixture(ctx, dir, buildRise2004, { slug: 'rise' })).courseId;
    courses.folder = (
      await importFixture(ctx, dir, buildGolfInFolder, { slug: 'golf-folder' })
    ).courseId;
    courses.xmlBase = (
      await importFixture(ctx, dir, buildXmlBase2004, { slug: 'referral' })
    ).courseId;
    // File names a URL must encode: a percent sign, spaces, and a literal "%20".
    const oddNames = (target: string) =>
      writeZip(join(target, 'odd-names.zip'), [
        {
          name: 'imsmanifest.xml',
          data: minimalManifest12('50%25%20off.html').replace(
            'identifier="minimal"',
            'identifier="odd.names"',
          ),
        },
        { name: '50% off.html', data: '<!DOCTYPE html><title>Fifty</title>' },
        { name: 'img/a b.png', data: 'a space' },
        { name: 'img/a%20b.png', data: 'a literal percent-two-zero' },
      ]);
    courses.oddNames = (await importFixture(ctx, dir, oddNames, { slug: 'odd-names' })).courseId;
  });
  afterAll(async () => {
    await content?.close();
    await ctx?.close();
  });

  /** Launches a SCO as an enrolled learner and opens its wrapper on the content server. */
  async function openWrapper(slug: string, identifier: string) {
    const { browser } = await enrolledLearner(ctx, slug);
    const { page } = await launch(browser, slug, identifier);
    const url = new URL(wrapperUrlOf(page));
    expect(url.origin).toBe(ctx.config.contentOrigin.origin);
    const wrapper = await content.inject({ url: url.pathname, headers: { accept: 'text/html' } });
    return { url, wrapper, browser };
  }

  const getFile = (path: string, cookie?: string) =>
    content.inject({ url: path, headers: cookie ? { cookie } : {} });

  it('serves a SCORM 1.2 wrapper exposing only window.API, framable by the app only, with a cookie for the package folder', async () => {
    const hash = await hashOf(ctx, courses.golf);
    const { wrapper } = await openWrapper('golf', 'item_1');
    expect(wrapper.statusCode).toBe(200);
    expect(wrapper.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(wrapper.headers['cache-control']).toBe('no-store');
    const csp = String(wrapper.headers['content-security-policy']);
    expect(csp).toContain(`frame-ancestors ${ctx.config.appOrigin}`);
    expect(csp).not.toMatch(/frame-ancestors[^;]*\*/);
    expect(wrapperData(wrapper)).toMatchObject({
      api: 'API',
      'app-origin': ctx.config.appOrigin,
      'sco-src': `/p/${hash}/shared/launchpage.html`,
    });
    expect(wrapper.body).not.toContain('API_1484_11');

    const cookie = contentCookieOf(wrapper);
    expect(cookie).toMatchObject({ path: `/p/${hash}/`, httpOnly: true, sameSite: 'Lax' });
  });

  it('serves a SCORM 2004 wrapper exposing only window.API_1484_11', async () => {
    const { wrapper } = await openWrapper('rise', 'Rise_SCO');
    expect(wrapper.statusCode).toBe(200);
    expect(wrapperData(wrapper).api).toBe('API_1484_11');
    expect(wrapper.body).not.toMatch(/data-api="API"/);
  });

  it('serves the package’s files to the holder of the cookie, with their type and a long cache', async () => {
    const hash = await hashOf(ctx, courses.golf);
    const { wrapper } = await openWrapper('golf', 'item_1');
    const { header } = contentCookieOf(wrapper);
    const launchPage = await getFile(wrapperData(wrapper)['sco-src']!, header);
    expect(launchPage.statusCode).toBe(200);
    expect(launchPage.headers['content-type']).toMatch(/^text\/html/);
    expect(launchPage.headers['cache-control']).toBe(IMMUTABLE);
    expect(launchPage.headers['x-content-type-options']).toBe('nosniff');
    expect(String(launchPage.headers['content-security-policy'])).toContain(
      `frame-ancestors 'self' ${ctx.config.appOrigin}`,
    );
    expect(launchPage.body).toBe(
      await readFile(join(packageDir(ctx.config.dataDir, hash), 'shared/launchpage.html'), 'utf8'),
    );

    for (const [path, type] of [
      ['shared/scormfunctions.js', /javascript/],
      ['shared/style.css', /^text\/css/],
      ['Playing/rules.jpg', /^image\/jpeg/],
      ['Etiquette/Course.html', /^text\/html/],
    ] as const) {
      const file = await getFile(`/p/${hash}/${path}`, header);
      expect(file.statusCode, path).toBe(200);
      expect(file.headers['content-type'], path).toMatch(type);
      expect(file.headers['cache-control'], path).toBe(IMMUTABLE);
    }
    expect((await getFile(`/p/${hash}/shared/no-such-file.html`, header)).statusCode).toBe(404);
  });

  it('serves files under a content root and names with spaces, and launch URLs with parameters', async () => {
    const folder = await openWrapper('golf-folder', 'item_1');
    const folderSrc = wrapperData(folder.wrapper)['sco-src']!;
    expect(folderSrc).toBe(
      `/p/${await hashOf(ctx, courses.folder)}/Golf%20Course/shared/launchpage.html`,
    );
    expect((await getFile(folderSrc, contentCookieOf(folder.wrapper).header)).statusCode).toBe(200);

    const part2 = await openWrapper('referral', 'part_2');
    const src = wrapperData(part2.wrapper)['sco-src']!;
    expect(src).toBe(
      `/p/${await hashOf(ctx, courses.xmlBase)}/content/v2/part%202/start.html?part=2`,
    );
    const page = await getFile(src, contentCookieOf(part2.wrapper).header);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Part 2</title>');
  });

  it('serves file names with percent signs and spaces exactly as they are named in the zip', async () => {
    const hash = await hashOf(ctx, courses.oddNames);
    const { wrapper } = await openWrapper('odd-names', 'item');
    const { header } = contentCookieOf(wrapper);
    expect(wrapperData(wrapper)['sco-src']).toBe(`/p/${hash}/50%25%20off.html`);
    expect((await getFile(`/p/${hash}/50%25%20off.html`, header)).body).toContain(
      '<title>Fifty</title>',
    );
    expect((await getFile(`/p/${hash}/img/a%20b.png`, header)).body).toBe('a space');
    expect((await getFile(`/p/${hash}/img/a%2520b.png`, header)).body).toBe(
      'a literal percent-two-zero',
    );
  });

  it('serves the wrapper’s own scripts (bridge, shadow runtime, facade) and stylesheet from the content origin', async () => {
    const { wrapper } = await openWrapper('golf', 'item_1');
    const assets = [
      ...wrapper.body.matchAll(/<(?:script src|link rel="stylesheet" href)="([^"]+)"/g),
    ].map((match) => match[1]!);
    expect(assets).toHaveLength(4);
    for (const asset of assets) {
      expect(asset, asset).toMatch(/^\/assets\//);
      expect((await content.inject({ url: asset })).statusCode, asset).toBe(200);
    }
  });

  it('refuses package files without the cookie, or with the cookie of another package', async () => {
    const golfHash = await hashOf(ctx, courses.golf);
    const rise = await openWrapper('rise', 'Rise_SCO');
    const without = await getFile(`/p/${golfHash}/shared/launchpage.html`);
    expect(without.statusCode).toBe(403);
    expect(without.body).toContain('Open this activity from its course page.');
    expect(
      (await getFile(`/p/${golfHash}/shared/launchpage.html`, contentCookieOf(rise.wrapper).header))
        .statusCode,
    ).toBe(403);
    expect(
      (await getFile(`/p/${golfHash}/shared/launchpage.html`, 'lantern_content=forged.token'))
        .statusCode,
    ).toBe(403);
  });

  it('refuses a tampered or expired launch token, as a wrapper address and as a cookie', async () => {
    const hash = await hashOf(ctx, courses.golf);
    const { url } = await openWrapper('golf', 'item_1');
    const token = url.pathname.split('/').at(-1)!;
    const [body, signature] = token.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ContentToken;

    // Another package's hash under the original signature.
    const tampered = `${Buffer.from(JSON.stringify({ ...payload, h: await hashOf(ctx, courses.rise) })).toString('base64url')}.${signature}`;
    const refused = await content.inject({ url: `/w/${tampered}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('This launch link has expired.');
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect(
      (
        await getFile(
          `/p/${await hashOf(ctx, courses.rise)}/scormdriver/indexAPI.html`,
          `lantern_content=${tampered}`,
        )
      ).statusCode,
    ).toBe(403);

    const expired = contentToken(
      ctx,
      { h: hash, r: '', v: 'scorm12', u: 'shared/launchpage.html', t: 'Golf' },
      Date.now() - (CONTENT_TOKEN_SECONDS + 60) * 1000,
    );
    expect((await content.inject({ url: `/w/${expired}` })).statusCode).toBe(403);
    expect(
      (await getFile(`/p/${hash}/shared/launchpage.html`, `lantern_content=${expired}`)).statusCode,
    ).toBe(403);
    // The same token, still valid, is accepted: the refusals above are about the signature and the time.
    const fresh = contentToken(ctx, {
      h: hash,
      r: '',
      v: 'scorm12',
      u: 'shared/launchpage.html',
      t: 'Golf',
    });
    expect(
      (await getFile(`/p/${hash}/shared/launchpage.html`, `lantern_content=${fresh}`)).statusCode,
    ).toBe(200);
  });

  it('serves nothing outside the package folder, however the path is written', async () => {
    const hash = await hashOf(ctx, courses.golf);
    const { wrapper } = await openWrapper('golf', 'item_1');
    const { header } = contentCookieOf(wrapper);
    // A file beside the package folders, and one inside another package's folder.
    const secret = 'top secret, not part of any package';
    await writeFile(join(scormRoot(ctx.config.dataDir), 'secret.txt'), secret);
    const neighbour = join(scormRoot(ctx.config.dataDir), 'f'.repeat(64));
    await mkdir(neighbour, { recursive: true });
    await writeFile(join(neighbour, 'secret.txt'), secret);

    const attempts = [
      `/p/${hash}/../secret.txt`,
      `/p/${hash}/%2e%2e/secret.txt`,
      `/p/${hash}/..%2fsecret.txt`,
      `/p/${hash}/%2e%2e%2fsecret.txt`,
      `/p/${hash}/shared/../../secret.txt`,
      `/p/${hash}/..%5csecret.txt`,
      `/p/${hash}/../${'f'.repeat(64)}/secret.txt`,
      `/p/${hash}/%2e%2e/${'f'.repeat(64)}/secret.txt`,
      `/p/${hash}/%2e%2e%2f${'f'.repeat(64)}%2fsecret.txt`,
      `/p/${hash}/%252e%252e/secret.txt`,
      `/p/${hash}/%00/../secret.txt`,
    ];
    for (const path of attempts) {
      const response = await getFile(path, header);
      expect(response.statusCode, path).not.toBe(200);
      expect(response.body, path).not.toContain(secret);
    }
  });

  it('leaves the app itself without content routes', async () => {
    const { url } = await openWrapper('golf', 'item_1');
    const hash = await hashOf(ctx, courses.golf);
    expect((await ctx.app.inject({ url: `/scorm-content${url.pathname}` })).statusCode).toBe(404);
    expect(
      (await ctx.app.inject({ url: `/scorm-content/p/${hash}/shared/launchpage.html` })).statusCode,
    ).toBe(404);
  });

  it('answers its health check', async () => {
    expect((await content.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
  });
});

describe('same-origin mode: the app serves the wrapper and files under /scorm-content', () => {
  let ctx: TestContext;
  let courseId = 0;

  beforeAll(async () => {
    ctx = await createTestApp({ scormServing: 'same-origin' });
    courseId = (
      await importFixture(ctx, dir, buildGolf12, { slug: 'golf', fileName: 'golf-same-origin.zip' })
    ).courseId;
  });
  afterAll(async () => ctx?.close());

  it('points the player at the app itself, and serves the wrapper and the package files there', async () => {
    const hash = await hashOf(ctx, courseId);
    const { browser } = await enrolledLearner(ctx, 'golf');
    const { page, launch: golf } = await launch(browser, 'golf', 'item_1');
    expect(golf.contentOrigin).toBe(ctx.config.appOrigin);
    const url = wrapperUrlOf(page);
    expect(url).toMatch(/^\/scorm-content\/w\/[\w-]+\.[\w-]+$/);

    const wrapper = await ctx.app.inject({ url, headers: { accept: 'text/html' } });
    expect(wrapper.statusCode).toBe(200);
    expect(String(wrapper.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
    expect(wrapper.headers['x-frame-options']).toBeUndefined();
    expect(wrapperData(wrapper)).toMatchObject({
      api: 'API',
      'app-origin': '',
      'sco-src': `/scorm-content/p/${hash}/shared/launchpage.html`,
    });
    const cookie = contentCookieOf(wrapper);
    expect(cookie.path).toBe(`/scorm-content/p/${hash}/`);

    const file = await ctx.app.inject({
      url: `/scorm-content/p/${hash}/shared/launchpage.html`,
      headers: { cookie: cookie.header },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/html/);
    expect(file.headers['cache-control']).toBe(IMMUTABLE);
    expect(file.headers['x-frame-options']).toBeUndefined();
    expect(String(file.headers['content-security-policy'])).toContain("frame-ancestors 'self'");

    expect(
      (await ctx.app.inject({ url: `/scorm-content/p/${hash}/shared/launchpage.html` })).statusCode,
    ).toBe(403);
    await writeFile(join(scormRoot(ctx.config.dataDir), 'secret.txt'), 'not part of any package');
    for (const path of [
      `/scorm-content/p/${hash}/%2e%2e/secret.txt`,
      `/scorm-content/p/${hash}/../secret.txt`,
      `/scorm-content/p/${hash}/..%2fsecret.txt`,
    ]) {
      const traversal = await ctx.app.inject({ url: path, headers: { cookie: cookie.header } });
      expect(traversal.statusCode, path).not.toBe(200);
      expect(traversal.body, path).not.toContain('not part of any package');
    }
  });

  it('has no content routes at the root of the app', async () => {
    const hash = await hashOf(ctx, courseId);
    expect((await ctx.app.inject({ url: `/p/${hash}/shared/launchpage.html` })).statusCode).toBe(
      404,
    );
  });
});
