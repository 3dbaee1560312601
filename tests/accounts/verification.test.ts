/**
 * Address verification: registration sends a link (real SMTP); an unconfirmed learner learns
 * normally but the certificate waits, and says so, until the address is confirmed; opening the
 * link only shows a button (mail scanners open links), whose form confirms; the link is single
 * use, for the address it was sent to; "send the link again" is for the signed-in person, a few
 * times an hour.
 */
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/accounts/tokens.js';
import { findUserByEmail } from '../../src/accounts/users.js';
import { makeUser, signIn, TEST_PASSWORD } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { completeExampleCourse } from '../helpers/learning.js';
import { createTestAppWithInbox, type InboxTestContext } from '../helpers/smtp.js';

let ctx: InboxTestContext;
beforeAll(async () => {
  ctx = await createTestAppWithInbox();
});
afterAll(async () => ctx?.close());

const COURSE = '/courses/example-course';

function verifyPath(message: ParsedMail): string {
  const match = /https:\/\/learn\.example\.org(\/email\/verify\/[A-Za-z0-9_-]{43})/.exec(
    message.text ?? '',
  );
  if (!match?.[1]) throw new Error(`no verification link in: ${message.text}`);
  return match[1];
}

async function register(email: string, locale = 'en') {
  const browser = new TestBrowser(ctx.app);
  await browser.get('/register');
  const response = await browser.post('/register', {
    name: 'Nadia Verified',
    email,
    password: TEST_PASSWORD,
    locale,
  });
  expect(response.statusCode).toBe(303);
  return browser;
}

/** Opens the link and presses its button, as the person does. */
async function confirmByLink(browser: TestBrowser, path: string) {
  const page = await browser.get(path);
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain(`<form method="post" action="${path}">`);
  return browser.post(path);
}

const verifiedAt = async (userId: number) =>
  (
    await ctx.database.db
      .selectFrom('users')
      .select('email_verified_at')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
  ).email_verified_at;

const tokenUsedAt = async (userId: number) =>
  (
    await ctx.database.db
      .selectFrom('account_tokens')
      .select('used_at')
      .where('user_id', '=', userId)
      .where('purpose', '=', 'verification')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
  ).used_at;

const certificatesOf = (userId: number) =>
  ctx.database.db
    .selectFrom('certificates')
    .select(['code', 'issued_at'])
    .where('user_id', '=', userId)
    .execute();

