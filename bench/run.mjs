// `npm run bench`: Lantern against a minimal baseline in the same run, on PostgreSQL, with
// autocannon on loopback after a warm-up. Seeds with seed:demo when the database is empty.
// Options: --learners N (default 100000), --seconds S per scenario (default 10), --database URL.
import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { prepareScormCommits } from './scorm-setup.mjs';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    // Comma-separated words: run the baseline and only the scenarios whose name holds one of them
    // (no CSV export, no multi-process part), e.g. --only lesson,htmx.
    only: { type: 'string' },
    database: {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lantern_bench',
    },
  },
});
const url = new URL(values.database);
const seconds = Number(values.seconds);
const LANTERN = 3297;
const BASELINE = 3299;
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  COURSES_DIR: 'tests/fixtures/courses',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'lantern-bench-')),
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  SESSION_SECRET: randomBytes(32).toString('hex'),
  DATABASE_POOL_SIZE: '10', // The load generator is one address sending far more than a person: the commit limits would measure themselves.
  SCORM_COMMIT_RATE_LIMIT: '100000000',
  SCORM_COMMIT_ADDRESS_RATE_LIMIT: '100000000',
};

const run = (args) =>
  new Promise((resolve, reject) =>
    spawn(process.execPath, args, { env, stdio: 'inherit' }).on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(args.join(' '))),
    ),
  );
const admin = new pg.Client({
  connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
});
await admin.connect();
if (
  (await admin.query('select 1 from pg_database where datname = $1', [url.pathname.slice(1)]))
    .rowCount === 0
)
  await admin.query(`create database ${url.pathname.slice(1)}`);
await admin.end();
await run(['dist/src/cli.js', 'migrate']);
const db = new pg.Client({ connectionString: url.toString() });
await db.connect();
const {
  rows: [{ n }],
} = await db.query(
  `select count(*)::int as n from users where email like 'learner%@demo.lantern.local'`,
);
if (n < Number(values.learners))
  await run([
    'dist/src/cli.js',
    'seed:demo',
    '--learners',
    String(Number(values.learners) - n),
    '--cohorts',
    '1',
  ]);

// Sessions for 500 enrolled learners and the biggest cohort's trainer, written straight into the table.
const { rows: learners } = await db.query(
  `select e.user_id from enrolments e join courses c on c.id = e.course_id and c.slug = 'example-course' where e.status = 'active' order by e.user_id limit 500`,
);
const {
  rows: [cohort],
} = await db.query(
  `select c.id, c.owner_id from cohorts c order by (select count(*) from cohort_members m where m.cohort_id = c.id) desc limit 1`,
);
const session = async (userId) => {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `insert into sessions (id, user_id, expires_at) values ($1, $2, now() + interval '1 day')`,
    [createHash('sha256').update(token).digest('base64url'), userId],
  );
  return `lantern_session=${token}`;
};
const learnerCookies = [];
for (const row of learners) learnerCookies.push(await session(row.user_id));
const trainerCookie = await session(cohort.owner_id);
const scormCommits = await prepareScormCommits(
  db,
  env,
  learners.map((row) => row.user_id),
);
const { rows: lessons } = await db.query(
  `select i.slug from course_items i join courses c on c.id = i.course_id and c.slug = 'example-course' where i.kind = 'lesson' and i.removed_at is null`,
);

// BENCH_NODE_ARGS (space-separated) go to Lantern's process only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
const lanternArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const start = (file, port) => {
  const child = spawn(
    process.execPath,
    [...(file === 'dist/src/server.js' ? lanternArgs : []), file],
    {
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return child;
};
const waitFor = async (port, path) => {
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`port ${port} did not answer`);
};
const baseline = start('bench/baseline.mjs', BASELINE);
const lantern = start('dist/src/server.js', LANTERN);
await waitFor(BASELINE, '/fortune/1');
await waitFor(LANTERN, '/healthz');

// Browsers send back the signed session snapshot a learner's page sets (valid 60 s) and the CSRF
// secret's cookie: fetch them for every benchmark learner before each scenario, as a browsing
// learner's cookie jar holds them (without the CSRF cookie, every page would make a new secret).
const learnerSessions = [...learnerCookies];
async function refreshSnapshots(port = LANTERN) {
  await Promise.all(
    learnerSessions.map(async (session, index) => {
      const response = await fetch(`http://127.0.0.1:${port}/my-learning`, {
        headers: { cookie: session },
      });
      const jar = response.headers
        .getSetCookie()
        .filter(
          (cookie) => cookie.startsWith('lantern_seen=') || cookie.startsWith('lantern_csrf='),
        )
        .map((cookie) => cookie.split(';')[0]);
      learnerCookies[index] = [session, ...jar].join('; ');
    }),
  );
}

/** User + system CPU seconds a process has used so far (Linux /proc). */
function cpuSecondsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // the process ended between the listing and the read
  }
}
const cpuSeconds = (child) => cpuSecondsOf(child.pid);
/** CPU seconds of each PostgreSQL process on the machine (the server and its backends), by pid. */
function postgresCpuSeconds() {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let comm;
    try {
      comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm === 'postgres') byPid.set(entry, cpuSecondsOf(entry));
  }
  return byPid;
}
/** CPU seconds PostgreSQL used between two readings (a backend that ended meanwhile is left out). */
const postgresCpuBetween = (before, after) =>
  [...after].reduce((sum, [pid, seconds]) => sum + seconds - (before.get(pid) ?? 0), 0);
