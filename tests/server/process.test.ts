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

function start(port: number): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  let output = '';
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      COURSES_DIR: join(import.meta.dirname, '../fixtures/courses'),
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function ready(port: number, started: number): Promise<number> {
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return Date.now() - started;
    } catch {}
    // A first start creates the embedded database: on a busy machine (CI runs test files in
    // parallel) that alone can take half a minute. Start-up speed is measured in bench/, not here.
    if (Date.now() - started > 60_000) throw new Error('server did not answer within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(existsSync(entry))('the server process', () => {
  it('prints the first admin password once, serves, and shuts down cleanly on SIGTERM', async () => {
    const first = start(3391);
    await ready(3391, Date.now());
    expect(first.output()).toMatch(/one-time password: +\S{16}/);
    // A request the server is already handling when SIGTERM arrives still gets its answer. The
    // signal goes once the server has logged the request's arrival: a request merely sent may not
    // have reached it yet on a busy machine, and one arriving after SIGTERM rightly gets a 503.
    const logged = `"url":"/courses/example-course"`;
    const inFlight = new Promise<number>((resolve, reject) => {
      const request = http.get('http://127.0.0.1:3391/courses/example-course', (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
      const signalOnArrival = () => {
        if (first.output().includes(logged)) first.child.kill('SIGTERM');
        else setTimeout(signalOnArrival, 1);
      };
      request.on('finish', signalOnArrival);
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
  }, 150_000);
});

describe.runIf(existsSync(entry))('several worker processes', () => {
  it('are refused on the embedded database, with the reason', async () => {
    const child = spawn(process.execPath, [entry], {
      env: {
        ...process.env,
        PORT: '3393',
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        WORKERS: '2',
        COURSES_DIR: join(import.meta.dirname, '../fixtures/courses'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain('WORKERS above 1 needs PostgreSQL');
  });

  // Two workers share one PostgreSQL database: whichever answers, the session and the CSRF token
  // made by the other are honoured (each request on a new connection, so they alternate).
  it.runIf(process.env.TEST_DATABASE_URL)(
    'share sessions and CSRF tokens on PostgreSQL',
    async () => {
      const pg = (await import('pg')).default;
      const name = `lantern_workers_${process.pid}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      const child = spawn(process.execPath, [entry], {
        env: {
          ...process.env,
          PORT: '3394',
          CONTENT_ORIGIN: 'http://localhost:3395',
          DATA_DIR: dataDir,
          DATABASE_URL: url.toString(),
          WORKERS: '2',
          COURSES_DIR: join(import.meta.dirname, '../fixtures/courses'),
          LOG_LEVEL: 'warn',
          REGISTER_RATE_LIMIT: '100',
          LOGIN_RATE_LIMIT: '100',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      try {
        await ready(3394, Date.now());
        const cookies = new Map<string, string>();
        const call = async (path: string, init: RequestInit = {}) => {
          const response = await fetch(`http://127.0.0.1:3394${path}`, {
            ...init,
            redirect: 'manual',
            headers: {
              ...(init.headers as Record<string, string>),
              connection: 'close',
              cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            },
          });
          for (const set of response.headers.getSetCookie()) {
            const [pair] = set.split(';');
            const [key, value] = pair!.split('=');
            if (value) cookies.set(key!, value);
            else cookies.delete(key!);
          }
          return response;
        };
        const token = async (path: string) =>
          /name="_csrf" value="([^"]+)"/.exec(await (await call(path)).text())![1]!;
        const form = (fields: Record<string, string>) => ({
          method: 'POST',
          body: new URLSearchParams(fields).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        const email = `worker-${process.pid}@example.org`;
        expect(
          (
            await call(
              '/register',
              form({
                _csrf: await token('/register'),
                name: 'Worker Learner',
                email,
                password: 'a long enough passphrase',
                locale: 'en',
              }),
            )
          ).status,
        ).toBe(303);
        // Registering signed the learner in: the session made by one worker, used on both.
        for (let n = 0; n < 6; n += 1) {
          cookies.delete('lantern_seen'); // make every request check the session in the database
          expect((await call('/my-learning')).status).toBe(200);
        }
        expect(
          (
            await call(
              '/courses/example-course/enrol',
              form({ _csrf: await token('/courses/example-course') }),
            )
          ).status,
        ).toBe(303);
        expect(output).toContain('2 worker processes');
      } finally {
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    60_000,
  );
});