describe('a self-registered learner', () => {
  it('learns unconfirmed, is told why the certificate waits, confirms by the link and gets it', async () => {
    const email = 'nueva-aprendiz@example.org';
    const browser = await register(email, 'es');
    const home = await browser.get('/');
    expect(home.body).toContain(
      'Le damos la bienvenida, Nadia Verified. Su cuenta está lista y ya ha iniciado sesión. Hemos enviado un enlace a \u2068nueva-aprendiz@example.org\u2069 para confirmar su dirección.',
    );
    const message = await ctx.inbox.waitFor(email, /Confirme su dirección de correo/);
    const path = verifyPath(message);
    const user = (await findUserByEmail(ctx.database.db, email))!;
    expect(user.email_verified_at).toBeNull();

    // My account says so, with a button to send the link again.
    const account = await browser.get('/account');
    expect(account.body).toContain('Su dirección de correo aún no está confirmada.');
    expect(account.body).toContain('action="/account/verification"');

    // Learning works as for anyone; the certificate waits, and the course page says why.
    await completeExampleCourse(ctx, browser, user.id);
    expect(await certificatesOf(user.id)).toEqual([]);
    const course = await browser.get(COURSE);
    expect(course.body).toContain('¡Enhorabuena! Ha completado este curso.');
    expect(course.body).toContain(
      'Su certificado estará disponible aquí en cuanto se confirme su dirección de correo.',
    );
    expect(course.body).toContain('name="next" value="/courses/example-course"');
    expect(course.body).not.toContain(`href="${COURSE}/certificate"`);
    expect((await browser.get(`${COURSE}/certificate`)).statusCode).toBe(404);

    // Opening the link (a mail scanner does too) only shows a button: nothing changes yet.
    const asked = await browser.get(path);
    expect(asked.statusCode).toBe(200);
    expect(asked.headers['referrer-policy']).toBe('strict-origin');
    expect(asked.headers['cache-control']).toBe('private, no-store');
    expect(asked.body).toContain('Confirme su dirección de correo');
    expect(asked.body).toContain(`<form method="post" action="${path}">`);
    expect(asked.body).toContain('Confirmar mi dirección');
    expect(await ctx.app.inject({ url: path })).toMatchObject({ statusCode: 200 });
    expect(await verifiedAt(user.id)).toBeNull();
    expect(await tokenUsedAt(user.id)).toBeNull();
    expect(await certificatesOf(user.id)).toEqual([]);

    // The button's form, without its CSRF token, is refused and changes nothing.
    expect((await browser.post(path, { _csrf: null })).statusCode).toBe(403);
    expect(await verifiedAt(user.id)).toBeNull();
    expect(await tokenUsedAt(user.id)).toBeNull();

    // The button confirms the address, and the certificate is issued, dated the day of completion.
    const confirmed = await browser.post(path);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.headers['referrer-policy']).toBe('strict-origin');
    expect(confirmed.headers['cache-control']).toBe('private, no-store');
    expect(confirmed.body).toContain(
      'Gracias: \u2068nueva-aprendiz@example.org\u2069 está confirmada.',
    );
    expect(confirmed.body).toContain('El certificado del curso que ha completado está listo.');
    const verified = (await findUserByEmail(ctx.database.db, email))!;
    expect(verified.email_verified_at).not.toBeNull();
    const [certificate] = await certificatesOf(user.id);
    const enrolment = await ctx.database.db
      .selectFrom('enrolments')
      .select('completed_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(certificate?.issued_at).toEqual(enrolment.completed_at);

    const after = await browser.get(COURSE);
    expect(after.body).toContain(`href="${COURSE}/certificate"`);
    expect(after.body).not.toContain('Su certificado estará disponible aquí');
    expect((await browser.get(`${COURSE}/certificate`)).statusCode).toBe(200);
    expect((await browser.get('/account')).body).not.toContain('aún no está confirmada');

    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'email.verified')
      .where('subject_user_id', '=', user.id)
      .execute();
    expect(audit).toEqual([
      { actor_id: user.id, detail: { certificates: 1, subjectUserId: user.id } },
    ]);

    // Used once: elsewhere it no longer works; here it says the address is confirmed.
    const elsewhere = new TestBrowser(ctx.app);
    const replay = await elsewhere.get(path);
    expect(replay.statusCode).toBe(410);
    expect(replay.body).toContain('This link no longer works');
    expect(replay.body).toContain('href="/login?next=%2Faccount"');
    expect(replay.body).not.toContain(`action="${path}"`);
    expect((await elsewhere.post(path)).statusCode).toBe(410);
    const again = await browser.get(path);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Su dirección de correo está confirmada.');
    expect((await browser.post(path)).body).toContain('Su dirección de correo está confirmada.');
  });

  it('confirmed, completes a course and has the certificate at once', async () => {
    const { user, browser } = await signIn(ctx, 'learner', { verified: true });
    await completeExampleCourse(ctx, browser, user.id);
    expect(await certificatesOf(user.id)).toHaveLength(1);
  });
});

