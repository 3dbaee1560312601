/**
 * Admins manage people: add a person (invited by email, through a real SMTP server), the person
 * sets their password from the link, invitations sent again, reset links, deactivation that ends
 * sessions at once, reactivation, the list's statuses, and who may do any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCohort } from '../../src/cohorts/queries.js';
import {
  changeRole,
  deactivateUser,
  findUserByEmail,
  findUserById,
} from '../../src/accounts/users.js';
import { findToken } from '../../src/accounts/tokens.js';
import { courseIdOf, createTestApp, makeUser, signIn, TEST_PASSWORD } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { createTestAppWithInbox, type InboxTestContext } from '../helpers/smtp.js';

let ctx: InboxTestContext;
let admin: TestBrowser;
let adminId: number;
let cohortId: number;

/** The link in the last message to `to` whose subject matches. */
async function linkIn(to: string, subject: RegExp): Promise<string> {
  await ctx.app.mail.deliverDue();
  const mail = await ctx.inbox.waitFor(to, subject);
  const link = /https:\/\/learn\.example\.org\/[^\s]+/.exec(mail.text ?? '')?.[0];
  if (!link) throw new Error(`no link in the message to ${to}`);
  return link;
}
const pathOf = (link: string) => new URL(link).pathname;
/** Every message to `to` with this subject, newest last. */
const messagesTo = (to: string, subject: RegExp) =>
  ctx.inbox.messages.filter(
    (mail) =>
      JSON.stringify(mail.to).toLowerCase().includes(to.toLowerCase()) &&
      subject.test(mail.subject ?? ''),
  );

async function addPerson(fields: Record<string, string>) {
  await admin.get('/admin/users/new');
  return admin.post('/admin/users/new', {
    name: '',
    email: '',
    role: 'learner',
    locale: 'en',
    cohort: '',
    ...fields,
  });
}

beforeAll(async () => {
  ctx = await createTestAppWithInbox();
  const signedIn = await signIn(ctx, 'admin', { name: 'Ada Admin' });
  adminId = signedIn.user.id;
  admin = signedIn.browser;
  cohortId = await createCohort(ctx.database.db, {
    name: 'Field team',
    ownerId: adminId,
    courseIds: [await courseIdOf(ctx)],
    startsOn: null,
    dueOn: null,
  });
});
afterAll(async () => ctx?.close());

