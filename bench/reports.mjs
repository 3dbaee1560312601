// Trainer reports at scale, on PostgreSQL: seeds N learners into ONE cohort (the hardest case),
// then times the cohort dashboard and the first page of the learner table under several sorts and
// filters (sequential requests, p50/p95), streams the full CSV export while sampling the server's
// peak memory, and writes the query plans of the heaviest queries to bench/plans.md.
// Usage: npm run build && node bench/reports.mjs [--learners 100000] [--database postgres://...]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '100000' },
    database: {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lantern_bench',
    },
    port: { type: 'string', default: '3295' },
    runs: { type: 'string', default: '30' },
    courses: { type: 'string', default: 'tests/fixtures/courses' },
  },
});
const learners = Number(values.learners);
const url = new URL(values.database);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;

async function ensureDatabase() {
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [
    url.pathname.slice(1),
  ]);
  if (exists.rowCount === 0) await admin.query(`create database ${url.pathname.slice(1)}`);
  await admin.end();
}

// The example course by default (small, stable); --courses courses measures the shipped ones.
const coursesDir = values.courses;
const env = {
  ...process.env,
  COURSES_DIR: coursesDir,
  DATABASE_URL: url.toString(),
  DATA_DIR: mkdtempSync(join(tmpdir(), 'lantern-bench-')),
  LOG_LEVEL: 'warn',
  LOGIN_RATE_LIMIT: '1000',
  PORT: String(port),
};
const cli = (args) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/src/cli.js', ...args], { env, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`cli ${args[0]} failed`)),
    );
  });

await ensureDatabase();
const db = new pg.Client({ connectionString: url.toString() });
await db.connect();
await cli(['migrate']);
const have = await db
  .query(`select count(*)::int as n from users where email like 'learner%@demo.lantern.local'`)
  .catch(() => ({ rows: [{ n: 0 }] }));
