// Time from process start to the first page served (200), on an existing data directory: the
// first start creates and fills the embedded database, the next ones only open it. With
// --database-url the same is measured on a PostgreSQL server (its database is wiped first).
// Usage: npm run build && node bench/startup.mjs [--runs 5] [--database-url postgres://…]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, 'database-url': { type: 'string' } },
});
const databaseUrl = values['database-url'] ?? '';
if (databaseUrl) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('drop schema public cascade; create schema public');
  await client.end();
}
const dataDir = mkdtempSync(join(tmpdir(), 'lantern-startup-'));
const port = 3292; // and 3293 for the content origin
const env = {
  ...process.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'warn',
};

async function firstPage() {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/src/server.js'], { env, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).status === 200) break;
    } catch {}
    if (performance.now() - started > 60_000) throw new Error('no first page within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const ms = performance.now() - started;
  // CPU time of the process's main thread up to that moment: on a busy machine the wall time
  // measures the machine; this says what the start itself costs (Linux only).
  const mainThread = cpuMilliseconds(`/proc/${child.pid}/task/${child.pid}/stat`);
  child.kill('SIGTERM');
  await exited;
  mainThreadMs.push(mainThread);
  return ms;
}

const mainThreadMs = [];
function cpuMilliseconds(statFile) {
  try {
    const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
  } catch {
    return NaN;
  }
}

try {
  const first = await firstPage();
  const restarts = [];
  for (let n = 0; n < Number(values.runs); n += 1) restarts.push(await firstPage());
  restarts.sort((a, b) => a - b);
  const median = restarts[Math.floor(restarts.length / 2)];
  console.log(
    `${databaseUrl ? 'PostgreSQL' : 'embedded database (PGlite)'}, Node ${process.version}`,
  );
  console.log(`first start on an empty data directory: ${first.toFixed(0)} ms`);
  const cpu = mainThreadMs.slice(1).sort((a, b) => a - b);
  console.log(
    `restart, main thread's CPU time to the first page: median ${cpu[Math.floor(cpu.length / 2)]} ms (${mainThreadMs.slice(1).join(', ')})`,
  );
  console.log(
    `restart on the existing data directory, first page: median ${median.toFixed(0)} ms (${restarts.map((ms) => ms.toFixed(0)).join(', ')}); budget < 1000 ms: ${median < 1000 ? 'OK' : 'NOT MET'}`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