/** This process's CPU seconds: autocannon, the load generator, runs here. */
const loadCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

let rotation = 0;
const pick = (list) => list[rotation++ % list.length];
function cannon(port, connections, next, onResponse) {
  return new Promise((resolve, reject) => {
    // setupRequest runs before every request, so each one gets its own lesson and learner; a
    // scenario given as a list of requests runs them in turn on each connection.
    const requests = Array.isArray(next)
      ? next
      : [
          {
            setupRequest: (request) => ({ ...request, ...next() }),
            ...(onResponse ? { onResponse } : {}),
          },
        ];
    const instance = autocannon(
      { url: `http://127.0.0.1:${port}`, connections, duration: seconds, requests },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    autocannon.track(instance, {
      renderProgressBar: false,
      renderResultsTable: false,
      renderLatencyTable: false,
    });
  });
}
// Quiz submission as a learner with JavaScript does it: "try again" (a new attempt), then submit the
// answers, both htmx requests with the CSRF token of the learner's browser.
const quizLearners = [];
async function prepareQuiz() {
  quizLearners.length = 0;
  // Every run starts from the same state: each of these learners meets the quiz for the first time
  // (the rounds of earlier runs would otherwise pile up as attempts that every later round counts).
  await db.query(
    `delete from quiz_attempts a using course_items i, courses c
      where a.item_id = i.id and i.slug = 'basics-check' and i.course_id = c.id and c.slug = 'example-course'
        and a.user_id = any($1::int[])`,
    [learners.slice(0, 200).map((row) => row.user_id)],
  );
  for (const cookie of learnerCookies.slice(0, 200)) {
    const response = await fetch(
      `http://127.0.0.1:${LANTERN}/courses/example-course/quizzes/basics-check`,
      { headers: { cookie } },
    );
    const csrf = response.headers.getSetCookie().find((set) => set.startsWith('lantern_csrf='));
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(await response.text())?.[1];
    // The jar holds the CSRF cookie already unless the page just made one.
    if (token)
      quizLearners.push({ cookie: csrf ? `${cookie}; ${csrf.split(';')[0]}` : cookie, token });
  }
}
let quizTurn = 0;
const quizHeaders = (learner) => ({
  cookie: learner.cookie,
  'content-type': 'application/x-www-form-urlencoded',
  'hx-request': 'true',
  'hx-target': 'main#main',
  'accept-encoding': 'gzip',
});
const quizSteps = [
  {
    setupRequest: (request, context) => {
      context.learner = quizLearners[quizTurn++ % quizLearners.length];
      return {
        ...request,
        method: 'POST',
        path: '/courses/example-course/quizzes/basics-check/retry',
        headers: quizHeaders(context.learner),
        body: `_csrf=${encodeURIComponent(context.learner.token)}`,
      };
    },
  },
  {
    setupRequest: (request, context) => ({
      ...request,
      method: 'POST',
      path: '/courses/example-course/quizzes/basics-check/submit',
      headers: quizHeaders(context.learner),
      body: `_csrf=${encodeURIComponent(context.learner.token)}&q-greeting=hello&q-colours=red&q-colours=blue&q-sky=false`,
    }),
  },
];

const scenarios = [
  ['baseline: fortunes', BASELINE, () => ({ path: `/fortune/${1 + (rotation++ % 1000)}` })],
  ['catalogue, anonymous', LANTERN, () => ({ path: '/' })],
  [
    'lesson page, learner',
    LANTERN,
    () => ({
      path: `/courses/example-course/lessons/${pick(lessons).slug}`,
      headers: { cookie: pick(learnerCookies), 'accept-encoding': 'gzip' },
    }),
  ],
  [
    'htmx lesson navigation',
    LANTERN,
    () => ({
      path: `/courses/example-course/lessons/${pick(lessons).slug}`,
      headers: {
        cookie: pick(learnerCookies),
        'accept-encoding': 'gzip',
        'hx-request': 'true',
        'hx-target': 'main#main',
      },
    }),
  ],
  ['quiz retry + submission', LANTERN, quizSteps],
  [
    'SCORM commit',
    LANTERN,
    () => scormCommits.next(),
    (status, body) => scormCommits.acknowledged(status, body),
  ],
  [
    'cohort dashboard',
    LANTERN,
    () => ({
      path: `/trainer/cohorts/${cohort.id}`,
      headers: { cookie: trainerCookie, 'accept-encoding': 'gzip' },
    }),
  ],
  [
    'learner table, first page',
    LANTERN,
    () => ({
      path: `/trainer/cohorts/${cohort.id}/learners?sort=progress`,
      headers: { cookie: trainerCookie, 'accept-encoding': 'gzip' },
    }),
  ],
];

const only = values.only?.split(',').filter(Boolean);
const chosen = only
  ? scenarios.filter(([name], index) => index === 0 || only.some((word) => name.includes(word)))
  : scenarios;
const rows = [];
const scaling = [];
const CLUSTERED = 3301;
let clustered;
let lostCommits = -1;
/** @type {{ status: number, seconds: number, megabytes: number, peakMb: number } | undefined} */
let csv;
async function exportAndScale() {
  // CSV export of the whole cohort, streamed: time, size, and the server's peak RSS (its high-water mark).
  const exportStarted = performance.now();
  const exported = await fetch(
    `http://127.0.0.1:${LANTERN}/trainer/cohorts/${cohort.id}/learners.csv`,
    { headers: { cookie: trainerCookie } },
  );
  let exportBytes = 0;
  for await (const chunk of exported.body) exportBytes += chunk.length;
  const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${lantern.pid}/status`, 'utf8'))?.[1];
  csv = {
    status: exported.status,
    seconds: (performance.now() - exportStarted) / 1000,
    megabytes: exportBytes / 1024 ** 2,
    peakMb: peak ? Number(peak) / 1024 : NaN,
  };

  // Multi-process: the same learners (same sessions, same database) on a second Lantern run with
  // two worker processes, to see throughput grow with processes on this machine's cores.
  lantern.kill('SIGTERM');
  baseline.kill('SIGTERM');
  clustered = spawn(process.execPath, ['dist/src/server.js'], {
    env: {
      ...env,
      PORT: String(CLUSTERED),
      CONTENT_ORIGIN: `http://localhost:${CLUSTERED + 1}`,
      WORKERS: '2',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(CLUSTERED, '/healthz');
  await refreshSnapshots(CLUSTERED);
  for (const [name, , setup] of scenarios.filter(
    ([name]) => name === 'lesson page, learner' || name === 'SCORM commit',
  )) {
    await cannon(CLUSTERED, 8, setup);
    const wide = await cannon(CLUSTERED, 64, setup);
    const single = rows.find((row) => row.name === name);
    scaling.push({
      name,
      one: single.rps64,
      two: wide.requests.average,
      errors: wide.errors + wide.non2xx,
    });
  }
}

try {
  for (const [name, port, setup, onResponse] of chosen) {
    const heavy = name.startsWith('cohort') || name.startsWith('learner table');
    await refreshSnapshots();
    if (name.startsWith('quiz')) await prepareQuiz();
    await cannon(port, 8, setup, onResponse); // warm-up
    const server = port === BASELINE ? baseline : lantern;
    const before = [cpuSeconds(server), postgresCpuSeconds(), loadCpuSeconds()];
    const wide = heavy ? undefined : await cannon(port, 64, setup, onResponse);
    const cpu = cpuSeconds(server) - before[0];
    const pgCpu = postgresCpuBetween(before[1], postgresCpuSeconds());
    const loadCpu = loadCpuSeconds() - before[2];
    const perRequest = (seconds) => (wide ? (seconds * 1000) / wide.requests.total : undefined);
    const narrow = await cannon(port, heavy ? 4 : 16, setup, onResponse);
    rows.push({
      name,
      rps64: wide?.requests.average,
      // The server's own CPU time per request: what the machine's other load does not change.
      cpuMs: perRequest(cpu),
      // PostgreSQL's and the load generator's share of the same two cores, per request.
      pgCpuMs: perRequest(pgCpu),
      loadCpuMs: perRequest(loadCpu),
      p50: narrow.latency.p50,
      p99: narrow.latency.p99,
      errors: (wide?.errors ?? 0) + narrow.errors + (wide?.non2xx ?? 0) + narrow.non2xx,
      connections: heavy ? 4 : 16,
    });
  }
  lostCommits = await scormCommits.lost();
  if (!only) await exportAndScale();
} finally {
  baseline.kill('SIGTERM');
  lantern.kill('SIGTERM');
  clustered?.kill('SIGTERM');
  await db.query(
    `delete from sessions where expires_at < now() + interval '2 days' and created_at > now() - interval '1 hour'`,
  );
  await db.end();
}
const base = rows[0].rps64;
console.log(
  `\nLantern benchmark, ${new Date().toISOString().slice(0, 10)}, PostgreSQL, ${values.learners} learners, ${seconds} s per run, autocannon on loopback`,
);
console.log(
  `  ${'scenario'.padEnd(28)} ${'req/s @64'.padStart(10)} ${'× baseline'.padStart(10)} ${'CPU/req'.padStart(9)} ${'PG/req'.padStart(8)} ${'load/req'.padStart(8)} ${'p50'.padStart(8)} ${'p99'.padStart(8)}  conns  errors`,
);
for (const row of rows) {
  console.log(
    `  ${row.name.padEnd(28)} ${(row.rps64 ? row.rps64.toFixed(0) : '–').padStart(10)} ${(row.rps64 ? (row.rps64 / base).toFixed(2) : '–').padStart(10)} ${(row.cpuMs ? `${row.cpuMs.toFixed(3)}ms` : '–').padStart(9)} ${(row.pgCpuMs ? row.pgCpuMs.toFixed(3) : '–').padStart(8)} ${(row.loadCpuMs ? row.loadCpuMs.toFixed(3) : '–').padStart(8)} ${(row.p50 + 'ms').padStart(8)} ${(row.p99 + 'ms').padStart(8)}  ${String(row.connections).padStart(5)}  ${row.errors}`,
  );
}
// DESIGN.md §7: pages at half the baseline's rate and p99 < 20 ms; a quiz round at 0.15 of it;
// SCORM commits at 5,000/s, p99 < 50 ms, none lost.
const verdict = (ok) => (ok ? 'OK' : 'NOT MET');
console.log('\nBudgets (DESIGN.md §7):');
for (const name of ['lesson page, learner', 'htmx lesson navigation', 'catalogue, anonymous']) {
  const row = rows.find((candidate) => candidate.name === name);
  if (row)
    console.log(
      `  ${name}: ≥ 1/2 of baseline req/s at 64 connections: ${(row.rps64 / base).toFixed(2)} ${verdict(row.rps64 / base >= 0.5)}; p99 < 20 ms at 16: ${row.p99} ms ${verdict(row.p99 < 20)}`,
    );
}
const quiz = rows.find((row) => row.name === 'quiz retry + submission');
if (quiz)
  console.log(
    `  quiz round: ≥ 0.15 of baseline req/s: ${(quiz.rps64 / base).toFixed(2)} ${verdict(quiz.rps64 / base >= 0.15)}`,
  );
const commits = rows.find((row) => row.name === 'SCORM commit');
if (commits)
  console.log(
    `  SCORM commits ≥ 5,000/s at 64 connections: ${commits.rps64.toFixed(0)} ${verdict(commits.rps64 >= 5000)}; p99 < 50 ms at 16: ${commits.p99} ms ${verdict(commits.p99 < 50)}; commits lost: ${lostCommits} ${verdict(lostCommits === 0)}`,
  );
for (const row of scaling)
  console.log(
    `Processes: ${String(row.name)}: 1 process ${row.one.toFixed(0)} req/s → 2 worker processes ${row.two.toFixed(0)} req/s (×${(row.two / row.one).toFixed(2)}), errors ${row.errors}`,
  );
if (csv)
  console.log(
    `CSV export of the cohort (${values.learners} learners): HTTP ${csv.status}, ${csv.megabytes.toFixed(1)} MB in ${csv.seconds.toFixed(1)} s; Lantern's peak RSS over the whole run ${csv.peakMb.toFixed(0)} MB`,
  );
