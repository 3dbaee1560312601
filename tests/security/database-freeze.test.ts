// A database that stops answering (paused, overloaded, a network that swallows packets) must not
// hold every request: pages answer 503 quickly with a retry hint, and the app recovers by itself.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/connect.js';
import { testConfig } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/database.js';

/** A TCP proxy to PostgreSQL that can freeze: connections stay open, nothing goes through. */
function freezableProxy(target: URL) {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let frozen = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream).pipe(client);
    if (frozen) for (const socket of pair) socket.pause();
    const drop = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  return {
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
      ),
    freeze() {
      frozen = true;
      for (const pair of pairs) for (const socket of pair) socket.pause();
    },
    thaw() {
      frozen = false;
      for (const pair of pairs) for (const socket of pair) socket.resume();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const pair of pairs) for (const socket of pair) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const timed = async <T>(action: () => Promise<T>) => {
  const started = performance.now();
  const result = await action();
  return { result, ms: performance.now() - started };
};

describe.runIf(process.env.TEST_DATABASE_URL)('a frozen PostgreSQL', () => {
  let cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('gets quick 503s with Retry-After while it is frozen, and the app recovers alone', async () => {
    const fresh = await openTestDatabase();
    cleanup.push(() => fresh.close());
    const proxy = freezableProxy(new URL(fresh.url!));
    cleanup.push(() => proxy.close());
    const url = new URL(fresh.url!);
    url.port = String(await proxy.listen());
    const config = testConfig({ databaseQueryTimeoutMs: 1_000 });
    const database = await openDatabase({
      ...config,
      databaseUrl: url.toString(),
      databasePoolSize: 3,
    });
    const app = await buildApp({ config, database });
    cleanup.push(() => app.close());

    expect((await app.inject({ url: '/' })).statusCode).toBe(200);
    proxy.freeze();

    // The first request waits for its query to time out (about a second), not for the database.
    const first = await timed(() => app.inject({ url: '/', headers: { accept: 'text/html' } }));
    expect(first.result.statusCode).toBe(503);
    expect(first.result.headers['retry-after']).toBeDefined();
    expect(first.ms).toBeLessThan(4_000);
    // Later requests are answered at once while the database is known not to answer.
    const later = await timed(() =>
      Promise.all([
        app.inject({ url: '/' }),
        app.inject({ url: '/healthz' }),
        app.inject({ url: '/courses/example-course' }),
      ]),
    );
    expect(later.result.map((response) => response.statusCode)).toEqual([503, 503, 503]);
    expect(later.ms).toBeLessThan(1_000);

    proxy.thaw();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt += 1) {
      status = (await app.inject({ url: '/' })).statusCode;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  }, 60_000);
});
