// The attacks of the hostile review, replayed over HTTP: a SCO (or any page of another origin) that
// plants cookies and posts forms for a signed-in admin, open redirects, and sessions that outlive
// a logout. Each must be refused; each passed before the fixes of issue 12.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserById } from '../../src/accounts/users.js';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

/** A cookie/token pair anyone gets from an anonymous GET /login. */
async function anonymousPair(): Promise<{ cookie: string; token: string }> {
  const attacker = new TestBrowser(ctx.app);
  await attacker.get('/login');
  return { cookie: attacker.cookies.get('lantern_csrf')!, token: attacker.csrfToken };
}

async function signedInAdmin(): Promise<TestBrowser> {
  const admin = await makeUser(ctx, 'admin');
  const browser = new TestBrowser(ctx.app);
  await browser.login(admin.email, TEST_PASSWORD);
  await browser.get('/admin/users');
  return browser;
}

const cookieHeader = (browser: TestBrowser, extra: Array<[string, string]> = []) =>
  [...extra, ...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');

describe('CSRF tokens are bound to the session', () => {
  it("refuses an anonymous visitor's cookie and token planted in an admin's browser", async () => {
    const admin = await signedInAdmin();
    const victim = await makeUser(ctx);
    const planted = await anonymousPair();
    // The browser sends the planted cookie (set with path=/admin/users) first, then the admin's own.
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/admin/users/${victim.id}/role`,
      headers: {
        cookie: cookieHeader(admin, [['lantern_csrf', planted.cookie]]),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
      },
      payload: `role=admin&_csrf=${encodeURIComponent(planted.token)}`,
    });
    expect(response.statusCode).toBe(403);
    expect((await findUserById(ctx.database.db, victim.id))!.role).toBe('learner');
  });

  it("refuses a token that belongs to another session, even with that session's own secret cookie", async () => {
    const admin = await signedInAdmin();
    const victim = await makeUser(ctx);
    const planted = await anonymousPair();
    // The planted pair replaces the admin's CSRF cookie outright (no duplicate to notice).
    admin.cookies.set('lantern_csrf', planted.cookie);
    const response = await admin.post(`/admin/users/${victim.id}/role`, {
      role: 'admin',
      _csrf: planted.token,
    });
    expect(response.statusCode).toBe(403);
    expect((await findUserById(ctx.database.db, victim.id))!.role).toBe('learner');
  });

  it('gives a new CSRF secret at login: a token from before the login is refused after it', async () => {
    const user = await makeUser(ctx);
    const browser = new TestBrowser(ctx.app);
    await browser.get('/login');
    const before = { token: browser.csrfToken, cookie: browser.cookies.get('lantern_csrf') };
    const login = await browser.post('/login', { email: user.email, password: TEST_PASSWORD });
    expect(login.statusCode).toBe(303);
    expect(String(login.headers['set-cookie'])).toMatch(/lantern_csrf=;/);
    browser.cookies.set('lantern_csrf', before.cookie!);
    const response = await browser.post('/locale', {
      _csrf: before.token,
      locale: 'fr',
      next: '/',
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('state changes only from the app’s own pages', () => {
  it('refuses a valid form posted from the content origin, or flagged same-site by the browser', async () => {
    const admin = await signedInAdmin();
    const victim = await makeUser(ctx);
    const fromContent = await admin.post(
      `/admin/users/${victim.id}/role`,
      { role: 'admin' },
      { origin: ctx.config.contentOrigin.origin },
    );
    expect(fromContent.statusCode).toBe(403);
    const sameSite = await admin.post(
      `/admin/users/${victim.id}/role`,
      { role: 'admin' },
      { 'sec-fetch-site': 'same-site' },
    );
    expect(sameSite.statusCode).toBe(403);
    const nullOrigin = await admin.post(
      `/admin/users/${victim.id}/role`,
      { role: 'admin' },
      { origin: 'null' },
    );
    expect(nullOrigin.statusCode).toBe(403);
    expect((await findUserById(ctx.database.db, victim.id))!.role).toBe('learner');

    await admin.get('/admin/users');
    const own = await admin.post(
      `/admin/users/${victim.id}/role`,
      { role: 'trainer' },
      { origin: ctx.config.appOrigin, 'sec-fetch-site': 'same-origin' },
    );
    expect(own.statusCode).toBe(303);
    expect((await findUserById(ctx.database.db, victim.id))!.role).toBe('trainer');
  });

  it('refuses an upload from another origin before reading its body', async () => {
    const admin = await signedInAdmin();
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/admin/scorm',
      headers: {
        cookie: cookieHeader(admin),
        origin: ctx.config.contentOrigin.origin,
        'content-type': 'multipart/form-data; boundary=x',
      },
      payload: '--x--\r\n',
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('shadowing copies of security cookies', () => {
  it('keeps the admin signed in when a package plants a session cookie at a longer path, and clears it', async () => {
    const admin = await signedInAdmin();
    // The planted copy has a longer path, so the browser sends it first.
    const response = await ctx.app.inject({
      url: '/trainer/cohorts',
      headers: {
        cookie: cookieHeader(admin, [['lantern_session', 'planted-by-a-package']]),
        accept: 'text/html',
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('action="/logout"');
    const cleared = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .filter((cookie) => cookie.startsWith('lantern_session=;'));
    expect(cleared.map((cookie) => /Path=([^;]+)/.exec(cookie)?.[1])).toEqual(
      expect.arrayContaining(['/trainer', '/trainer/', '/trainer/cohorts', '/trainer/cohorts/']),
    );
    expect(cleared.some((cookie) => /Path=\/(;|$)/.test(cookie))).toBe(false);
  });

  it('refuses a state change that carries two copies of a security cookie', async () => {
    const admin = await signedInAdmin();
    const victim = await makeUser(ctx);
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/admin/users/${victim.id}/role`,
      headers: {
        cookie: cookieHeader(admin, [['lantern_session', 'planted']]),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
      },
      payload: `role=admin&_csrf=${encodeURIComponent(admin.csrfToken)}`,
    });
    expect(response.statusCode).toBe(403);
    expect((await findUserById(ctx.database.db, victim.id))!.role).toBe('learner');
  });
});

