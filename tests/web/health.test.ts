import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/connect.js';
import { createTestApp, testConfig } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/database.js';

describe('GET /healthz', () => {
  it('says ok when the database answers', async () => {
    const ctx = await createTestApp();
    try {
      const response = await ctx.app.inject({ url: '/healthz' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok', db: 'ok' });
    } finally {
      await ctx.close();
    }
  });

  it('answers 503, and pages answer a 503 page, when the database is unreachable', async () => {
    const config = testConfig();
    const database = await openDatabase({
      databaseUrl: 'postgres://lantern@127.0.0.1:9/none',
      dataDir: config.dataDir,
      databasePoolSize: 1,
    });
    const app = await buildApp({ config, database });
    try {
      const health = await app.inject({ url: '/healthz' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({ status: 'error', db: 'unavailable' });
      const page = await app.inject({
        url: '/account',
        headers: { cookie: 'lantern_session=abc', accept: 'text/html' },
      });
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('Temporarily unavailable');
      expect(page.body).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      await app.close();
    }
  });
});

// Needs a real server to cut: runs in the PostgreSQL pass of .ci/run.
describe.runIf(process.env.TEST_DATABASE_URL)('database outage on PostgreSQL', () => {
  const sockets = new Set<net.Socket>();
  let proxy: net.Server | undefined;
  const target = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://localhost:5432/test');

  function startProxy(port: number): Promise<number> {
    proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    return new Promise((resolve) =>
      proxy!.listen(port, '127.0.0.1', () => resolve((proxy!.address() as net.AddressInfo).port)),
    );
  }
  function stopProxy(): Promise<void> {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    return new Promise((resolve) => proxy!.close(() => resolve()));
  }
  afterAll(async () => {
    if (proxy?.listening) await stopProxy();
  });

  it('serves 503 while the database is away and recovers by itself when it is back', async () => {
    const fresh = await openTestDatabase();
    const port = await startProxy(0);
    const url = new URL(fresh.url!);
    url.port = String(port);
    const config = testConfig();
    const database = await openDatabase({
      databaseUrl: url.toString(),
      dataDir: config.dataDir,
      databasePoolSize: 2,
    });
    const app = await buildApp({ config, database });
    try {
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      await stopProxy();
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(503);
      await startProxy(port);
      let status = 0;
      for (let attempt = 0; attempt < 10 && status !== 200; attempt += 1) {
        status = (await app.inject({ url: '/healthz' })).statusCode;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(200);
    } finally {
      await app.close();
      await fresh.close();
    }
  });
});
