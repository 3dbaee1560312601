// Starts the built server for the browser tests on a fresh database: a new PGlite data directory,
// or, when TEST_DATABASE_URL is set, a new database on that PostgreSQL server (dropped on exit).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const dataDir = mkdtempSync(join(tmpdir(), 'lantern-e2e-'));
// Without SMTP_URL the server writes email as .eml files to DATA_DIR/outbox: the specs find that
// folder through this file, named after the port (see readEmail in helpers.ts).
const dataDirPointer = join(tmpdir(), `lantern-e2e-${process.env.E2E_PORT ?? '3190'}.data-dir`);
writeFileSync(dataDirPointer, dataDir);
const env = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? '3190',
  DATA_DIR: dataDir,
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  LOGIN_RATE_LIMIT: '1000',
  REGISTER_RATE_LIMIT: '1000',
};
env.CONTENT_ORIGIN = `http://localhost:${Number(env.PORT) + 1}`;
// The example course (it exercises every feature) next to the shipped courses.
if (!env.COURSES_DIR) {
  const combined = mkdtempSync(join(tmpdir(), 'lantern-e2e-courses-'));
  for (const dir of ['tests/fixtures/courses', 'courses']) {
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isDirectory()) symlinkSync(resolve(dir, entry.name), join(combined, entry.name));
  }
  env.COURSES_DIR = combined;
}

let dropDatabase = async () => {};
if (process.env.TEST_DATABASE_URL) {
  const name = `lantern_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  };
}

// A known admin for the specs (the generated first admin's password is only printed to the console).
const created = spawnSync(
  process.execPath,
  [
    'dist/src/cli.js',
    'user:create',
    '--email',
    'e2e-admin@example.org',
    '--name',
    'E2E Admin',
    '--role',
    'admin',
  ],
  { env, input: 'e2e admin passphrase\n', stdio: ['pipe', 'inherit', 'inherit'] },
);
if (created.status !== 0) process.exit(created.status ?? 1);
const trainer = spawnSync(
  process.execPath,
  [
    'dist/src/cli.js',
    'user:create',
    '--email',
    'e2e-trainer@example.org',
    '--name',
    'E2E Trainer',
    '--role',
    'trainer',
  ],
  { env, input: 'e2e trainer passphrase\n', stdio: ['pipe', 'inherit', 'inherit'] },
);
if (trainer.status !== 0) process.exit(trainer.status ?? 1);

const server = spawn(process.execPath, ['dist/src/server.js'], { env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => void finish(code));
async function finish(code) {
  await dropDatabase().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(dataDirPointer, { force: true });
  process.exit(code ?? 0);
}
