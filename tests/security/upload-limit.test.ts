// An upload announced as bigger than the limit is refused before its body is read.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';

let ctx: TestContext;
let port = 0;
beforeAll(async () => {
  ctx = await createTestApp();
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  port = (ctx.app.server.address() as net.AddressInfo).port;
});
afterAll(async () => ctx.close());

describe('a 1.1 GB package upload', () => {
  it('gets 413 at once, without the server reading the body', async () => {
    const admin = await makeUser(ctx, 'admin');
    const browser = new TestBrowser(ctx.app);
    await browser.login(admin.email, TEST_PASSWORD);
    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const started = performance.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /admin/scorm HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nAccept: text/html\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${Math.round(1.1 * 1024 ** 3)}\r\n\r\n--x\r\n`,
        );
      });
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      socket.on('end', () => resolve(received));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      setTimeout(() => reject(new Error('no answer within 5 s')), 5_000).unref();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toMatch(/connection: close/i);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