if (have.rows[0].n < learners) {
  console.log(
    `Seeding ${learners - have.rows[0].n} learners into one cohort (this takes a few minutes)…`,
  );
  const t = performance.now();
  await cli(['seed:demo', '--learners', String(learners - have.rows[0].n), '--cohorts', '1']);
  console.log(`seed:demo took ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const {
  rows: [cohort],
} =
  await db.query(`select c.id, c.owner_id, u.email, (select count(*)::int from cohort_members m where m.cohort_id = c.id) as members
  from cohorts c join users u on u.id = c.owner_id order by members desc limit 1`);
const {
  rows: [course],
} = await db.query(
  `select course_id as id from cohort_courses where cohort_id = $1 order by course_id limit 1`,
  [cohort.id],
);
console.log(`Cohort ${cohort.id}: ${cohort.members} learners; trainer ${cohort.email}`);

const server = spawn(process.execPath, ['dist/src/server.js'], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const peakRss = () =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) /
  1024;
const currentRss = () =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) /
  1024;
try {
  for (let i = 0; ; i += 1) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    if (i > 200) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  // Log in as the cohort's trainer (demo password).
  const loginPage = await fetch(`${base}/login`);
  let cookies = loginPage.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="csrf-token" content="([^"]+)"/.exec(await loginPage.text())[1];
  const login = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      _csrf: token,
      email: cohort.email,
      password: 'lantern demo password',
    }),
  });
  cookies +=
    '; ' +
    login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  if (login.status !== 303) throw new Error(`login failed: ${login.status}`);

  const scenarios = [
    ['cohort dashboard', `/trainer/cohorts/${cohort.id}`],
    ['learners, by name', `/trainer/cohorts/${cohort.id}/learners?course=${course.id}`],
    [
      'learners, by progress',
      `/trainer/cohorts/${cohort.id}/learners?course=${course.id}&sort=progress`,
    ],
    [
      'learners, by last activity',
      `/trainer/cohorts/${cohort.id}/learners?course=${course.id}&sort=activity`,
    ],
    [
      'learners, completed, by score',
      `/trainer/cohorts/${cohort.id}/learners?course=${course.id}&status=completed&sort=score`,
    ],
    [
      'learners, overdue',
      `/trainer/cohorts/${cohort.id}/learners?course=${course.id}&status=overdue`,
    ],
    [
      'learners, score 40–60, inactive',
      `/trainer/cohorts/${cohort.id}/learners?course=${course.id}&min=40&max=60&active=-14`,
    ],
    ['learners, name search', `/trainer/cohorts/${cohort.id}/learners?course=${course.id}&q=amina`],
    ['question analysis', `/trainer/cohorts/${cohort.id}/items?course=${course.id}`],
  ];
  const runs = Number(values.runs);
  const results = [];
  for (const [name, path] of scenarios) {
    const times = [];
    for (let i = 0; i < runs + 3; i += 1) {
      const t = performance.now();
      const response = await fetch(base + path, { headers: { cookie: cookies } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      if (i >= 3) times.push(performance.now() - t); // three warm-up requests
    }
    times.sort((a, b) => a - b);
    const pct = (p) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
    results.push({ name, p50: pct(50), p95: pct(95) });
  }

  const rssBefore = currentRss();
  let sampledPeak = rssBefore;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, currentRss())), 20);
  const t = performance.now();
  const csv = await fetch(`${base}/trainer/cohorts/${cohort.id}/learners.csv?course=${course.id}`, {
    headers: { cookie: cookies },
  });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of csv.body) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  const csvSeconds = (performance.now() - t) / 1000;
  clearInterval(sampler);

  console.log(
    `\nTrainer reports, ${cohort.members} learners in one cohort, PostgreSQL, ${runs} sequential requests each`,
  );
  console.log(
    `  ${'scenario'.padEnd(34)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}   budget p95 < 300 ms`,
  );
  for (const r of results)
    console.log(
      `  ${r.name.padEnd(34)} ${r.p50.toFixed(1).padStart(6)}ms ${r.p95.toFixed(1).padStart(6)}ms   ${r.p95 < 300 ? 'OK' : 'OVER'}`,
    );
  console.log(
    `\n  CSV export: ${lines - 1} rows, ${(bytes / 1048576).toFixed(1)} MB in ${csvSeconds.toFixed(1)} s; server RSS ${rssBefore.toFixed(0)} MB before, ${sampledPeak.toFixed(0)} MB peak during (process high-water mark ${peakRss().toFixed(0)} MB)`,
  );

  // Query plans of the heaviest queries, captured by running them with EXPLAIN.
  const plans = [];
  const explain = async (title, text, params) => {
    const { rows } = await db.query(`explain (analyze, buffers, format text) ${text}`, params);
    plans.push(`## ${title}\n\n\`\`\`\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\`\n`);
  };
  const {
    rows: [final],
  } = await db.query(
    `select id from course_items where course_id = $1 and kind = 'quiz' and required and removed_at is null order by position desc limit 1`,
    [course.id],
  );
  await explain(
    'Learner table, first page sorted by progress',
    `select u.id, u.name, coalesce(e.progress_percent, 0) as progress, p.best_score
    from cohort_members m join users u on u.id = m.user_id
    left join enrolments e on e.user_id = m.user_id and e.course_id = $2
    left join item_progress p on p.user_id = m.user_id and p.item_id = $3
   where m.cohort_id = $1 order by coalesce(e.progress_percent, 0) desc, u.id desc limit 51`,
    [cohort.id, course.id, final?.id ?? -1],
  );
  await explain(
    'Dashboard status counts',
    `select count(*) as members, count(*) filter (where e.status = 'completed') as completed
    from cohort_members m left join enrolments e on e.user_id = m.user_id and e.course_id = $2 where m.cohort_id = $1`,
    [cohort.id, course.id],
  );
  await explain(
    'Dashboard score distribution',
    `select least(p.best_score / 10, 9) as bucket, count(*) from cohort_members m
    join item_progress p on p.user_id = m.user_id and p.item_id = $2 where m.cohort_id = $1 and p.best_score is not null group by 1`,
    [cohort.id, final?.id ?? -1],
  );
  writeFileSync(
    'bench/plans.md',
    `# Query plans of the heaviest report queries\n\n${cohort.members} learners in one cohort, PostgreSQL, ${new Date().toISOString().slice(0, 10)}. Produced by \`node bench/reports.mjs\`.\n\n${plans.join('\n')}`,
  );
  console.log('\n  Query plans written to bench/plans.md');
} finally {
  server.kill('SIGTERM');
  await db.end();
}
