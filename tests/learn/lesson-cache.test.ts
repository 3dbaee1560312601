import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale, Role } from '../../src/db/database.js';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';

// Lesson pages are rendered once per lesson version and language and only filled in per request
// (src/web/page-cache.ts): every page so served must be the page a full render makes, for every
// learner, progress, language, role, flash message and encoding.
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

const base = '/courses/example-course';

async function person(locale: Locale, name: string, role: Role = 'learner') {
  const user = await makeUser(ctx, role, { locale, name });
  const browser = new TestBrowser(ctx.app);
  await browser.login(user.email, TEST_PASSWORD);
  await browser.post(`${base}/enrol`);
  await browser.get(base); // shows (and so ends) the "enrolled" message
  return { user, browser };
}

/** The page's text (gzip undone) with the values that differ between any two requests masked. */
function page(response: LightMyRequestResponse): string {
  expect(response.statusCode).toBe(200);
  const body =
    response.headers['content-encoding'] === 'gzip'
      ? gunzipSync(response.rawPayload).toString()
      : response.body;
  expect(body.length).toBeGreaterThan(500);
  return body
    .replace(/(name="csrf-token" content=")[^"]+"/g, '$1TOKEN"')
    .replace(/(name="_csrf" value=")[^"]+"/g, '$1TOKEN"')
    .replace(/(name="_key" value=")[^"]+"/g, '$1KEY"');
}

const headersOf = (response: LightMyRequestResponse) => ({
  type: response.headers['content-type'],
  encoding: response.headers['content-encoding'],
  vary: response.headers.vary,
  cache: response.headers['cache-control'],
  user: response.headers['x-lantern-user'],
});

const variants: Array<Record<string, string>> = [
  { 'accept-encoding': 'gzip' },
  {},
  { 'accept-encoding': 'gzip', 'hx-request': 'true', 'hx-target': 'main#main' },
  { 'hx-request': 'true', 'hx-target': 'main#main' },
];

/** The same request with the cache off, then on (first render), then on again (filled in only). */
async function sameEverywhere(browser: TestBrowser, url: string, before?: () => Promise<unknown>) {
  for (const headers of variants) {
    const responses: LightMyRequestResponse[] = [];
    for (const enabled of [false, true, true]) {
      ctx.app.pageCache.enabled = enabled;
      await before?.();
      responses.push(await browser.get(url, headers));
    }
    ctx.app.pageCache.enabled = true;
    const [full, first, filled] = responses.map(page);
    expect(first).toBe(full);
    expect(filled).toBe(full);
    const [fullHeaders, ...cachedHeaders] = responses.map(headersOf);
    for (const cached of cachedHeaders) expect(cached).toEqual(fullHeaders);
    if (headers['accept-encoding']) expect(fullHeaders!.encoding).toBe('gzip');
  }
}

describe('lesson pages served from the page cache', () => {
  it('are byte for byte the full render for learners with different progress and names', async () => {
    const ahead = await person('en', 'Zoë <b>&amp; "Q"</b>');
    await ahead.browser.post(`${base}/lessons/welcome/complete`);
    await ahead.browser.get(base); // its "marked as read" message shown
    const fresh = await person('en', 'Plain Name');
    // The first learner fills the cache; the second is served from it with their own marks.
    await sameEverywhere(ahead.browser, `${base}/lessons/english-only`);
    await sameEverywhere(fresh.browser, `${base}/lessons/english-only`);
    const marked = page(await ahead.browser.get(`${base}/lessons/english-only`));
    const unmarked = page(await fresh.browser.get(`${base}/lessons/english-only`));
    expect(marked).not.toBe(unmarked);
    expect(marked).toMatch(
      /<li class="done">\s*<a href="\/courses\/example-course\/lessons\/welcome"/,
    );
    expect(unmarked).not.toContain('<li class="done">');
    // The lesson just read says so, on its own page.
    await sameEverywhere(ahead.browser, `${base}/lessons/welcome`);
    expect(page(await ahead.browser.get(`${base}/lessons/welcome`))).toContain('status done');
  });

  it('are the full render in every language, in fallback, and for staff', async () => {
    for (const locale of ['fr', 'es', 'ar'] as const) {
      const { browser } = await person(locale, `Learner ${locale}`);
      await sameEverywhere(browser, `${base}/lessons/welcome`);
      await sameEverywhere(browser, `${base}/lessons/english-only`);
    }
    const trainer = await person('en', 'Trainer “T”', 'trainer');
    await sameEverywhere(trainer.browser, `${base}/lessons/welcome`);
    expect(page(await trainer.browser.get(`${base}/lessons/welcome`))).toContain(
      '/trainer/cohorts',
    );
  });

  it('carry the flash message shown after "Next"', async () => {
    const { browser } = await person('fr', 'Flash Learner');
    await sameEverywhere(browser, `${base}/lessons/english-only`, () =>
      browser.post(`${base}/lessons/welcome/complete`),
    );
    await browser.post(`${base}/lessons/welcome/complete`);
    expect(page(await browser.get(`${base}/lessons/english-only`))).toContain('class="flash"');
  });

  it('are rendered in full for an address with a query', async () => {
    const { browser } = await person('en', 'Query Learner');
    await sameEverywhere(browser, `${base}/lessons/welcome?from=%22x%22`);
    expect(page(await browser.get(`${base}/lessons/welcome?from=%22x%22`))).toContain(
      'name="next" value="/courses/example-course/lessons/welcome?from=%22x%22"',
    );
  });
});

describe('a cached lesson page', () => {
  it('keeps nothing of the learner whose visit filled it', async () => {
    const { browser } = await person('es', 'First Visitor', 'admin');
    // A value only the first request holds (the test keeps its bytes, not the string).
    const probe = randomBytes(16);
    expect(
      (await browser.get(`${base}/lessons/optional-reading`, { 'x-probe': probe.toString('hex') }))
        .statusCode,
    ).toBe(200);
    // Served from the cache now: the entry exists and must not hold that request (its cookies,
    // headers, session) through the closures that fill the page in.
    expect((await browser.get(`${base}/lessons/optional-reading`)).statusCode).toBe(200);
    // light-my-request lets go of its last request on the next turn of the event loop.
    for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    const file = join(tmpdir(), `lantern-heap-${process.pid}-${Date.now()}.heapsnapshot`);
    writeHeapSnapshot(file);
    try {
      expect((await readFile(file, 'utf8')).includes(probe.toString('hex'))).toBe(false);
    } finally {
      await rm(file, { force: true });
    }
  });
});
