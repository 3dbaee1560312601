/**
 * SCORM offline on the server: what a device saves for a SCORM course, the content origin's
 * worker and save page, and commits sent later from the device's queue (by session, CSRF and
 * attempt ownership; the seq rule keeps a replay from overwriting newer data).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_DAYS } from '../../src/offline/receipts.js';
import { buildContentApp } from '../../src/scorm/content.js';
import { signToken } from '../../src/web/signed-token.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import type { TestBrowser } from '../helpers/client.js';
import { buildGolf12 } from '../scorm/fixtures.js';
import { removeDir, tempDir } from '../scorm/helpers.js';
import {
  enrolledLearner,
  importFixture,
  launch,
  signedIn,
  type LaunchJson,
} from '../scorm/integration.js';

const slug = 'golf-offline';
let ctx: TestContext;
let dir: string;
let hash: string;
beforeAll(async () => {
  dir = await tempDir('lantern-scorm-offline-');
  ctx = await createTestApp();
  const imported = await importFixture(ctx, dir, buildGolf12, { slug });
  const row = await ctx.database.db
    .selectFrom('scorm_courses as s')
    .innerJoin('scorm_packages as p', 'p.id', 's.package_id')
    .select('p.hash')
    .where('s.course_id', '=', imported.courseId)
    .executeTakeFirstOrThrow();
  hash = row.hash;
});
afterAll(async () => {
  await ctx.close();
  await removeDir(dir);
});

/** A commit of the golf SCO at `seq`, at a location. */
const commitAt = (seq: number, location: string) => ({
  seq,
  cmi: {
    suspend_data: `at=${location}`,
    launch_data: '',
    core: {
      lesson_location: location,
      lesson_status: 'incomplete',
      exit: 'suspend',
      score: { raw: '', min: '', max: '' },
      total_time: '00:01:00',
    },
  },
});

/** Sends a queued commit as the device does: JSON, with a CSRF token of the session. */
async function replay(
  browser: TestBrowser | undefined,
  body: unknown,
  csrf: string | null,
): Promise<LightMyRequestResponse> {
  const cookie = browser
    ? [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    : '';
  return ctx.app.inject({
    method: 'POST',
    url: '/offline/scorm-commit',
    payload: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'x-lantern-replay': '1',
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
      ...(cookie ? { cookie } : {}),
    },
  });
}

const csrfOf = async (browser: TestBrowser) =>
  ((await browser.get('/offline/session')).json() as { csrfToken: string }).csrfToken;

async function storedLocation(userId: number): Promise<string | undefined> {
  const row = await ctx.database.db
    .selectFrom('scorm_attempts')
    .select('cmi')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return (row?.cmi as { cmi?: { core?: { lesson_location?: string } } } | null)?.cmi?.core
    ?.lesson_location;
}

/** The same commit URL, signed `ago` milliseconds ago (so expired when older than a day). */
function signedAgo(commitUrl: string, ago: number): string {
  const token = commitUrl.slice('/scorm/commit/'.length);
  const payload = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as {
    x?: number;
  };
  delete payload.x;
  const signed = signToken(
    ctx.config.sessionSecret,
    'scorm-commit',
    payload,
    24 * 3600,
    Date.now() - ago,
  );
  return `/scorm/commit/${signed}`;
}

describe('what a device saves for a SCORM course', () => {
  it('lists the player page, its scripts, and every package file on the content origin', async () => {
    const { browser } = await enrolledLearner(ctx, slug);
    const response = await browser.get(`/courses/${slug}/offline`, { accept: 'application/json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const manifest = response.json() as {
      urls: string[];
      pages: number;
      content: { savePage: string; urls: string[]; bytes: number };
    };
    expect(manifest.pages).toBe(1);
    expect(manifest.urls).toContain(`/courses/${slug}/scos/item_1`);
    expect(manifest.urls.some((url) => /\/assets\/scorm-player\.[\w-]+\.js$/.test(url))).toBe(true);
    expect(manifest.urls.some((url) => /\/assets\/scorm-offline\.[\w-]+\.js$/.test(url))).toBe(
      true,
    );
    expect(manifest.content.savePage).toBe(`${ctx.config.contentOrigin.origin}/offline-save`);
    expect(manifest.content.urls).toContain(`/p/${hash}/shared/launchpage.html`);
    expect(manifest.content.urls).toContain(`/p/${hash}/imsmanifest.xml`);
    expect(manifest.content.urls.some((url) => url.includes('scorm-wrapper'))).toBe(true);
    expect(manifest.content.bytes).toBeGreaterThan(1000);
  });

  it('is refused to someone not enrolled, and to no one signed in', async () => {
    const { browser } = await signedIn(ctx);
    const refused = await browser.get(`/courses/${slug}/offline`, { accept: 'application/json' });
    expect(refused.statusCode).toBe(403);
    const anonymous = await ctx.app.inject({
      url: `/courses/${slug}/offline`,
      headers: { accept: 'application/json' },
    });
    // As every refused request without a session that is not a page: 403, and nothing in it.
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.body).not.toContain('/scos/');
    expect(refused.body).not.toContain('/scos/');
  });
});