describe('redirects stay on the site', () => {
  for (const next of [
    '/%09/127.0.0.1:3399/phish.html',
    '/%5C127.0.0.1:3399/phish.html',
    '//127.0.0.1:3399/',
    '/%0a/127.0.0.1:3399/',
    'https://127.0.0.1:3399/',
  ]) {
    it(`never follows next=${next} off the site`, async () => {
      const user = await makeUser(ctx);
      const browser = new TestBrowser(ctx.app);
      await browser.get('/login');
      const login = await browser.post('/login', {
        email: user.email,
        password: TEST_PASSWORD,
        next: decodeURIComponent(next),
      });
      expect(login.statusCode).toBe(303);
      expect(new URL(String(login.headers.location), 'http://lantern.test').host).toBe(
        'lantern.test',
      );
      await browser.get('/');
      const signedInGet = await browser.get(`/login?next=${next}`);
      expect(signedInGet.statusCode).toBe(303);
      expect(new URL(String(signedInGet.headers.location), 'http://lantern.test').host).toBe(
        'lantern.test',
      );
      const locale = await browser.post('/locale', {
        locale: 'en',
        next: decodeURIComponent(next),
      });
      expect(locale.statusCode).toBe(303);
      expect(new URL(String(locale.headers.location), 'http://lantern.test').host).toBe(
        'lantern.test',
      );
    });
  }

  it('keeps a same-site next, with its query', async () => {
    const browser = new TestBrowser(ctx.app);
    await browser.get('/login');
    const locale = await browser.post('/locale', {
      locale: 'fr',
      next: '/courses/example-course?tab=1',
    });
    expect(locale.headers.location).toBe('/courses/example-course?tab=1');
  });
});

describe('a session ends at once', () => {
  it('does not honour the old session and snapshot cookies after logout', async () => {
    const user = await makeUser(ctx);
    const browser = new TestBrowser(ctx.app);
    await browser.login(user.email, TEST_PASSWORD);
    await browser.get('/my-learning');
    const stolen = new Map(browser.cookies);
    expect(stolen.has('lantern_seen')).toBe(true);
    expect((await browser.post('/logout')).statusCode).toBe(303);
    const replay = await ctx.app.inject({
      url: '/my-learning',
      headers: { cookie: [...stolen].map(([n, v]) => `${n}=${v}`).join('; '), accept: 'text/html' },
    });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toMatch(/^\/login/);
  });

  it('ends the other devices at once when the password changes', async () => {
    const user = await makeUser(ctx);
    const phone = new TestBrowser(ctx.app);
    await phone.login(user.email, TEST_PASSWORD);
    await phone.get('/my-learning');
    const laptop = new TestBrowser(ctx.app);
    await laptop.login(user.email, TEST_PASSWORD);
    await laptop.get('/account');
    const changed = await laptop.post('/account/password', {
      current: TEST_PASSWORD,
      password: 'a brand new passphrase',
      confirm: 'a brand new passphrase',
    });
    expect(changed.statusCode).toBe(303);
    const phoneAfter = await phone.get('/my-learning');
    expect(phoneAfter.statusCode).toBe(303);
    expect(phoneAfter.headers.location).toMatch(/^\/login/);
  });
});

describe('the one-time password must be replaced first', () => {
  it('refuses every state change, not only pages, until the password is changed', async () => {
    const first = await makeUser(ctx, 'admin');
    await ctx.database.db
      .updateTable('users')
      .set({ must_change_password: true })
      .where('id', '=', first.id)
      .execute();
    const browser = new TestBrowser(ctx.app);
    await browser.login(first.email, TEST_PASSWORD);
    await browser.get('/account');
    const victim = await makeUser(ctx);
    const response = await browser.post(`/admin/users/${victim.id}/role`, { role: 'admin' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account');
    expect((await findUserById(ctx.database.db, victim.id))!.role).toBe('learner');
  });
});

describe('headers', () => {
  it('says "never framed" the same way in both headers', async () => {
    const response = await ctx.app.inject({ url: '/' });
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
