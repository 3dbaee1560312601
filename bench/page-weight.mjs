// Page weight as a learner pays for it: bytes over the wire (compressed, headers included) for
// the first lesson page of a new learner, for one htmx navigation, and for a repeat visit; then,
// per language, the heaviest lesson page of each shipped course (cold cache, images included), and
// what making each shipped course available offline costs (English, nothing cached before).
// Usage: npm run build && node bench/page-weight.mjs [--courses DIR] [--course SLUG]
//        [--shipped DIR, default courses; --shipped '' to skip the per-language lesson pages]
// Budgets (DESIGN.md §7): first lesson page ≤ 40 KB, htmx navigation ≤ 8 KB, repeat visits
// re-download no unchanged asset; the CPMS introduction's offline copy ≤ 400 KB. Exits non-zero
// when a budget is exceeded.
import { spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { loadCourses } from '../dist/src/content/load.js';
import { ContentError } from '../dist/src/content/problems.js';

const { values } = parseArgs({
  options: {
    courses: { type: 'string', default: 'tests/fixtures/courses' },
    course: { type: 'string', default: 'example-course' },
    shipped: { type: 'string', default: 'courses' },
    port: { type: 'string', default: '3290' },
  },
});
const port = Number(values.port);
const base = `http://localhost:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'lantern-weight-'));

/**
 * The measured course and the shipped courses side by side (linked into one folder, with the
 * shipped glossaries), when the shipped courses are valid; otherwise the measured course alone.
 */
function coursesFolder() {
  if (!values.shipped) return { dir: values.courses, shipped: [] };
  const dir = mkdtempSync(join(tmpdir(), 'lantern-weight-courses-'));
  for (const from of [values.shipped, values.courses])
    for (const name of readdirSync(from))
      if (!name.startsWith('.') && !existsSync(join(dir, name)) && !name.endsWith('.md'))
        symlinkSync(resolve(from, name), join(dir, name));
  try {
    const shipped = loadCourses(dir).filter((course) =>
      existsSync(join(values.shipped, course.slug)),
    );
    return { dir, shipped };
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.log(
      `The courses in ${values.shipped} do not pass courses:check (${error.problems.length} problem(s)): the heaviest lesson pages per language are not measured.`,
    );
    rmSync(dir, { recursive: true, force: true });
    return { dir: values.courses, shipped: [] };
  }
}
const courses = coursesFolder();
const OFFLINE_BUDGETS = { 'cpms-introduction': 400 * 1024 };
const server = spawn(process.execPath, ['dist/src/server.js'], {
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    COURSES_DIR: courses.dir,
    LOG_LEVEL: 'warn',
    REGISTER_RATE_LIMIT: '100',
    LOGIN_RATE_LIMIT: '100',
    DATABASE_URL: '',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  if (courses.dir !== values.courses) rmSync(courses.dir, { recursive: true, force: true });
};

async function waitForServer() {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not start');
}

/** Records every response's encoded size (what the network carried) through the DevTools protocol. */
async function recorder(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const responses = new Map();
  let records = [];
  const fromCache = new Set();
  cdp.on('Network.requestServedFromCache', (event) => fromCache.add(event.requestId));
  cdp.on('Network.responseReceived', (event) =>
    responses.set(event.requestId, {
      url: event.response.url,
      status: event.response.status,
      fromCache: event.response.fromDiskCache || event.response.fromMemoryCache,
    }),
  );
  cdp.on('Network.loadingFinished', (event) => {
    const response = responses.get(event.requestId);
    if (response)
      records.push({
        ...response,
        fromCache: response.fromCache || fromCache.has(event.requestId),
        bytes: event.encodedDataLength,
      });
  });
  return {
    take() {
      const taken = records;
      records = [];
      return taken;
    },
  };
}

/** A GET as a browser's first download gets it: the bytes on the wire, headers included. */
function rawGet(path, cookie, encoding, extra = {}) {
  return new Promise((resolvePromise, reject) => {
    const request = httpGet(
      `${base}${path}`,
      {
        headers: {
          cookie,
          'accept-encoding': encoding,
          'x-lantern-offline': 'download',
          'sec-fetch-site': 'same-origin',
          ...extra,
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          const head = response.rawHeaders.join(': ').length + 20;
          resolvePromise({ body, bytes: body.length + head });
        });
      },
    );
    request.on('error', reject);
  });
}

/**
 * Every lesson page of each shipped course, in each of its languages, from a cold cache (the
 * learner switches language with the page's own switcher): the heaviest per course and language.
 */
async function heaviestLessons(page, cdp, record) {
  const rows = [];
  for (const course of courses.shipped) {
    await page.goto(`${base}/courses/${course.slug}`);
    const enrol = page.locator(`form[action="/courses/${course.slug}/enrol"] button`);
    if ((await enrol.count()) > 0) {
      await enrol.click();
      await page.waitForURL(/\/lessons\//);
    }
    const lessons = course.modules.flatMap((module) =>
      module.items.filter((item) => item.kind === 'lesson').map((item) => item.slug),
    );
    for (const locale of course.locales) {
      await page.goto(`${base}/courses/${course.slug}`);
      await page.click(`form.language-switcher button[value="${locale}"]`);
      await page.waitForLoadState('networkidle');
      let worst;
      for (const lesson of lessons) {
        const url = `${base}/courses/${course.slug}/lessons/${lesson}`;
        await cdp.send('Network.clearBrowserCache');
        record.take();
        await page.goto(url, { waitUntil: 'networkidle' });
        // Images are lazy: a learner who reads to the end downloads them all.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(100);
        const taken = record.take();
        const bytes = sum(taken);
        const own = sum(taken.filter((r) => r.url === url || r.url.includes('/course-media/')));
        if (!worst || bytes > worst.bytes) worst = { lesson, bytes, own };
      }
      if (worst) rows.push({ course: course.slug, locale, ...worst });
    }
  }
  // Back to English, as the account was.
  if (rows.length > 0) {
    await page.goto(`${base}/`);
    await page.click('form.language-switcher button[value="en"]');
  }
  return rows;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (records) => records.reduce((total, record) => total + record.bytes, 0);

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  // The pages are measured as the browser fetches them: a service worker in between would hide
  // the bytes from the page (they are the worker's). Its own cost is measured apart, below.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  // Setting up the account is not part of the measure: it uses a separate page.
  const setup = await context.newPage();
  const email = `weight-${Date.now()}@example.org`;
  await setup.goto(`${base}/register`);
  await setup.fill('#field-name', 'Weight Tester');
  await setup.fill('#field-email', email);
  await setup.fill('#field-password', 'a long enough passphrase');
  // Registering signs the new learner in.
  const registered = setup.waitForURL(`${base}/`);
  await setup.click('form[action="/register"] button[type=submit]');
  await registered;
  await setup.goto(`${base}/courses/${values.course}`);
  const enrolled = setup.waitForURL(/\/lessons\//);
  await setup.click(`form[action="/courses/${values.course}/enrol"] button`);
  await enrolled;
  const firstLesson = setup.url();
  await setup.close();
  // A cold cache: the learner's first lesson page, as on a new phone.
  await context.clearCookies().catch(() => {});
  const page = await context.newPage();
  const cdpCache = await page.context().newCDPSession(page);
  await cdpCache.send('Network.clearBrowserCache');
  await context.addCookies([]);
  const record = await recorder(page);
  // Log in again on the measured page without counting it.
  await page.goto(`${base}/login`);
  await page.fill('#field-email', email);
  await page.fill('#field-password', 'a long enough passphrase');
  await page.click('form[action="/login"] button[type=submit]');
  await page.waitForURL(`${base}/`);
  await cdpCache.send('Network.clearBrowserCache');
  record.take();

  await page.goto(firstLesson, { waitUntil: 'networkidle' });
  const first = record.take();
  // "Next": the lesson marked read (a POST answered 204) and the next one swapped in.
  await page.click('form.next-form button');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const navigation = record.take();
  await page.goto(firstLesson, { waitUntil: 'networkidle' });
  const repeat = record.take();
  const heaviest = await heaviestLessons(page, cdpCache, record);

  // "Make available offline" for each shipped course: every byte a first download costs.
  const offline = [];
  const offlineContext = await browser.newContext();
  if (courses.shipped.length > 0) {
    const login = await offlineContext.newPage();
    await login.goto(`${base}/login`);
    await login.fill('#field-email', email);
    await login.fill('#field-password', 'a long enough passphrase');
    await login.click('form[action="/login"] button[type=submit]');
    await login.waitForURL(`${base}/`);
    await login.close();
  }
  for (const { slug } of courses.shipped) {
    const coursePage = await offlineContext.newPage();
    await coursePage.goto(`${base}/courses/${slug}`);
    // Enrolled already when the heaviest lesson pages were measured.
    const enrol = coursePage.locator(`form[action="/courses/${slug}/enrol"] button`);
    if ((await enrol.count()) > 0) {
      const started = coursePage.waitForURL(/\/(lessons|quizzes|scos)\//);
      await enrol.click();
      await started;
    }
    await coursePage.goto(`${base}/courses/${slug}`, { waitUntil: 'networkidle' });
    // The course page's own button saves it, through the service worker; what that costs is
    // then measured file by file as a first download would get it (compressed, with headers),
    // since the worker's requests are not the page's.
    await coursePage.click('[data-offline="save"]');
    await coursePage.waitForSelector('[data-offline="remove"]:not([hidden])', { timeout: 120_000 });
    const cookie = (await offlineContext.cookies(base))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const manifest = JSON.parse(
      (await rawGet(`/courses/${slug}/offline`, cookie, 'identity')).body.toString(),
    );
    let bytes = 0;
    for (const url of manifest.urls) bytes += (await rawGet(url, cookie, 'br, gzip')).bytes;
    offline.push({ slug, bytes, files: manifest.urls.length });
    await coursePage.close();
  }
  // What the service worker costs a signed-in learner once per release: itself and the offline
  // page in each language (the shell's files are the page's own, already in the browser's cache).
  let workerBytes = (await rawGet('/sw.js', '', 'br, gzip')).bytes;
  for (const lang of ['en', 'fr', 'es', 'ar'])
    workerBytes += (await rawGet('/offline', '', 'br, gzip', { 'accept-language': lang })).bytes;
  await offlineContext.close();
  await browser.close();

  // An asset counts as downloaded again when it cost bytes on the wire (a 304 costs its headers).
  const redownloaded = repeat.filter(
    (r) => r.url.includes('/assets/') && !r.fromCache && r.bytes > 0,
  );
  const rows = [
    ['first lesson page (cold cache)', sum(first), 40 * 1024],
    ['one htmx navigation', sum(navigation), 8 * 1024],
    ['repeat visit of the lesson', sum(repeat), null],
  ];
  console.log('\nPage weight, bytes over the wire (compressed, with headers)');
  for (const [name, bytes, budget] of rows)
    console.log(
      `  ${name.padEnd(32)} ${kb(bytes).padStart(9)}${budget ? `   budget ${kb(budget)} ${bytes <= budget ? 'OK' : 'OVER'}` : ''}`,
    );
  console.log('\nLargest resources of the first page:');
  for (const r of [...first].sort((a, b) => b.bytes - a.bytes).slice(0, 6))
    console.log(`  ${kb(r.bytes).padStart(9)}  ${r.status}  ${r.url.replace(base, '')}`);
  console.log(
    `\nAssets downloaded again on the repeat visit: ${redownloaded.length === 0 ? 'none (all served from cache)' : redownloaded.map((r) => r.url).join(', ')}`,
  );
  if (heaviest.length > 0) {
    console.log(
      '\nHeaviest lesson page per language (cold cache, images scrolled into view; in brackets the lesson itself: its HTML and images)',
    );
    for (const row of heaviest)
      console.log(
        `  ${row.course.padEnd(22)} ${row.locale}  ${kb(row.bytes).padStart(9)}  (${kb(row.own).padStart(8)})  ${row.lesson}`,
      );
  }
  console.log(
    `\nService worker, once per release for a signed-in learner: ${kb(workerBytes)} (sw.js and the offline page in four languages)`,
  );
  console.log('\nOffline copy of each shipped course (English), bytes over the wire to save it:');
  for (const { slug, bytes, files } of offline) {
    const budget = OFFLINE_BUDGETS[slug];
    console.log(
      `  ${slug.padEnd(32)} ${kb(bytes).padStart(9)}  ${String(files).padStart(3)} files${budget ? `   budget ${kb(budget)} ${bytes <= budget ? 'OK' : 'OVER'}` : ''}`,
    );
  }
  const offlineOk = offline.every(
    ({ slug, bytes }) => bytes <= (OFFLINE_BUDGETS[slug] ?? Infinity),
  );
  const ok =
    sum(first) <= 40 * 1024 &&
    sum(navigation) <= 8 * 1024 &&
    redownloaded.length === 0 &&
    offlineOk;
  stop();
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(error);
  stop();
  process.exit(1);
}