describe('the verification link', () => {
  it('is refused when unknown, expired, of another purpose, for an address no longer theirs, or of a deactivated account', async () => {
    const user = await makeUser(ctx);
    // On the link's page and by its form alike.
    const refused = async (token: string, browser = new TestBrowser(ctx.app)) => {
      const page = await browser.get(`/email/verify/${token}`);
      expect(page.statusCode, token).toBe(410);
      expect(page.body).toContain('This link no longer works');
      const post = await browser.post(`/email/verify/${token}`);
      expect(post.statusCode, token).toBe(410);
      expect(post.body).toContain('This link no longer works');
      return page;
    };
    await refused('nonsense');
    await refused('B'.repeat(43));

    const expired = await issueToken(ctx.database.db, user.id, 'verification', {
      email: user.email,
    });
    await ctx.database.db
      .updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    await refused(expired);

    const reset = await issueToken(ctx.database.db, user.id, 'reset', { email: user.email });
    await refused(reset);

    // Sent to the address the person had before: it confirms nothing about the new one.
    const old = await issueToken(ctx.database.db, user.id, 'verification', { email: user.email });
    await ctx.database.db
      .updateTable('users')
      .set({ email: `changed-${user.email}` })
      .where('id', '=', user.id)
      .execute();
    await refused(old);

    const other = await makeUser(ctx);
    const token = await issueToken(ctx.database.db, other.id, 'verification', {
      email: other.email,
    });
    await ctx.database.db
      .updateTable('users')
      .set({ deactivated_at: new Date() })
      .where('id', '=', other.id)
      .execute();
    await refused(token);
    for (const id of [user.id, other.id]) expect(await verifiedAt(id)).toBeNull();

    // Signed in and still unconfirmed: the page offers a new link.
    const { browser } = await signIn(ctx);
    const page = await refused('C'.repeat(43), browser);
    expect(page.body).toContain('action="/account/verification"');
  });

  it('confirms the address of the person it was sent to, whoever is signed in', async () => {
    const owner = await makeUser(ctx);
    const token = await issueToken(ctx.database.db, owner.id, 'verification', {
      email: owner.email,
    });
    const { user: someoneElse, browser } = await signIn(ctx);
    expect((await confirmByLink(browser, `/email/verify/${token}`)).statusCode).toBe(200);
    const rows = await ctx.database.db
      .selectFrom('users')
      .select(['id', 'email_verified_at'])
      .where('id', 'in', [owner.id, someoneElse.id])
      .execute();
    expect(rows.find((row) => row.id === owner.id)?.email_verified_at).not.toBeNull();
    expect(rows.find((row) => row.id === someoneElse.id)?.email_verified_at).toBeNull();
  });
});

describe('sending the link again', () => {
  it('is refused to anonymous visitors and without the CSRF token', async () => {
    const anonymous = new TestBrowser(ctx.app);
    await anonymous.get('/login');
    expect((await anonymous.post('/account/verification')).statusCode).toBe(403);
    const { browser } = await signIn(ctx);
    expect((await browser.post('/account/verification', { _csrf: null })).statusCode).toBe(403);
  });

  it('sends a new link (the old one stops working), at most three an hour, back to where the person was', async () => {
    const email = 'again-and-again@example.org';
    const browser = await register(email);
    const first = verifyPath(await ctx.inbox.waitFor(email, /Confirm your email address/));
    await browser.get(COURSE);
    const resent = await browser.post('/account/verification', { next: COURSE });
    expect(resent.statusCode).toBe(303);
    expect(resent.headers.location).toBe(COURSE);
    expect((await browser.get(COURSE)).body).toContain(
      'A new link is on its way to \u2068again-and-again@example.org\u2069.',
    );
    await ctx.app.mail.deliverDue();
    const messages = () =>
      ctx.inbox.messages.filter((m) => JSON.stringify(m.to).includes(email)).map(verifyPath);
    expect(messages()).toHaveLength(2);
    expect(messages()[1]).not.toBe(first);
    expect((await ctx.app.inject({ url: first })).statusCode).toBe(410);

    // Elsewhere than this site: back to the account page.
    await browser.get('/account');
    const away = await browser.post('/account/verification', { next: 'https://evil.example/' });
    expect(away.headers.location).toBe('/account');
    await browser.get('/account');
    await browser.post('/account/verification');
    await browser.get('/account');
    await browser.post('/account/verification');
    const account = await browser.get('/account');
    expect(account.body).toContain('Several links were already sent in the last hour.');
    await ctx.app.mail.deliverDue();
    const user = (await findUserByEmail(ctx.database.db, email))!;
    const queued = await ctx.database.db
      .selectFrom('outbox')
      .select('kind')
      .where('user_id', '=', user.id)
      .execute();
    // The registration's link and three more.
    expect(queued).toHaveLength(4);

    // The latest link works.
    const latest = messages().at(-1)!;
    expect((await confirmByLink(browser, latest)).statusCode).toBe(200);
    await browser.get('/account');
    const done = await browser.post('/account/verification');
    expect(done.statusCode).toBe(303);
    expect((await browser.get('/account')).body).toContain('Your email address is confirmed.');
  });
});
