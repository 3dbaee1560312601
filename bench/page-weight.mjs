// Page weight as a learner pays for it: bytes over the wire (compressed, headers included) for
// the first lesson page of a new learner, for one htmx navigation, for a repeat visit, and for
// making each shipped course available offline (one language, English, nothing cached before).
// Usage: npm run build && node bench/page-weight.mjs [--courses DIR] [--course SLUG] [--shipped DIR]
// Budgets (DESIGN.md §7): first lesson page ≤ 60 KB, htmx navigation ≤ 10 KB, repeat visits
// re-download no unchanged asset; the CPMS introduction's offline copy ≤ 400 KB. Exits non-zero
// when a budget is exceeded.
import { spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    courses: { type: 'string', default: 'tests/fixtures/courses' },
    course: { type: 'string', default: 'example-course' },
    port: { type: 'string', default: '3290' },
    shipped: { type: 'string', default: 'courses' },
  },
});
// The measured course's folder and the shipped courses, side by side (as tests/e2e/serve.js does).
const coursesDir = mkdtempSync(join(tmpdir(), 'lantern-weight-courses-'));
const shipped = [];
for (const dir of [values.courses, values.shipped]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !existsSync(join(dir, entry.name, 'course.yaml'))) continue;
    symlinkSync(resolve(dir, entry.name), join(coursesDir, entry.name));
    if (dir === values.shipped) shipped.push(entry.name);
  }
}
const OFFLINE_BUDGETS = { 'cpms-introduction': 400 * 1024 };
const port = Number(values.port);
const base = `http://localhost:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'lantern-weight-'));
const server = spawn(process.execPath, ['dist/src/server.js'], {
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    COURSES_DIR: coursesDir,
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
  rmSync(coursesDir, { recursive: true, force: true });
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
function rawGet(path, cookie, encoding) {
  return new Promise((resolvePromise, reject) => {
    const request = httpGet(
      `${base}${path}`,
      {
        headers: {
          cookie,
          'accept-encoding': encoding,
          'x-lantern-offline': 'download',
          'sec-fetch-site': 'same-origin',
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
  const context = await browser.newContext();
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

  // "Make available offline" for each shipped course: every byte a first download costs.
  const offline = [];
  for (const slug of shipped) {
    const coursePage = await context.newPage();
    await coursePage.goto(`${base}/courses/${slug}`);
    const started = coursePage.waitForURL(/\/(lessons|quizzes|scos)\//);
    await coursePage.click(`form[action="/courses/${slug}/enrol"] button`);
    await started;
    await coursePage.goto(`${base}/courses/${slug}`, { waitUntil: 'networkidle' });
    // The course page's own button saves it, through the service worker; what that costs is
    // then measured file by file as a first download would get it (compressed, with headers),
    // since the worker's requests are not the page's.
    await coursePage.click('[data-offline="save"]');
    await coursePage.waitForSelector('[data-offline="remove"]:not([hidden])', { timeout: 120_000 });
    const cookie = (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ');
    const manifest = JSON.parse(
      (await rawGet(`/courses/${slug}/offline`, cookie, 'identity')).body.toString(),
    );
    let bytes = 0;
    for (const url of manifest.urls) bytes += (await rawGet(url, cookie, 'br, gzip')).bytes;
    offline.push({ slug, bytes, files: manifest.urls.length });
    await coursePage.close();
  }
  await browser.close();

  // An asset counts as downloaded again when it cost bytes on the wire (a 304 costs its headers).
  const redownloaded = repeat.filter(
    (r) => r.url.includes('/assets/') && !r.fromCache && r.bytes > 0,
  );
  const rows = [
    ['first lesson page (cold cache)', sum(first), 60 * 1024],
    ['one htmx navigation', sum(navigation), 10 * 1024],
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
    sum(first) <= 60 * 1024 &&
    sum(navigation) <= 10 * 1024 &&
    redownloaded.length === 0 &&
    offlineOk;
  stop();
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(error);
  stop();
  process.exit(1);
}
