/**
 * "Forgot your password?": the same answer whether or not the address has an account, a link by
 * real email (SMTP), a single-use page that sets the new password, ends every other session and
 * signs the person in; refused links get a clear page.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../src/accounts/users.js';
import { issueToken } from '../../src/accounts/tokens.js';
import { createTestApp, makeUser, TEST_PASSWORD } from '../helpers/app.js';
import { comparable, TestBrowser } from '../helpers/client.js';
import { createTestAppWithInbox, TEST_MAIL, type InboxTestContext } from '../helpers/smtp.js';

const NEW_PASSWORD = 'a brand new passphrase';

let ctx: InboxTestContext;
beforeAll(async () => {
  ctx = await createTestAppWithInbox();
});
afterAll(async () => ctx?.close());

/** The path of the reset link in a message, as a person would click it. */
function resetPath(message: ParsedMail): string {
  const match = /https:\/\/learn\.example\.org(\/password\/reset\/[A-Za-z0-9_-]{43})/.exec(
    message.text ?? '',
  );
  if (!match?.[1]) throw new Error(`no reset link in: ${message.text}`);
  return match[1];
}

let clients = 0;
/**
 * Asks for a link as a new visitor from an address of its own, so that even the rate limit's
 * headers (which count a client's requests) can be compared between answers.
 */
async function askForLink(email: string): Promise<LightMyRequestResponse> {
  clients += 1;
  const remoteAddress = `10.0.${Math.floor(clients / 250)}.${(clients % 250) + 1}`;
  const form = await ctx.app.inject({ url: '/password/forgot', remoteAddress });
  const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  return ctx.app.inject({
    method: 'POST',
    url: '/password/forgot',
    remoteAddress,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: new URLSearchParams({ _csrf: token, email }).toString(),
  });
}

