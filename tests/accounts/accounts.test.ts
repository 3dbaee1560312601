import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  testConfig,
  makeUser,
  TEST_PASSWORD,
  type TestContext,
} from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { findUserByEmail } from '../../src/accounts/users.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

describe('registration', () => {
  it('creates a learner with an argon2id hash, signs them in and takes them to the catalogue', async () => {
    const browser = new TestBrowser(ctx.app);
    await browser.get('/register');
    const response = await browser.post('/register', {
      name: 'Amina Yusuf',
      email: 'Amina@Example.org ',
      password: 'a long enough passphrase',
      locale: 'fr',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
    const user = await findUserByEmail(ctx.database.db, 'amina@example.org');
    expect(user).toMatchObject({ name: 'Amina Yusuf', role: 'learner', locale: 'fr' });
    expect(user!.password_hash).toMatch(/^\$argon2id\$/);
    // Signed in: the catalogue greets them in their language, and their account is theirs.
    const home = await browser.get('/');
    expect(home.body).toContain('lang="fr"');
    expect(home.body).toContain(
      'Bienvenue, Amina Yusuf. Votre compte est prêt et vous êtes connecté·e.',
    );
    const account = await browser.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('amina@example.org');
  });

  it('returns to the course the person came from, through a safe next only', async () => {
    const course = await ctx.app.inject({ url: '/courses/example-course' });
    expect(course.body).toContain('href="/register?next=%2Fcourses%2Fexample-course"');
    const register = async (next: string) => {
      const browser = new TestBrowser(ctx.app);
      const form = await browser.get(`/register?next=${encodeURIComponent(next)}`);
      const response = await browser.post('/register', {
        name: 'Going Somewhere',
        email: `next-${Math.random().toString(36).slice(2)}@example.org`,
        password: 'a long enough passphrase',
        locale: 'en',
        next,
      });
      return { form: form.body, location: response.headers.location, browser };
    };
    const fromCourse = await register('/courses/example-course');
    expect(fromCourse.form).toContain('name="next" value="/courses/example-course"');
    expect(fromCourse.form).toContain('href="/login?next=%2Fcourses%2Fexample-course"');
    expect(fromCourse.location).toBe('/courses/example-course');
    // On the course page, signed in: the enrol button, no more "log in to enrol".
    const page = await fromCourse.browser.get('/courses/example-course');
    expect(page.body).toContain('action="/courses/example-course/enrol"');
    expect(page.body).toContain('Welcome, Going Somewhere.');
    for (const elsewhere of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/\t/evil.example',
    ])
      expect((await register(elsewhere)).location).toBe('/');
  });

  it('sends a signed-in person on instead of showing the form again', async () => {
    const user = await makeUser(ctx);
    const browser = new TestBrowser(ctx.app);
    await browser.login(user.email, TEST_PASSWORD);
    const again = await browser.get('/register?next=%2Fmy-learning');
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/my-learning');
  });

  it('shows the form again with what was typed and a message beside each wrong field', async () => {
    const browser = new TestBrowser(ctx.app);
    await browser.get('/register');
    const response = await browser.post('/register', {
      name: '',
      email: 'not-an-email',
      password: 'short',
      locale: 'en',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('value="not-an-email"');
    expect(response.body).toContain('id="field-name-error"');
    expect(response.body).toContain('Please enter an email address like name@example.org.');
    expect(response.body).toContain('Please use at least 10 characters.');
    expect(response.body).not.toContain('value="short"');
    expect(response.body).toMatch(/id="field-email"[^>]*aria-invalid="true"/);
  });

  it('refuses an overlong name, in the language of the form', async () => {
    const browser = new TestBrowser(ctx.app, { 'accept-language': 'es-MX,es;q=0.9' });
    await browser.get('/register');
    const response = await browser.post('/register', {
      name: 'x'.repeat(121),
      email: 'long@example.org',
      password: 'a long enough passphrase',
      locale: 'es',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('lang="es"');
    expect(response.body).toContain('x'.repeat(121));
    expect(await findUserByEmail(ctx.database.db, 'long@example.org')).toBeUndefined();
  });

  it('refuses a name with a control character, saying so and keeping what was typed', async () => {
    const browser = new TestBrowser(ctx.app);
    await browser.get('/register');
    const response = await browser.post('/register', {
      name: 'Tab\tName',
      email: 'control@example.org',
      password: 'a long enough passphrase',
      locale: 'en',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain(
      'Please remove the invisible characters (such as a line break or a tab) from the name.',
    );
    expect(response.body).toContain('value="Tab\tName"');
    expect(await findUserByEmail(ctx.database.db, 'control@example.org')).toBeUndefined();
  });

  it('signs nobody in on a taken email, keeps that account intact and says to log in', async () => {
    const existing = await makeUser(ctx);
    const browser = new TestBrowser(ctx.app);
    await browser.get('/register?next=%2Fcourses%2Fexample-course');
    const taken = await browser.post('/register', {
      name: 'Someone Else',
      email: existing.email,
      password: 'another long passphrase',
      locale: 'en',
      next: '/courses/example-course',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain(
      'This email address already has an account. Log in with it, or use another address.',
    );
    expect(taken.body).toMatch(/id="field-email"[^>]*aria-invalid="true"/);
    expect(taken.body).toContain('href="/login?next=%2Fcourses%2Fexample-course"');
    expect(browser.cookies.has('lantern_session')).toBe(false);
    expect((await browser.get('/account')).statusCode).toBe(303);
    const after = await findUserByEmail(ctx.database.db, existing.email);
    expect(after!.name).toBe(existing.name);
    expect(after!.password_hash).toBe(existing.password_hash);
  });

  it('never signs anyone in from the registration form of a taken email, even with its password', async () => {
    const existing = await makeUser(ctx, 'learner', { name: 'Forgetful Owner' });
    const browser = new TestBrowser(ctx.app);
    await browser.get('/register');
    const again = await browser.post('/register', {
      name: 'Another Name',
      email: existing.email,
      password: TEST_PASSWORD,
      locale: 'fr',
      next: '/my-learning',
    });
    expect(again.statusCode).toBe(409);
    expect(browser.cookies.has('lantern_session')).toBe(false);
    const after = await findUserByEmail(ctx.database.db, existing.email);
    expect(after).toMatchObject({ name: 'Forgetful Owner', locale: 'en' });
  });
});

describe('login and logout', () => {
  it('logs in, shows the person, and logs out so the session no longer works', async () => {
    const user = await makeUser(ctx, 'learner', { name: 'Jean Dupont' });
    const browser = new TestBrowser(ctx.app);
    await browser.login(user.email, TEST_PASSWORD);
    const account = await browser.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Jean Dupont');
    const sessionCookie = browser.cookies.get('lantern_session')!;

    const logout = await browser.post('/logout');
    expect(logout.statusCode).toBe(303);
    const home = await browser.get('/');
    expect(home.body).toContain('You are logged out');
    // The old cookie, replayed, is worthless.
    const replay = await ctx.app.inject({
      url: '/account',
      headers: { cookie: `lantern_session=${sessionCookie}` },
    });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toBe('/login?next=%2Faccount');
  });

  it('gives one message for a wrong password and for an unknown email', async () => {
    const user = await makeUser(ctx);
    const browser = new TestBrowser(ctx.app);
    await browser.get('/login');
    const wrongPassword = await browser.post('/login', {
      email: user.email,
      password: 'wrong password here',
    });
    const unknownEmail = await browser.post('/login', {
      email: 'nobody@example.org',
      password: 'wrong password here',
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    const message = 'That email and password do not match an account.';
    expect(wrongPassword.body).toContain(message);
    expect(unknownEmail.body).toContain(message);
    expect(unknownEmail.body).toContain('value="nobody@example.org"');
  });

  it('returns to the page that asked for a login, but never to another site', async () => {
    const user = await makeUser(ctx);
    const browser = new TestBrowser(ctx.app);
    await browser.get('/login?next=/account');
    const back = await browser.post('/login', {
      email: user.email,
      password: TEST_PASSWORD,
      next: '/account',
    });
    expect(back.headers.location).toBe('/account');
    const other = new TestBrowser(ctx.app);
    await other.get('/login');
    const away = await other.post('/login', {
      email: user.email,
      password: TEST_PASSWORD,
      next: '//evil.example/',
    });
    expect(away.headers.location).toBe('/');
  });

  it('shares sessions through the database: a second app process accepts the cookie', async () => {
    const user = await makeUser(ctx);
    const browser = new TestBrowser(ctx.app);
    await browser.login(user.email, TEST_PASSWORD);
    const { buildApp } = await import('../../src/app.js');
    const second = await buildApp({
      config: ctx.config,
      database: ctx.database,
      closeDatabase: false,
    });
    try {
      const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await second.inject({ url: '/account', headers: { cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(user.email);
    } finally {
      await second.close();
    }
  });

  it('rate-limits login attempts from one address', async () => {
    const limited = await createTestApp({
      rateLimits: { ...testConfig().rateLimits, login: 3, register: 3 },
    });
    try {
      const browser = new TestBrowser(limited.app);
      await browser.get('/login');
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1)
        statuses.push(
          (await browser.post('/login', { email: 'x@example.org', password: 'nope nope nope' }))
            .statusCode,
        );
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const page = await browser.post('/login', {
        email: 'x@example.org',
        password: 'nope nope nope',
      });
      expect(page.body).toContain('Too many attempts');
    } finally {
      await limited.close();
    }
  });
});

describe('changing a password', () => {
  it('checks the current password, keeps this device signed in and signs out the others', async () => {
    const user = await makeUser(ctx);
    const phone = new TestBrowser(ctx.app);
    const laptop = new TestBrowser(ctx.app);
    await phone.login(user.email, TEST_PASSWORD);
    await laptop.login(user.email, TEST_PASSWORD);

    await phone.get('/account');
    const wrong = await phone.post('/account/password', {
      current: 'not my password',
      password: 'a brand new passphrase',
      confirm: 'a brand new passphrase',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('The current password is not right.');

    const mismatch = await phone.post('/account/password', {
      current: TEST_PASSWORD,
      password: 'a brand new passphrase',
      confirm: 'something else entirely',
    });
    expect(mismatch.body).toContain('The two passwords are not the same.');

    const changed = await phone.post('/account/password', {
      current: TEST_PASSWORD,
      password: 'a brand new passphrase',
      confirm: 'a brand new passphrase',
    });
    expect(changed.statusCode).toBe(303);
    expect((await phone.get('/account')).statusCode).toBe(200);
    expect((await laptop.get('/account')).statusCode).toBe(303);

    const again = new TestBrowser(ctx.app);
    await again.login(user.email, 'a brand new passphrase');
  });
});

describe('the first admin', () => {
  it('is created once on an empty database and must replace the one-time password', async () => {
    const fresh = await createTestApp();
    try {
      const { ensureFirstAdmin } = await import('../../src/accounts/bootstrap.js');
      const first = await ensureFirstAdmin(fresh.database.db);
      expect(first?.password.length).toBeGreaterThanOrEqual(16);
      expect(await ensureFirstAdmin(fresh.database.db)).toBeUndefined();

      const browser = new TestBrowser(fresh.app);
      await browser.login(first!.email, first!.password);
      const anywhere = await browser.get('/admin/users');
      expect(anywhere.statusCode).toBe(303);
      expect(anywhere.headers.location).toBe('/account');
      await browser.get('/account');
      await browser.post('/account/password', {
        current: first!.password,
        password: 'the admin own passphrase',
        confirm: 'the admin own passphrase',
      });
      expect((await browser.get('/admin/users')).statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});
