// Importing people from a CSV file, as an admin does it, against the built server: uploads a
// generated file of N people (half of them into a cohort), then times the preview page and the
// confirmation (users created in batches, cohort memberships, an invitation per person queued in
// the outbox), and the same file again (nothing to change). Budget: 10,000 rows under 30 s on
// PostgreSQL. On the embedded database by default; with --database-url on a fresh database of
// that PostgreSQL server (created, then dropped).
// Usage: npm run build && node bench/user-import.mjs [--rows 10000] [--database-url postgres://…]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000' },
    'database-url': { type: 'string' },
    port: { type: 'string', default: '3310' },
  },
});
const rows = Number(values.rows);
const port = Number(values.port);
const base = `http://localhost:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'lantern-import-bench-'));
const env = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  LOGIN_RATE_LIMIT: '1000',
  COURSES_DIR: 'tests/fixtures/courses',
};
delete env.DATABASE_URL;

// A fresh database on the server, so every run starts from the same empty table.
let dropDatabase = async () => {};
if (values['database-url']) {
  const pg = (await import('pg')).default;
  const server = new URL(values['database-url']);
  const name = 'lantern_user_import_bench';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  env.DATABASE_URL = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  };
}

const password = 'bench admin passphrase';
const cli = (args, input) => {
  const run = spawnSync(process.execPath, ['dist/src/cli.js', ...args], {
    env,
    input,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`cli ${args[0]} failed: ${run.stderr}`);
};
cli(['migrate']);
cli(
  ['user:create', '--email', 'bench-admin@example.org', '--name', 'Bench Admin', '--role', 'admin'],
  password,
);

const server = spawn(process.execPath, ['dist/src/server.js'], { env, stdio: 'inherit' });
const stop = async () => {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
  await dropDatabase();
  rmSync(dataDir, { recursive: true, force: true });
};
for (let started = Date.now(); ;) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {}
  if (Date.now() - started > 60_000) throw new Error('the server did not start');
  await new Promise((resolve) => setTimeout(resolve, 200));
}

// A browser, minimal: cookies, the CSRF token of the last page, same-origin posts.
const cookies = new Map();
let csrf = '';
async function request(path, init = {}) {
  const response = await fetch(`${base}${path}`, {
    ...init,
    redirect: 'manual',
    headers: {
      accept: 'text/html',
      origin: base,
      cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...init.headers,
    },
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    const value = pair.slice(at + 1);
    if (value) cookies.set(pair.slice(0, at), value);
    else cookies.delete(pair.slice(0, at));
  }
  const body = await response.text();
  csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? csrf;
  return { status: response.status, location: response.headers.get('location'), body };
}
const form = (fields) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
});
const timed = async (what) => {
  const started = performance.now();
  const result = await what();
  return { ...result, seconds: (performance.now() - started) / 1000 };
};

await request('/login');
const login = await request('/login', form({ email: 'bench-admin@example.org', password }));
if (login.status !== 303) throw new Error(`login failed: ${login.status}`);

// A cohort for half of the people.
const newCohort = await request('/trainer/cohorts/new');
const courseId = /name="courses" value="(\d+)"/.exec(newCohort.body)?.[1];
const cohort = await request('/trainer/cohorts', form({ name: 'Bench cohort', courses: courseId }));
const dashboard = await request(cohort.location);
const joinCode = /\/join\/([A-Z0-9]{8})/.exec(dashboard.body)?.[1];
if (!joinCode) throw new Error('no cohort join code');

const locales = ['en', 'fr', 'es', 'ar'];
const csv =
  '\uFEFFemail;name;role;language;cohort\n' +
  Array.from(
    { length: rows },
    (_, n) =>
      `person${n}@bench.example.org;Person ${n} Example;${n % 50 === 0 ? 'trainer' : ''};${locales[n % 4]};${n % 2 ? joinCode : ''}`,
  ).join('\n');

async function importOnce() {
  await request('/admin/users/import');
  const upload = new FormData();
  upload.append('_csrf', csrf);
  upload.append('file', new Blob([csv], { type: 'text/csv' }), 'people.csv');
  const uploaded = await timed(() =>
    request('/admin/users/import', { method: 'POST', body: upload }),
  );
  if (uploaded.status !== 303) throw new Error(`upload refused: ${uploaded.status}`);
  const preview = await timed(() => request(uploaded.location));
  if (preview.status !== 200) throw new Error(`preview failed: ${preview.status}`);
  const hash = /\/admin\/users\/import\/([0-9a-f]{64})/.exec(uploaded.location)[1];
  const confirmed = await timed(() =>
    request(`/admin/users/import/${hash}/confirm`, form({ file: 'people.csv' })),
  );
  if (confirmed.status !== 200) throw new Error(`confirmation failed: ${confirmed.status}`);
  const summary = /<strong>([^<]*created[^<]*)<\/strong>/.exec(confirmed.body)?.[1] ?? '?';
  return { uploaded, preview, confirmed, summary };
}

try {
  const kind = values['database-url'] ? 'PostgreSQL' : 'PGlite';
  const bytes = Buffer.byteLength(csv);
  console.log(`${rows} rows (${(bytes / 1024).toFixed(0)} KB), ${kind}:`);
  for (const run of ['first import', 'same file again']) {
    const { uploaded, preview, confirmed, summary } = await importOnce();
    console.log(
      `  ${run}: upload ${uploaded.seconds.toFixed(2)} s, preview ${preview.seconds.toFixed(2)} s (${(Buffer.byteLength(preview.body) / 1024).toFixed(0)} KB of HTML), confirm ${confirmed.seconds.toFixed(2)} s: ${summary}`,
    );
    if (run === 'first import')
      console.log(
        `  budget: confirm under 30 s${kind === 'PostgreSQL' ? '' : ' (set for PostgreSQL)'}: ${confirmed.seconds < 30 ? 'OK' : 'NOT MET'}`,
      );
  }
} finally {
  await stop();
}