describe('adding a person', () => {
  it('creates an account without a password, in a cohort, and emails a link to set one', async () => {
    const form = await admin.get('/admin/users/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Field team');
    const response = await addPerson({
      name: 'Amina Diallo',
      email: 'Amina.Diallo@Example.org',
      role: 'trainer',
      locale: 'fr',
      cohort: String(cohortId),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/users?q=amina.diallo%40example.org');
    const user = (await findUserByEmail(ctx.database.db, 'amina.diallo@example.org'))!;
    expect(user).toMatchObject({ name: 'Amina Diallo', role: 'trainer', locale: 'fr' });
    expect(user.invited_at).not.toBeNull();
    expect(user.email_verified_at).toBeNull();
    const member = await ctx.database.db
      .selectFrom('cohort_members')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(member).toHaveLength(1);

    // The invitation, in her language, with a link to set her password.
    const link = await linkIn('amina.diallo@example.org', /compte Lantern est prêt/);
    expect(pathOf(link)).toMatch(/^\/invitation\/[A-Za-z0-9_-]{43}$/);

    // The list says she is invited and offers to send the invitation again.
    const list = await admin.get(String(response.headers.location));
    expect(list.body).toContain(
      'was added. An invitation to set a password was sent to amina.diallo@example.org.',
    );
    const row = /<tr id="user-\d+">[\s\S]*?<\/tr>/.exec(list.body)![0];
    expect(row).toContain('Invited');
    expect(row).toContain('has not set a password yet');
    expect(row).toContain('Send the invitation again');
    expect(row).not.toContain('Send a password reset link');

    // Nobody can log in with any password yet.
    const stranger = new TestBrowser(ctx.app);
    await stranger.get('/login');
    const attempt = await stranger.post('/login', {
      email: 'amina.diallo@example.org',
      password: TEST_PASSWORD,
    });
    expect(attempt.statusCode).not.toBe(303);
  });

  it('keeps what was typed and names each problem', async () => {
    const response = await addPerson({
      name: 'Bad\u0007Bell',
      email: 'not-an-address',
      role: 'superuser',
      locale: 'xx',
      cohort: '999999',
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('value="Bad\u0007Bell"');
    expect(response.body).toContain('value="not-an-address"');
    expect(response.body).toContain('Please remove the invisible characters');
    expect(response.body).toContain('Please enter an email address like name@example.org.');
    expect(response.body).toContain('Please choose one of the listed roles.');
    expect(response.body).toContain('Please choose one of the listed languages.');
    expect(response.body).toContain('Please choose one of the listed cohorts, or none.');

    const empty = await addPerson({ name: '', email: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Please fill in this field.');
  });

  it('refuses an address that already has an account, keeping the form', async () => {
    const existing = await makeUser(ctx, 'learner', { name: 'Omar Existing' });
    const response = await addPerson({ name: 'Someone Else', email: existing.email.toUpperCase() });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('This address already has an account (Omar Existing)');
    expect(response.body).toContain('value="Someone Else"');
    expect((await findUserById(ctx.database.db, existing.id))!.name).toBe('Omar Existing');
  });
});

describe('the invitation link', () => {
  it('lets the person set a password once, confirms their address and signs them in', async () => {
    await addPerson({ name: 'Jorge Ramos', email: 'jorge@example.org', locale: 'es' });
    const path = pathOf(await linkIn('jorge@example.org', /Lantern/));
    const jorge = new TestBrowser(ctx.app);
    const page = await jorge.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Jorge Ramos');

    const mismatch = await jorge.post(path, { password: 'a long passphrase 1', confirm: 'other' });
    expect(mismatch.statusCode).toBe(422);
    const short = await jorge.post(path, { password: 'short', confirm: 'short' });
    expect(short.statusCode).toBe(422);

    const done = await jorge.post(path, {
      password: 'a long passphrase 1',
      confirm: 'a long passphrase 1',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/');
    const home = await jorge.get('/account');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('jorge@example.org');

    const user = (await findUserByEmail(ctx.database.db, 'jorge@example.org'))!;
    expect(user.invited_at).toBeNull();
    expect(user.email_verified_at).not.toBeNull();

    // Used once: the link says so, and sets nothing again.
    const again = await new TestBrowser(ctx.app).get(path);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This link no longer works');

    // The password works for logging in; the list no longer says invited.
    await new TestBrowser(ctx.app).login('jorge@example.org', 'a long passphrase 1');
    const list = await admin.get('/admin/users?q=jorge%40example.org');
    expect(list.body).not.toContain('has not set a password yet');
    expect(list.body).toContain('Email confirmed');
    expect(list.body).toContain('Send a password reset link');
  });

  it('refuses an unknown or malformed token', async () => {
    const browser = new TestBrowser(ctx.app);
    const unknown = await browser.get(`/invitation/${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(410);
    // The link is in the address: no cache keeps the page, no Referer carries it away.
    expect(unknown.headers['cache-control']).toBe('no-store');
    expect(unknown.headers['referrer-policy']).toBe('strict-origin');
    expect((await browser.get('/invitation/short')).statusCode).toBe(410);
    await browser.get('/login');
    expect(
      (
        await browser.post(`/invitation/${'x'.repeat(43)}`, {
          password: 'p'.repeat(12),
          confirm: 'p'.repeat(12),
        })
      ).statusCode,
    ).toBe(410);
  });

  it('is sent again on request, and only the newest link works', async () => {
    await addPerson({ name: 'Layla Haddad', email: 'layla@example.org', locale: 'ar' });
    const first = pathOf(await linkIn('layla@example.org', /Lantern/));
    const user = (await findUserByEmail(ctx.database.db, 'layla@example.org'))!;
    await admin.get('/admin/users');
    const resend = await admin.post(`/admin/users/${user.id}/invitation`, {
      q: 'layla',
      page: '1',
    });
    expect(resend.statusCode).toBe(303);
    expect(resend.headers.location).toBe('/admin/users?q=layla&page=1');
    await ctx.app.mail.deliverDue();
    await expect
      .poll(() => messagesTo('layla@example.org', /Lantern/).length, { timeout: 5000 })
      .toBe(2);
    const second = pathOf(
      /https:\/\/learn\.example\.org\/[^\s]+/.exec(
        messagesTo('layla@example.org', /Lantern/).at(-1)!.text ?? '',
      )![0],
    );
    expect(second).not.toBe(first);
    const browser = new TestBrowser(ctx.app);
    expect((await browser.get(first)).statusCode).toBe(410);
    expect((await browser.get(second)).statusCode).toBe(200);
  });

  it('is not sent to someone who has a password already', async () => {
    const person = await makeUser(ctx, 'learner', { name: 'Has Password' });
    await admin.get('/admin/users');
    const response = await admin.post(
      `/admin/users/${person.id}/invitation`,
      {},
      { 'hx-request': 'true', 'hx-target': `tr#user-${person.id}` },
    );
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Has Password has already set a password');
  });
});

describe('a password reset link sent by an admin', () => {
  it('emails a reset link to /password/reset/:token and shows the admin nothing of it', async () => {
    const person = await makeUser(ctx, 'learner', { name: 'Forgetful Person', locale: 'fr' });
    await admin.get('/admin/users');
    const response = await admin.post(
      `/admin/users/${person.id}/reset-link`,
      {},
      { 'hx-request': 'true', 'hx-target': `tr#user-${person.id}` },
    );
    expect(response.statusCode).toBe(200);
    expect(response.body.trim()).toMatch(/^<tr id="user-\d+">/);
    expect(response.body).toContain(`A link to choose a new password was sent to ${person.email}.`);
    const link = await linkIn(person.email, /mot de passe/);
    const path = pathOf(link);
    expect(path).toMatch(/^\/password\/reset\/[A-Za-z0-9_-]{43}$/);
    const token = path.split('/').at(-1)!;
    expect(response.body).not.toContain(token);
    expect(await findToken(ctx.database.db, token, 'reset')).toMatchObject({ userId: person.id });
    // The person's password is untouched until they use the link.
    expect((await findUserById(ctx.database.db, person.id))!.password_hash).toBe(
      person.password_hash,
    );
  });
});

describe('deactivation', () => {
  it('ends the person’s sessions at once, keeps their data, and reactivation restores access', async () => {
    const person = await makeUser(ctx, 'learner', { name: 'Soon Deactivated' });
    await ctx.database.db
      .insertInto('cohort_members')
      .values({ cohort_id: cohortId, user_id: person.id })
      .execute();
    const learner = new TestBrowser(ctx.app);
    await learner.login(person.email, TEST_PASSWORD);
    // A fresh snapshot cookie: learners are trusted without the database for a minute.
    expect((await learner.get('/my-learning')).statusCode).toBe(200);
    expect(learner.cookies.has('lantern_seen')).toBe(true);

    // A message queued for them and not sent yet (a reminder, a link) is dropped with the access.
    await ctx.database.db
      .insertInto('outbox')
      .values({
        user_id: person.id,
        to_address: person.email,
        kind: 'reminder',
        subject: 'Queued before deactivation',
        text_body: 'x',
        html_body: 'x',
        next_attempt_at: new Date(Date.now() + 3_600_000),
      })
      .execute();

    await admin.get('/admin/users');
    const response = await admin.post(`/admin/users/${person.id}/deactivate`, { q: '', page: '1' });
    expect(response.statusCode).toBe(303);
    const queued = await ctx.database.db
      .selectFrom('outbox')
      .select('subject')
      .where('user_id', '=', person.id)
      .where('sent_at', 'is', null)
      .execute();
    expect(queued).toEqual([]);
    const sessions = await ctx.database.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', person.id)
      .execute();
    expect(sessions).toEqual([]);
    const after = await learner.get('/my-learning');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/login/);
    // Data stays.
    expect(await findUserById(ctx.database.db, person.id)).toMatchObject({
      name: 'Soon Deactivated',
    });
    const list = await admin.get('/admin/users?q=Soon%20Deactivated');
    expect(list.body).toContain('is deactivated: signed out everywhere');
    expect(list.body).toContain('Deactivated');
    expect(list.body).toContain('>Reactivate<');

    // Trainer reports mark them.
    const table = await admin.get(`/trainer/cohorts/${cohortId}/learners`);
    const reportRow = table.body.split('<tr').find((row) => row.includes('Soon Deactivated'));
    expect(reportRow).toContain('Deactivated');

    const reactivated = await admin.post(
      `/admin/users/${person.id}/reactivate`,
      {},
      { 'hx-request': 'true', 'hx-target': `tr#user-${person.id}` },
    );
    expect(reactivated.statusCode).toBe(200);
    expect(reactivated.body).toContain('Soon Deactivated is active again and can log in.');
    expect(reactivated.body).toContain('>Deactivate<');
    await new TestBrowser(ctx.app).login(person.email, TEST_PASSWORD);
  });

  it('answers htmx with the row alone', async () => {
    const person = await makeUser(ctx, 'trainer', { name: 'Row Person' });
    await admin.get('/admin/users');
    const response = await admin.post(
      `/admin/users/${person.id}/deactivate`,
      {},
      { 'hx-request': 'true', 'hx-target': `tr#user-${person.id}` },
    );
    expect(response.statusCode).toBe(200);
    expect(response.body.trim()).toMatch(new RegExp(`^<tr id="user-${person.id}">`));
    expect(response.body).not.toContain('<html');
    expect(response.body).toContain('Row Person is deactivated');
  });

  it('refuses to deactivate oneself', async () => {
    await admin.get('/admin/users');
    const response = await admin.post(
      `/admin/users/${adminId}/deactivate`,
      {},
      { 'hx-request': 'true', 'hx-target': `tr#user-${adminId}` },
    );
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('You cannot deactivate your own account.');
    expect((await findUserById(ctx.database.db, adminId))!.deactivated_at).toBeNull();
    // The admin's own row offers no "Deactivate".
    const list = await admin.get('/admin/users?q=Ada%20Admin');
    expect(list.body).not.toContain('>Deactivate<');
  });

  it('keeps the last active admin, for deactivation and for role changes', async () => {
    const lonely = await createTestApp();
    try {
      const a = await makeUser(lonely, 'admin');
      const b = await makeUser(lonely, 'admin');
      expect((await deactivateUser(lonely.database.db, b.id, a.id)).ok).toBe(true);
      // Only a is active now: a deactivated admin cannot sign in, so does not count.
      expect(await deactivateUser(lonely.database.db, a.id, b.id)).toEqual({
        ok: false,
        reason: 'last_admin',
      });
      expect(await changeRole(lonely.database.db, a.id, 'learner')).toEqual({
        ok: false,
        reason: 'last_admin',
      });
    } finally {
      await lonely.close();
    }
  });

  it('refuses invitations and reset links for a deactivated account', async () => {
    const person = await makeUser(ctx, 'learner', { name: 'Quiet Person' });
    await admin.get('/admin/users');
    await admin.post(`/admin/users/${person.id}/deactivate`, {});
    await admin.get('/admin/users');
    const reset = await admin.post(
      `/admin/users/${person.id}/reset-link`,
      {},
      { 'hx-request': 'true', 'hx-target': `tr#user-${person.id}` },
    );
    expect(reset.statusCode).toBe(409);
    expect(reset.body).toContain('Quiet Person is deactivated: reactivate the account first.');
    const tokens = await ctx.database.db
      .selectFrom('account_tokens')
      .select('id')
      .where('user_id', '=', person.id)
      .execute();
    expect(tokens).toEqual([]);
  });
});

describe('the audit log', () => {
  it('reads each action as a sentence', async () => {
    const page = await admin.get('/admin/audit');
    expect(page.body).toContain('added \u2068Amina Diallo\u2069 and sent them an invitation.');
    expect(page.body).toContain('sent \u2068Layla Haddad\u2069 the invitation again.');
    expect(page.body).toContain(
      'sent \u2068Forgetful Person\u2069 a link to choose a new password.',
    );
    expect(page.body).toContain('deactivated the account of \u2068Soon Deactivated\u2069.');
    expect(page.body).toContain('reactivated the account of \u2068Soon Deactivated\u2069.');
  });
});

describe('who may manage people', () => {
  for (const role of ['learner', 'trainer'] as const) {
    it(`refuses a ${role} on every route, with 403`, async () => {
      const victim = await makeUser(ctx);
      const { browser } = await signIn(ctx, role);
      await browser.get('/account');
      expect((await browser.get('/admin/users/new')).statusCode).toBe(403);
      expect(
        (
          await browser.post('/admin/users/new', {
            name: 'X',
            email: 'x-by-' + role + '@example.org',
            role: 'admin',
            locale: 'en',
          })
        ).statusCode,
      ).toBe(403);
      for (const action of ['invitation', 'reset-link', 'deactivate', 'reactivate'])
        expect((await browser.post(`/admin/users/${victim.id}/${action}`, {})).statusCode).toBe(
          403,
        );
      expect(await findUserByEmail(ctx.database.db, `x-by-${role}@example.org`)).toBeUndefined();
      expect((await findUserById(ctx.database.db, victim.id))!.deactivated_at).toBeNull();
    });
  }

  it('refuses every form without its CSRF token', async () => {
    const victim = await makeUser(ctx);
    await admin.get('/admin/users');
    const csrfless = await admin.post('/admin/users/new', {
      _csrf: null,
      name: 'No Token',
      email: 'no-token@example.org',
      role: 'learner',
      locale: 'en',
    });
    expect(csrfless.statusCode).toBe(403);
    expect(await findUserByEmail(ctx.database.db, 'no-token@example.org')).toBeUndefined();
    for (const action of ['invitation', 'reset-link', 'deactivate', 'reactivate'])
      expect(
        (await admin.post(`/admin/users/${victim.id}/${action}`, { _csrf: null })).statusCode,
      ).toBe(403);
    expect((await findUserById(ctx.database.db, victim.id))!.deactivated_at).toBeNull();
  });

  it('sends an anonymous visitor to the login page', async () => {
    const response = await ctx.app.inject({ url: '/admin/users/new' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?next=%2Fadmin%2Fusers%2Fnew');
  });
});