async function linkFor(email: string): Promise<string> {
  const before = ctx.inbox.messages.length;
  expect((await askForLink(email)).statusCode).toBe(200);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const message = ctx.inbox.messages
      .slice(before)
      .find((m) => m.to && JSON.stringify(m.to).includes(email));
    if (message) return resetPath(message);
    if (Date.now() > deadline) throw new Error(`no reset email to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const outboxTo = (email: string) =>
  ctx.database.db.selectFrom('outbox').select(['kind']).where('to_address', '=', email).execute();

describe('asking for a reset link', () => {
  it('is offered on the login page', async () => {
    const login = await ctx.app.inject({ url: '/login' });
    expect(login.body).toContain('<a href="/password/forgot">Forgot your password?</a>');
    const form = await ctx.app.inject({ url: '/password/forgot' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('action="/password/forgot"');
  });

  it('answers exactly the same for an address with an account, without one, and for a deactivated or erased account', async () => {
    // Addresses of the same length, so even the Content-Length can be compared.
    const known = await makeUser(ctx, 'learner', { email: 'known-one@example.org' });
    const deactivated = await makeUser(ctx, 'learner', { email: 'deactiv-1@example.org' });
    await ctx.database.db
      .updateTable('users')
      .set({ deactivated_at: new Date() })
      .where('id', '=', deactivated.id)
      .execute();
    const erased = await makeUser(ctx, 'learner', { email: 'erasedone@example.org' });
    await ctx.database.db
      .updateTable('users')
      .set({ erased_at: new Date() })
      .where('id', '=', erased.id)
      .execute();
    const answers = [];
    for (const email of [known.email, 'nobody-01@example.org', deactivated.email, erased.email]) {
      const response = await askForLink(email);
      answers.push(comparable(response, email));
    }
    expect(answers[0]!.status).toBe(200);
    expect(answers[0]!.body).toContain(
      'If an account exists for \u2068EMAIL\u2069, we have sent a link to that address.',
    );
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);

    // Only the real, active account is sent a link.
    const message = await ctx.inbox.waitFor(known.email, /Choose a new Lantern password/);
    expect(resetPath(message)).toMatch(/^\/password\/reset\//);
    expect(await outboxTo(known.email)).toEqual([{ kind: 'reset' }]);
    expect(await outboxTo('nobody-01@example.org')).toEqual([]);
    expect(await outboxTo(deactivated.email)).toEqual([]);
    expect(await outboxTo(erased.email)).toEqual([]);
  });

  it('keeps what was typed, with a clear message, when it is not an email address', async () => {
    const browser = new TestBrowser(ctx.app);
    await browser.get('/password/forgot');
    const response = await browser.post('/password/forgot', { email: 'not an address' });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('value="not an address"');
    expect(response.body).toContain('Please enter an email address like name@example.org.');
    const huge = await browser.post('/password/forgot', { email: `${'a'.repeat(600)}@x.org` });
    expect(huge.statusCode).toBe(422);
    expect(huge.body).toContain('class="error"');
  });

  it('refuses a request without the CSRF token', async () => {
    const browser = new TestBrowser(ctx.app);
    await browser.get('/password/forgot');
    const response = await browser.post('/password/forgot', {
      email: 'someone@example.org',
      _csrf: null,
    });
    expect(response.statusCode).toBe(403);
  });

  it('sends at most three links an hour to one address, saying so the same way for an unknown one', async () => {
    const user = await makeUser(ctx, 'learner', { email: 'limited-1@example.org' });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await askForLink(user.email)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const unknown = [];
    for (let i = 0; i < 4; i += 1)
      unknown.push(comparable(await askForLink('limited-2@example.org'), 'limited-2@example.org'));
    const last = await askForLink(user.email);
    expect(comparable(last, user.email)).toEqual(unknown[3]);
    expect(last.body).toContain('Several links were already sent to this address in the last hour');
    expect(last.body).toContain('value="limited-1@example.org"');
    // Each link replaces the one before: only the latest works. The links are issued after the
    // answers, off the requests: wait until the three are there.
    const tokens = () =>
      ctx.database.db
        .selectFrom('account_tokens')
        .select(['used_at'])
        .where('user_id', '=', user.id)
        .where('purpose', '=', 'reset')
        .execute();
    await expect.poll(async () => (await tokens()).length, { timeout: 10_000 }).toBe(3);
    expect((await tokens()).filter((token) => token.used_at === null)).toHaveLength(1);
  });
});

describe('the reset page', () => {
  it('sets the new password, ends every other session, voids the link and signs the person in', async () => {
    const user = await makeUser(ctx, 'learner', { locale: 'fr' });
    const elsewhere = new TestBrowser(ctx.app);
    await elsewhere.login(user.email, TEST_PASSWORD);
    expect((await elsewhere.get('/my-learning')).statusCode).toBe(200);
    // Five wrong passwords paused the account: the reset lifts the pause.
    for (let i = 0; i < 5; i += 1) {
      const wrong = new TestBrowser(ctx.app);
      await wrong.get('/login');
      await wrong.post('/login', { email: user.email, password: 'not the password' });
    }
    expect((await findUserByEmail(ctx.database.db, user.email))?.login_paused_until).not.toBeNull();

    const path = await linkFor(user.email);
    const message = ctx.inbox.messages.find((m) => m.text?.includes(path));
    expect(message?.subject).toBe('Choisissez un nouveau mot de passe Lantern');

    // Opened on the person's French phone.
    const browser = new TestBrowser(ctx.app, { 'accept-language': 'fr' });
    const form = await browser.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.headers['referrer-policy']).toBe('strict-origin');
    expect(form.body).toContain('Choisir un nouveau mot de passe');
    expect(form.body).toContain(user.email);

    // The usual rules, with a clear message.
    const short = await browser.post(path, { password: 'short', confirm: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('10');
    const mismatch = await browser.post(path, {
      password: NEW_PASSWORD,
      confirm: 'other words here',
    });
    expect(mismatch.statusCode).toBe(422);

    const done = await browser.post(path, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/');
    const home = await browser.get('/');
    expect(home.body).toContain(
      'Votre nouveau mot de passe est enregistré et vous êtes connecté·e.',
    );
    expect((await browser.get('/my-learning')).statusCode).toBe(200);

    // The other device is signed out at once.
    const stale = await elsewhere.get('/my-learning');
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toMatch(/^\/login/);

    // The link works once.
    const again = await new TestBrowser(ctx.app, { 'accept-language': 'fr' }).get(path);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Ce lien ne fonctionne plus');
    const replay = new TestBrowser(ctx.app);
    await replay.get('/password/forgot');
    expect(
      (
        await replay.post(path, {
          password: 'yet another passphrase',
          confirm: 'yet another passphrase',
        })
      ).statusCode,
    ).toBe(410);

    // The new password works, the old one does not; the pause is gone.
    const fresh = new TestBrowser(ctx.app);
    await fresh.login(user.email, NEW_PASSWORD);
    const old = new TestBrowser(ctx.app);
    await old.get('/login');
    expect(
      (await old.post('/login', { email: user.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(401);
    const row = await findUserByEmail(ctx.database.db, user.email);
    expect(row?.login_paused_until).toBeNull();

    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'subject_user_id'])
      .where('action', '=', 'password.reset')
      .execute();
    expect(audit).toContainEqual({ actor_id: user.id, subject_user_id: user.id });
  });

  it('signs out the other account a shared browser was signed in with', async () => {
    const owner = await makeUser(ctx);
    const other = await makeUser(ctx);
    const path = await linkFor(owner.email);
    const shared = new TestBrowser(ctx.app);
    await shared.login(other.email, TEST_PASSWORD);
    const oldSession = shared.cookies.get('lantern_session');
    await shared.get(path);
    expect(
      (await shared.post(path, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).statusCode,
    ).toBe(303);
    const account = await shared.get('/account');
    expect(account.body).toContain(owner.email);
    expect(account.body).not.toContain(other.email);
    const reused = new TestBrowser(ctx.app);
    reused.cookies.set('lantern_session', oldSession!);
    expect((await reused.get('/my-learning')).statusCode).toBe(303);
  });

  it('refuses an unknown, expired, replaced or wrong-purpose link with a clear page', async () => {
    const user = await makeUser(ctx);
    const refused = async (path: string) => {
      const browser = new TestBrowser(ctx.app);
      const page = await browser.get(path);
      expect(page.statusCode, path).toBe(410);
      expect(page.body).toContain('This link no longer works');
      expect(page.body).toContain('href="/password/forgot"');
      const post = await browser.post(path, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
      expect(post.statusCode, path).toBe(410);
    };
    await refused('/password/reset/nonsense');
    await refused(`/password/reset/${'A'.repeat(43)}`);
    await refused(`/password/reset/${'x'.repeat(150)}`);

    const expired = await issueToken(ctx.database.db, user.id, 'reset', { email: user.email });
    await ctx.database.db
      .updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    await refused(`/password/reset/${expired}`);

    const first = await issueToken(ctx.database.db, user.id, 'reset', { email: user.email });
    const second = await issueToken(ctx.database.db, user.id, 'reset', { email: user.email });
    await refused(`/password/reset/${first}`);
    expect((await ctx.app.inject({ url: `/password/reset/${second}` })).statusCode).toBe(200);

    // A link for another purpose (address confirmation) is not a reset link.
    const verification = await issueToken(ctx.database.db, user.id, 'verification', {
      email: user.email,
    });
    await refused(`/password/reset/${verification}`);
    // Nothing changed: the password still works.
    await new TestBrowser(ctx.app).login(user.email, TEST_PASSWORD);
  });

  it('is void once the password changes on the account page, and for a deactivated account', async () => {
    const user = await makeUser(ctx);
    const path = await linkFor(user.email);
    const browser = new TestBrowser(ctx.app);
    await browser.login(user.email, TEST_PASSWORD);
    await browser.get('/account');
    const changed = await browser.post('/account/password', {
      current: TEST_PASSWORD,
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(303);
    expect((await ctx.app.inject({ url: path })).statusCode).toBe(410);

    const later = await makeUser(ctx);
    const token = await issueToken(ctx.database.db, later.id, 'reset', { email: later.email });
    await ctx.database.db
      .updateTable('users')
      .set({ deactivated_at: new Date() })
      .where('id', '=', later.id)
      .execute();
    expect((await ctx.app.inject({ url: `/password/reset/${token}` })).statusCode).toBe(410);
  });

  it('confirms an address not confirmed yet, with the certificates that waited: the link reached it', async () => {
    const user = await makeUser(ctx);
    await ctx.database.db
      .updateTable('users')
      .set({ email_verified_at: null })
      .where('id', '=', user.id)
      .execute();
    // A course completed meanwhile, whose certificate waits for the address.
    const course = await ctx.database.db
      .selectFrom('courses')
      .select('id')
      .where('slug', '=', 'example-course')
      .executeTakeFirstOrThrow();
    const completedAt = new Date(Date.now() - 86_400_000);
    await ctx.database.db
      .insertInto('enrolments')
      .values({
        user_id: user.id,
        course_id: course.id,
        status: 'completed',
        completed_at: completedAt,
      })
      .execute();
    const path = await linkFor(user.email);
    const browser = new TestBrowser(ctx.app);
    await browser.get(path);
    await browser.post(path, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect((await findUserByEmail(ctx.database.db, user.email))?.email_verified_at).not.toBeNull();
    const certificates = await ctx.database.db
      .selectFrom('certificates')
      .select('issued_at')
      .where('user_id', '=', user.id)
      .execute();
    expect(certificates).toEqual([{ issued_at: completedAt }]);
  });
});

describe('the limit per client address', () => {
  it('answers 429 past REGISTER_RATE_LIMIT requests a minute from one address', async () => {
    const limited = await createTestApp({
      mail: { smtpUrl: ctx.inbox.url, ...TEST_MAIL },
      rateLimits: { ...ctx.config.rateLimits, register: 2 },
    });
    try {
      const browser = new TestBrowser(limited.app);
      await browser.get('/password/forgot');
      const statuses = [];
      for (let i = 0; i < 3; i += 1)
        statuses.push(
          (await browser.post('/password/forgot', { email: `ip${i}@example.org` })).statusCode,
        );
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
