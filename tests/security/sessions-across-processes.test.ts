// A learner's signed snapshot spares a database read per page. Ending the session (logout,
// password change) on one app process must stop it at once on every other one too.
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { hashPassword } from '../../src/accounts/passwords.js';
import { createUser } from '../../src/accounts/users.js';
import { openDatabase } from '../../src/db/connect.js';
import { testConfig } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { openTestDatabase } from '../helpers/database.js';

describe.runIf(process.env.TEST_DATABASE_URL)('two app processes on one PostgreSQL', () => {
  const closing: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closing.reverse()) await close();
  });

  it('stops honouring a logged-out session on the other process at once', async () => {
    const shared = await openTestDatabase();
    closing.push(() => shared.close());
    const config = testConfig();
    const apps = await Promise.all(
      [0, 1].map(async () => {
        const database = await openDatabase({
          ...config,
          databaseUrl: shared.url!,
          databasePoolSize: 2,
        });
        const app = await buildApp({ config, database });
        await app.ready();
        closing.push(() => app.close());
        return app;
      }),
    );
    const [first, second] = apps as [(typeof apps)[0], (typeof apps)[0]];
    // Give both listeners time to connect.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await createUser(shared.db, {
      email: 'two-processes@example.org',
      name: 'Two Processes',
      passwordHash: await hashPassword('a long enough passphrase'),
      role: 'learner',
      locale: 'en',
    });

    const browser = new TestBrowser(first);
    await browser.login('two-processes@example.org', 'a long enough passphrase');
    await browser.get('/my-learning');
    const cookies = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    expect(cookies).toContain('lantern_seen=');
    const onSecond = () =>
      second.inject({ url: '/my-learning', headers: { cookie: cookies, accept: 'text/html' } });
    expect((await onSecond()).statusCode).toBe(200);

    expect((await browser.post('/logout')).statusCode).toBe(303);
    // NOTIFY reaches the other process within milliseconds; a minute would be the snapshot's own lifetime.
    let status = 200;
    const started = Date.now();
    while (status === 200 && Date.now() - started < 2_000) {
      status = (await onSecond()).statusCode;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(303);
  });
});
