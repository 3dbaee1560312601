// Page weight as a learner pays for it: bytes over the wire (compressed, headers included) for
// the first lesson page of a new learner, for one htmx navigation, and for a repeat visit.
// Usage: npm run build && node bench/page-weight.mjs [--courses DIR] [--course SLUG]
// Budgets (DESIGN.md §7): first lesson page ≤ 60 KB, htmx navigation ≤ 10 KB, repeat visits
// re-download no unchanged asset. Exits non-zero when a budget is exceeded.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    courses: { type: 'string', default: 'tests/fixtures/courses' },
    course: { type: 'string', default: 'example-course' },
    port: { type: 'string', default: '3290' },
  },
});
const port = Number(values.port);
const base = `http://localhost:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'lantern-weight-'));
const server = spawn(process.execPath, ['dist/src/server.js'], {
  env: {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    COURSES_DIR: values.courses,
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
};

async function waitForServer() {
  for (let i = 0; i < 100; i += 1) {
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
  const ok = sum(first) <= 60 * 1024 && sum(navigation) <= 10 * 1024 && redownloaded.length === 0;
  stop();
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(error);
  stop();
  process.exit(1);
}
