import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The built server and CLI (`npm test` builds them before vitest runs). */
export const serverEntry = join(import.meta.dirname, '../../dist/src/server.js');
export const cliEntry = join(import.meta.dirname, '../../dist/src/cli.js');
export const fixtureCourses = join(import.meta.dirname, '../fixtures/courses');

export type ServerProcess = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  port: number;
};

/** Starts `node dist/src/server.js` with these variables on top of a quiet test environment. */
export function startServer(port: number, env: Record<string, string>): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, [serverEntry], {
    env: {
      ...process.env,
      PORT: String(port),
      CONTENT_ORIGIN: `http://localhost:${port + 1}`,
      DATABASE_URL: '',
      COURSES_DIR: fixtureCourses,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      LOGIN_RATE_LIMIT: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited, port };
}

/** Waits until the server answers its health check. */
export async function whenReady(server: ServerProcess, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${server.port}/healthz`)).ok) return;
    } catch {}
    if (Date.now() - started > timeoutMs)
      throw new Error(`server did not answer within ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs a CLI command to its end. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  input = '',
): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [cliEntry, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      COURSES_DIR: fixtureCourses,
      LOG_LEVEL: 'warn',
      ...env,
    },
    input,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A browser over real HTTP: keeps cookies, remembers the last page's CSRF token, follows nothing. */
export class HttpBrowser {
  readonly cookies = new Map<string, string>();
  csrfToken = '';
  constructor(private readonly origin: string) {}

  async request(
    path: string,
    init: {
      method?: string;
      form?: Record<string, string>;
      json?: unknown;
      headers?: Record<string, string>;
    } = {},
  ): Promise<{ status: number; body: string; headers: Headers }> {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...init.headers,
    };
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({ _csrf: this.csrfToken, ...init.form }).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const response = await fetch(`${this.origin}${path}`, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      body,
      headers,
      redirect: 'manual',
    });
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const [key, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (value) this.cookies.set(key!, value);
      else this.cookies.delete(key!);
    }
    const text = await response.text();
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrfToken = token;
    return { status: response.status, body: text, headers: response.headers };
  }

  async login(email: string, password: string): Promise<void> {
    await this.request('/login');
    const response = await this.request('/login', { form: { email, password } });
    if (response.status !== 303) throw new Error(`login failed: ${response.status}`);
    await this.request(response.headers.get('location') ?? '/');
  }
}
