import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Drives the real process (dist/src/server.js, built by `npm test` before vitest runs).
const entry = join(import.meta.dirname, '../../dist/src/server.js');
const dataDir = mkdtempSync(join(tmpdir(), 'lantern-process-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(port: number): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', COURSES_DIR: join(import.meta.dirname, '../fixtures/courses'), LOG_LEVEL: 'info', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function ready(port: number, started: number): Promise<number> {
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return Date.now() - started;
    } catch {}
    if (Date.now() - started > 30_000) throw new Error('server did not answer within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(existsSync(entry))('the server process', () => {
  it('prints the first admin password once, serves, and shuts down cleanly on SIGTERM', async () => {
    const first = start(3391);
    await ready(3391, Date.now());
    expect(first.output()).toMatch(/one-time password: +\S{16}/);
    // A request already sent when SIGTERM arrives still gets its answer.
    const inFlight = new Promise<number>((resolve, reject) => {
      const request = http.get('http://127.0.0.1:3391/courses/example-course', (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
      request.on('finish', () => setTimeout(() => first.child.kill('SIGTERM'), 5));
    });
    expect(await inFlight).toBe(200);
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('shutting down');

    // Second start on the same data directory: no new password, and quick to serve.
    const second = start(3392);
    await ready(3392, Date.now());
    expect(second.output()).not.toContain('one-time password');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