describe('the content origin', () => {
  let content: FastifyInstance;
  beforeAll(async () => {
    content = await buildContentApp(ctx.config);
    await content.ready();
  });
  afterAll(() => content.close());

  it('serves its own service worker and a save page only the app may frame', async () => {
    const worker = await content.inject({ url: '/sw-content.js' });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['content-type']).toMatch(/^text\/javascript/);
    expect(worker.headers['service-worker-allowed']).toBe('/');
    expect(worker.body).toContain('lantern-content-');
    const save = await content.inject({ url: '/offline-save' });
    expect(save.statusCode).toBe(200);
    expect(save.headers['content-security-policy']).toContain(
      `frame-ancestors ${ctx.config.appOrigin}`,
    );
    expect(save.headers['content-security-policy']).toContain("script-src 'self'");
    expect(save.body).toContain(`data-app-origin="${ctx.config.appOrigin}"`);
    expect(save.body).not.toMatch(/<script>/);
  });
});

describe('commits sent later from the device', () => {
  let learner: Awaited<ReturnType<typeof enrolledLearner>>;
  let launched: LaunchJson;
  beforeAll(async () => {
    learner = await enrolledLearner(ctx, slug);
    launched = (await launch(learner.browser, slug, 'item_1')).launch;
  });

  it('are stored in order for their owner, even after the launch token expired; an older one changes nothing', async () => {
    const csrf = await csrfOf(learner.browser);
    const first = await replay(
      learner.browser,
      { url: launched.commitUrl, key: randomUUID(), commit: commitAt(launched.seqBase + 1, 'p1') },
      csrf,
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ result: true, stored: true });
    // Two days offline: the launch's token has expired, the owner's replay still counts.
    const late = await replay(
      learner.browser,
      {
        url: signedAgo(launched.commitUrl, 2 * 24 * 3600_000),
        key: randomUUID(),
        commit: commitAt(launched.seqBase + 3, 'p3'),
      },
      csrf,
    );
    expect(late.json()).toMatchObject({ result: true, stored: true });
    expect(await storedLocation(learner.user.id)).toBe('p3');
    // Older than what is stored (sent twice, or from another tab): acknowledged, not stored.
    const older = await replay(
      learner.browser,
      { url: launched.commitUrl, key: randomUUID(), commit: commitAt(launched.seqBase + 2, 'p2') },
      csrf,
    );
    expect(older.statusCode).toBe(200);
    expect(older.json()).toMatchObject({ result: true, stored: false });
    expect(await storedLocation(learner.user.id)).toBe('p3');
    // The live endpoint refuses the expired token itself.
    const live = await ctx.app.inject({
      method: 'POST',
      url: signedAgo(launched.commitUrl, 2 * 24 * 3600_000),
      payload: JSON.stringify(commitAt(launched.seqBase + 4, 'p4')),
      headers: { 'content-type': 'application/json' },
    });
    expect(live.statusCode).toBe(403);
  });

  it('are refused without a CSRF token, without a session, as another person, or once too old', async () => {
    const body = (url: string, seq: number) => ({
      url,
      key: randomUUID(),
      commit: commitAt(seq, 'intruder'),
    });
    const before = await storedLocation(learner.user.id);
    const seq = launched.seqBase + 500;
    expect((await replay(learner.browser, body(launched.commitUrl, seq), null)).statusCode).toBe(
      403,
    );
    expect((await replay(undefined, body(launched.commitUrl, seq), 'x')).statusCode).toBe(403);
    const other = await enrolledLearner(ctx, slug);
    const foreign = await replay(
      other.browser,
      body(launched.commitUrl, seq),
      await csrfOf(other.browser),
    );
    expect(foreign.statusCode).toBe(403);
    const tooOld = await replay(
      learner.browser,
      body(signedAgo(launched.commitUrl, (RECEIPT_DAYS + 2) * 24 * 3600_000), seq),
      await csrfOf(learner.browser),
    );
    expect(tooOld.statusCode).toBe(403);
    const forged = await replay(
      learner.browser,
      body(`${launched.commitUrl.slice(0, -3)}abc`, seq),
      await csrfOf(learner.browser),
    );
    expect(forged.statusCode).toBe(403);
    expect(await storedLocation(learner.user.id)).toBe(before);
  });
});
