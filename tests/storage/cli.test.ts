/**
 * `npm run cli -- scorm:import` with STORAGE_URL set puts the package in the bucket, as the admin
 * page does, and a server started with a broken STORAGE_URL stops with a sentence naming it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, fixtureCourses, serverEntry } from '../helpers/process.js';
import { buildGolf12 } from '../scorm/fixtures.js';
import { startS3, type TestS3 } from './s3-server.js';

const dir = mkdtempSync(join(tmpdir(), 'lantern-storage-cli-'));
let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3('lantern-cli');
});
afterAll(async () => {
  await s3?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a built entry without blocking this process, whose s3rver must go on answering. */
function run(
  entry: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; output: string }> {
  const child = spawn(process.execPath, [entry, ...args], {
    env: {
      ...process.env,
      DATA_DIR: join(dir, 'data'),
      DATABASE_URL: '',
      COURSES_DIR: fixtureCourses,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, output })));
}

describe.runIf(existsSync(cliEntry) && existsSync(serverEntry))(
  'STORAGE_URL in the processes',
  () => {
    it('scorm:import stores the package in the bucket, and nothing on local disk', async () => {
      const zip = await buildGolf12(dir);
      const hash = createHash('sha256')
        .update(await readFile(zip))
        .digest('hex');
      const imported = await run(cliEntry, ['scorm:import', zip, '--slug', 'golf'], {
        STORAGE_URL: s3.url,
      });
      expect(imported.output).toMatch(/imported as a new course/);
      expect(imported.status).toBe(0);
      expect(await s3.keys()).toEqual(
        expect.arrayContaining([`scorm/${hash}/shared/launchpage.html`, `scorm/${hash}.complete`]),
      );
      expect(existsSync(join(dir, 'data', 'scorm', hash))).toBe(false);
    }, 60_000);

    it('a server with a broken STORAGE_URL stops at once, naming the variable', async () => {
      const started = await run(serverEntry, [], {
        PORT: '3431',
        STORAGE_URL: 'http://127.0.0.1:9000/bucket',
      });
      expect(started.status).toBe(1);
      expect(started.output).toContain('STORAGE_URL must start with s3://');
    }, 30_000);
  },
);
