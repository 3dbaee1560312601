/**
 * /account for every role: name and language, email (a link to the new address, the old one
 * told, the change only at confirmation: the button on the link's page, never opening it alone),
 * password (other sessions and every emailed link void, all or nothing), the reminders opt-out,
 * each change in the audit log; token jobs prune what is of no use.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { findUserById } from '../../src/accounts/users.js';
import { findToken, issueToken } from '../../src/accounts/tokens.js';
import { createTestApp, makeUser, signIn, TEST_PASSWORD } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { completeExampleCourse } from '../helpers/learning.js';
import { createTestAppWithInbox, type InboxTestContext } from '../helpers/smtp.js';

let ctx: InboxTestContext;

beforeAll(async () => {
  ctx = await createTestAppWithInbox();
});
afterAll(async () => ctx?.close());

/** A new person signed in, on the account page. */
const signedInAs = async (role: 'learner' | 'trainer' | 'admin' = 'learner', name?: string) => {
  const signedIn = await signIn(ctx, role, name ? { name } : {});
  await signedIn.browser.get('/account');
  return signedIn;
};

const auditOf = (userId: number, action: string) =>
  ctx.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_user_id', '=', userId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();

/** The person's email_change tokens, used or not. */
const emailTokensOf = (userId: number) =>
  ctx.database.db
    .selectFrom('account_tokens')
    .select(['id', 'used_at'])
    .where('user_id', '=', userId)
    .where('purpose', '=', 'email_change')
    .execute();

/** The link in the newest message to `to` whose subject matches. */
const linkIn = async (to: string, subject: RegExp) => {
  await ctx.app.mail.deliverDue();
  const mail = await ctx.inbox.waitFor(to, subject);
  const link = /https:\/\/learn\.example\.org(\/account\/email\/[A-Za-z0-9_-]+)/.exec(
    mail.text ?? '',
  );
  return link?.[1] ?? '';
};

describe('the account page', () => {
  for (const role of ['learner', 'trainer', 'admin'] as const) {
    it(`gives a ${role} every section`, async () => {
      const { browser } = await signedInAs(role);
      const page = await browser.get('/account');
      expect(page.statusCode).toBe(200);
      for (const action of [
        '/account/profile',
        '/account/email',
        '/account/password',
        '/account/reminders',
      ])
        expect(page.body).toContain(`action="${action}"`);
      expect(page.body).toContain('href="/account/data.json"');
      expect(page.body).toContain('href="/account/delete"');
    });
  }

  it('sends an anonymous visitor to the login page, and refuses anonymous posts', async () => {
    const page = await ctx.app.inject({ url: '/account' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Faccount');
    const anonymous = new TestBrowser(ctx.app);
    await anonymous.get('/login');
    for (const url of [
      '/account/profile',
      '/account/email',
      '/account/email/cancel',
      '/account/password',
      '/account/reminders',
    ])
      expect((await anonymous.post(url, { name: 'x' })).statusCode).toBe(403);
  });
});

describe('name and language', () => {
  it('saves both, sets the language cookie, and records which changed', async () => {
    const { user, browser } = await signedInAs('learner', 'Old Name');
    const saved = await browser.post('/account/profile', { name: ' Nour Haddad ', locale: 'ar' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers['set-cookie']).toEqual(
      expect.arrayContaining([expect.stringMatching(/locale=ar/)]),
    );
    expect(await findUserById(ctx.database.db, user.id)).toMatchObject({
      name: 'Nour Haddad',
      locale: 'ar',
    });
    // The next page is in Arabic and greets the new name at once (the session snapshot is redone).
    const page = await browser.get('/account');
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('value="Nour Haddad"');
    expect(page.body).toContain('حُفظ اسمك ولغتك.');
    const [entry] = await auditOf(user.id, 'profile.update');
    expect(entry).toMatchObject({ actor_id: user.id, detail: { fields: ['name', 'locale'] } });
    // Names and addresses never go into the audit log.
    expect(JSON.stringify(entry!.detail)).not.toContain('Nour');
  });

  it('keeps what was typed when a field is wrong, and changes nothing', async () => {
    const { user, browser } = await signedInAs('trainer', 'Kept Name');
    const empty = await browser.post('/account/profile', { name: '  ', locale: 'fr' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Please fill in this field.');
    const badLocale = await browser.post('/account/profile', { name: 'Typed Name', locale: 'xx' });
    expect(badLocale.statusCode).toBe(422);
    expect(badLocale.body).toContain('value="Typed Name"');
    expect(badLocale.body).toContain('Please choose one of the listed languages.');
    const huge = await browser.post('/account/profile', { name: 'n'.repeat(600), locale: 'fr' });
    expect(huge.statusCode).toBe(422);
    expect(huge.body).toContain('Please use at most 500 characters.');
    const control = await browser.post('/account/profile', { name: 'Line\nBreak', locale: 'fr' });
    expect(control.statusCode).toBe(422);
    expect(control.body).toContain(
      'Please remove the invisible characters (such as a line break or a tab) from the name.',
    );
    expect(control.body).toContain('value="Line\nBreak"');
    expect(await findUserById(ctx.database.db, user.id)).toMatchObject({
      name: 'Kept Name',
      locale: 'en',
    });
    expect(await auditOf(user.id, 'profile.update')).toHaveLength(0);
  });

  it('refuses a post without the CSRF token', async () => {
    const { user, browser } = await signedInAs();
    const response = await browser.post('/account/profile', {
      _csrf: null,
      name: 'Forged',
      locale: 'fr',
    });
    expect(response.statusCode).toBe(403);
    expect((await findUserById(ctx.database.db, user.id))!.name).not.toBe('Forged');
  });
});

describe('changing the email address', () => {
  it('sends a link to the new address, tells the old one, and changes only at confirmation', async () => {
    const { user, browser } = await signedInAs('learner', 'Mover');
    const asked = await browser.post('/account/email', {
      email: ' New.Mover@Example.org ',
      emailPassword: TEST_PASSWORD,
    });
    expect(asked.statusCode).toBe(303);
    const page = await browser.get('/account');
    expect(page.body).toContain('We have sent a link to \u2068new.mover@example.org\u2069.');
    expect(page.body).toContain('Waiting for confirmation: \u2068new.mover@example.org\u2069');
    // Nothing changed yet.
    expect((await findUserById(ctx.database.db, user.id))!.email).toBe(user.email);

    const link = await linkIn('new.mover@example.org', /Confirm your new email address/);
    expect(link).toMatch(/^\/account\/email\//);
    const notice = await ctx.inbox.waitFor(user.email, /is changing/);
    expect(notice.text).toContain('new.mover@example.org');
    expect(notice.text).not.toContain('/account/email/');

    // Opened on another device, without a session. Opening it (as a mail scanner does) only
    // shows a button: nothing changes, the link stays unused.
    const phone = new TestBrowser(ctx.app);
    const page2 = await phone.get(link);
    expect(page2.statusCode).toBe(200);
    expect(page2.headers['cache-control']).toBe('private, no-store');
    expect(page2.headers['referrer-policy']).toBe('strict-origin');
    expect(page2.body).toContain(
      'Confirm that \u2068new.mover@example.org\u2069 becomes the email address of this Lantern account.',
    );
    expect(page2.body).toContain(`<form method="post" action="${link}">`);
    expect(await phone.get(link)).toMatchObject({ statusCode: 200 });
    expect((await findUserById(ctx.database.db, user.id))!.email).toBe(user.email);
    expect((await emailTokensOf(user.id)).map((token) => token.used_at)).toEqual([null]);

    // The button's form, without its CSRF token, is refused and changes nothing.
    expect((await phone.post(link, { _csrf: null })).statusCode).toBe(403);
    expect((await findUserById(ctx.database.db, user.id))!.email).toBe(user.email);
    expect((await emailTokensOf(user.id)).map((token) => token.used_at)).toEqual([null]);

    const confirmed = await phone.post(link);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/account');
    expect(confirmed.headers['cache-control']).toBe('private, no-store');
    const changed = await findUserById(ctx.database.db, user.id);
    expect(changed!.email).toBe('new.mover@example.org');
    expect(changed!.email_verified_at).not.toBeNull();
    // Single use: a replay is refused and changes nothing.
    const replay = await phone.get(link);
    expect(replay.statusCode).toBe(410);
    expect(replay.body).toContain('This confirmation link no longer works');
    expect(replay.body).not.toContain('<form method="post" action="/account/email/');
    expect((await phone.post(link)).statusCode).toBe(410);
    // The old address no longer signs in; the new one does.
    const again = new TestBrowser(ctx.app);
    await again.get('/login');
    expect(
      (await again.post('/login', { email: user.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(401);
    await again.login('new.mover@example.org', TEST_PASSWORD);
    expect((await auditOf(user.id, 'profile.emailRequest')).length).toBe(1);
    expect((await auditOf(user.id, 'profile.emailChange')).length).toBe(1);
  });

  it('answers the same for an address already taken, and refuses it at confirmation', async () => {
    const owner = await makeUser(ctx, 'learner', { email: 'taken@example.org' });
    const { user, browser } = await signedInAs();
    const asked = await browser.post('/account/email', {
      email: 'taken@example.org',
      emailPassword: TEST_PASSWORD,
    });
    const free = await browser.post('/account/email', {
      email: 'free-address@example.org',
      emailPassword: TEST_PASSWORD,
    });
    // Same status, same place, same message shape: nothing says which address has an account.
    expect(asked.statusCode).toBe(free.statusCode);
    expect(asked.headers.location).toBe(free.headers.location);
    // The second request replaced the first link; ask again for the taken one.
    await browser.post('/account/email', {
      email: 'taken@example.org',
      emailPassword: TEST_PASSWORD,
    });
    await ctx.app.mail.deliverDue();
    const mails = ctx.inbox.messages.filter(
      (m) =>
        (m.text ?? '').includes('/account/email/') && m.subject?.startsWith('Confirm your new'),
    );
    const toTaken = mails.filter((m) => JSON.stringify(m.to).includes('taken@example.org'));
    const link = /\/account\/email\/[A-Za-z0-9_-]+/.exec(toTaken.at(-1)!.text ?? '')![0];
    // Said on the link's page at once, and by its form if it is sent all the same.
    const refused = await browser.get(link);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(
      'Another Lantern account already uses \u2068taken@example.org\u2069',
    );
    expect((await browser.post(link)).statusCode).toBe(409);
    expect((await findUserById(ctx.database.db, user.id))!.email).toBe(user.email);
    expect((await findUserById(ctx.database.db, owner.id))!.email).toBe('taken@example.org');
  });

  it('refuses at the button an address another account took after the page was shown', async () => {
    const { user, browser } = await signedInAs();
    const token = await issueToken(ctx.database.db, user.id, 'email_change', {
      email: 'raced@example.org',
    });
    expect((await browser.get(`/account/email/${token}`)).statusCode).toBe(200);
    await makeUser(ctx, 'learner', { email: 'raced@example.org' });
    const refused = await browser.post(`/account/email/${token}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Another Lantern account already uses \u2068raced@example.org');
    expect((await findUserById(ctx.database.db, user.id))!.email).toBe(user.email);
  });

  it('issues the certificates that waited for a confirmed address', async () => {
    // Not confirmed yet: the course is completed, its certificate waits.
    const { user, browser } = await signedInAs();
    expect(user.email_verified_at).toBeNull();
    await completeExampleCourse(ctx, browser, user.id);
    const certificates = () =>
      ctx.database.db
        .selectFrom('certificates')
        .select('issued_at')
        .where('user_id', '=', user.id)
        .execute();
    expect(await certificates()).toEqual([]);

    await browser.get('/account');
    await browser.post('/account/email', {
      email: 'certified.mover@example.org',
      emailPassword: TEST_PASSWORD,
    });
    const link = await linkIn('certified.mover@example.org', /Confirm your new email address/);
    await browser.get(link);
    expect((await browser.post(link)).statusCode).toBe(303);
    const changed = await findUserById(ctx.database.db, user.id);
    expect(changed).toMatchObject({ email: 'certified.mover@example.org' });
    expect(changed!.email_verified_at).not.toBeNull();
    // Dated the day the course was completed, as a verification link would have issued it.
    const enrolment = await ctx.database.db
      .selectFrom('enrolments')
      .select('completed_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(await certificates()).toEqual([{ issued_at: enrolment.completed_at }]);
    expect((await browser.get('/courses/example-course/certificate')).statusCode).toBe(200);
  });

  it('refuses a link for another account, an expired link and a made-up one', async () => {
    const { user } = await signedInAs();
    const token = await issueToken(ctx.database.db, user.id, 'email_change', {
      email: 'elsewhere@example.org',
    });
    const { browser: other } = await signedInAs();
    const forOther = await other.get(`/account/email/${token}`);
    expect(forOther.statusCode).toBe(403);
    expect(forOther.body).toContain('This link was sent for another account');
    expect((await other.post(`/account/email/${token}`)).statusCode).toBe(403);
    // Not used up by the refusal: the owner can still confirm it... once it has not expired.
    expect(await findToken(ctx.database.db, token, 'email_change')).toBeDefined();
    await ctx.database.db
      .updateTable('account_tokens')
      .set({ expires_at: sql<Date>`now() - interval '1 minute'` })
      .where('user_id', '=', user.id)
      .execute();
    const anonymous = new TestBrowser(ctx.app);
    const expired = await anonymous.get(`/account/email/${token}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This confirmation link no longer works');
    expect((await anonymous.post(`/account/email/${token}`)).statusCode).toBe(410);
    expect((await findUserById(ctx.database.db, user.id))!.email).toBe(user.email);
    expect((await anonymous.get('/account/email/not-a-token')).statusCode).toBe(410);
    expect((await anonymous.post('/account/email/not-a-token')).statusCode).toBe(410);
  });

  it('checks the password, keeps what was typed, refuses the current address', async () => {
    const { user, browser } = await signedInAs();
    const wrong = await browser.post('/account/email', {
      email: 'typed@example.org',
      emailPassword: 'not my password',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('The current password is not right.');
    expect(wrong.body).toContain('value="typed@example.org"');
    const invalid = await browser.post('/account/email', {
      email: 'not an address',
      emailPassword: TEST_PASSWORD,
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('value="not an address"');
    expect(invalid.body).toContain('Please enter an email address like name@example.org.');
    const same = await browser.post('/account/email', {
      email: user.email.toUpperCase(),
      emailPassword: TEST_PASSWORD,
    });
    expect(same.statusCode).toBe(422);
    expect(same.body).toContain('This is already your email address.');
    const tokens = await ctx.database.db
      .selectFrom('account_tokens')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(tokens).toHaveLength(0);
  });

  it('can be cancelled: the link then no longer works', async () => {
    const { user, browser } = await signedInAs();
    const token = await issueToken(ctx.database.db, user.id, 'email_change', {
      email: 'cancelled@example.org',
    });
    expect((await browser.post('/account/email/cancel')).statusCode).toBe(303);
    expect((await browser.get(`/account/email/${token}`)).statusCode).toBe(410);
    expect((await browser.post(`/account/email/${token}`)).statusCode).toBe(410);
    expect((await findUserById(ctx.database.db, user.id))!.email).toBe(user.email);
  });
});

describe('changing the password', () => {
  it('needs the current one, ends other sessions and voids every emailed link', async () => {
    const { user, browser } = await signedInAs('admin');
    const laptop = new TestBrowser(ctx.app);
    await laptop.login(user.email, TEST_PASSWORD);
    const reset = await issueToken(ctx.database.db, user.id, 'reset');
    const change = await issueToken(ctx.database.db, user.id, 'email_change', {
      email: 'later@example.org',
    });
    const wrong = await browser.post('/account/password', {
      current: 'wrong password',
      password: 'a new long passphrase',
      confirm: 'a new long passphrase',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('The current password is not right.');
    expect(await findToken(ctx.database.db, reset, 'reset')).toBeDefined();

    const changed = await browser.post('/account/password', {
      current: TEST_PASSWORD,
      password: 'a new long passphrase',
      confirm: 'a new long passphrase',
    });
    expect(changed.statusCode).toBe(303);
    expect((await browser.get('/account')).statusCode).toBe(200);
    expect((await laptop.get('/account')).statusCode).toBe(303);
    expect(await findToken(ctx.database.db, reset, 'reset')).toBeUndefined();
    expect(await findToken(ctx.database.db, change, 'email_change')).toBeUndefined();
    expect(await auditOf(user.id, 'profile.password')).toHaveLength(1);
  });

  it('changes nothing at all when one of its steps fails', async () => {
    const { user, browser } = await signedInAs();
    const laptop = new TestBrowser(ctx.app);
    await laptop.login(user.email, TEST_PASSWORD);
    const reset = await issueToken(ctx.database.db, user.id, 'reset');
    // Ending the other sessions, the last step, fails for this person.
    await sql`create function refuse_session_end() returns trigger language plpgsql as $$
      begin raise exception 'session end refused'; end $$`.execute(ctx.database.db);
    await sql`create trigger refuse_session_end before delete on sessions for each row
      when (old.user_id = ${sql.lit(user.id)}) execute function refuse_session_end()`.execute(
      ctx.database.db,
    );
    try {
      const failed = await browser.post('/account/password', {
        current: TEST_PASSWORD,
        password: 'a new long passphrase',
        confirm: 'a new long passphrase',
      });
      expect(failed.statusCode).toBe(500);
    } finally {
      await sql`drop trigger refuse_session_end on sessions`.execute(ctx.database.db);
      await sql`drop function refuse_session_end()`.execute(ctx.database.db);
    }
    // The old password still works, the link too, the other session is still open.
    await new TestBrowser(ctx.app).login(user.email, TEST_PASSWORD);
    expect(await findToken(ctx.database.db, reset, 'reset')).toBeDefined();
    expect((await laptop.get('/account')).statusCode).toBe(200);
    expect(await auditOf(user.id, 'profile.password')).toHaveLength(0);
  });
});

describe('reminders from trainers', () => {
  it('are on by default and can be turned off and on again, each change recorded', async () => {
    const { user, browser } = await signedInAs();
    expect((await browser.get('/account')).body).toMatch(/id="field-reminders"[^>]* checked/);
    await browser.post('/account/reminders', {});
    expect((await findUserById(ctx.database.db, user.id))!.reminders_enabled).toBe(false);
    const page = await browser.get('/account');
    expect(page.body).toContain('Reminders from your trainers are off.');
    expect(page.body).not.toMatch(/id="field-reminders"[^>]* checked/);
    // Saving the same choice again records nothing new.
    await browser.post('/account/reminders', {});
    await browser.post('/account/reminders', { reminders: 'on' });
    expect((await findUserById(ctx.database.db, user.id))!.reminders_enabled).toBe(true);
    const entries = await auditOf(user.id, 'profile.reminders');
    expect(entries.map((entry) => entry.detail)).toEqual([
      { enabled: false, subjectUserId: user.id },
      { enabled: true, subjectUserId: user.id },
    ]);
  });
});

describe('the admin reads the changes', () => {
  it('as sentences in the audit log', async () => {
    const { browser: admin } = await signedInAs('admin', 'Auditing Admin');
    const { browser } = await signedInAs('learner', 'Sentence Person');
    await browser.post('/account/profile', { name: 'Sentence Person', locale: 'fr' });
    await browser.get('/account');
    await browser.post('/account/reminders', {});
    const log = await admin.get('/admin/audit');
    expect(log.body).toContain('Sentence Person\u2069 updated their profile (Language).');
    expect(log.body).toContain('Sentence Person\u2069 turned email reminders from trainers off.');
  });
});

describe('pruning', () => {
  it('removes used and expired tokens a day later, and expired sessions, on schedule', async () => {
    // A separate app whose job timer the test moves on by hand (only setInterval is faked).
    vi.useFakeTimers({ toFake: ['setInterval'] });
    const own = await createTestApp();
    try {
      const user = await makeUser(own);
      const fresh = await issueToken(own.database.db, user.id, 'reset');
      await issueToken(own.database.db, user.id, 'verification');
      await own.database.db
        .updateTable('account_tokens')
        .set({ expires_at: sql<Date>`now() - interval '2 days'` })
        .where('purpose', '=', 'verification')
        .execute();
      await own.database.db
        .insertInto('sessions')
        .values({ id: 'expired-one', user_id: user.id, expires_at: new Date(Date.now() - 1000) })
        .execute();
      vi.advanceTimersByTime(60_000);
      await vi.waitFor(
        async () => {
          const ran = await own.database.db
            .selectFrom('jobs')
            .select('name')
            .where('last_run_at', 'is not', null)
            .execute();
          expect(ran.map((job) => job.name)).toEqual(
            expect.arrayContaining(['prune-account-tokens', 'prune-expired-sessions']),
          );
        },
        { timeout: 10_000, interval: 100 },
      );
      await own.app.close();
      const left = await own.database.db
        .selectFrom('account_tokens')
        .select('purpose')
        .where('user_id', '=', user.id)
        .execute();
      expect(left.map((row) => row.purpose)).toEqual(['reset']);
      expect(await findToken(own.database.db, fresh, 'reset')).toBeDefined();
      const sessions = await own.database.db.selectFrom('sessions').select('id').execute();
      expect(sessions.map((row) => row.id)).not.toContain('expired-one');
    } finally {
      vi.useRealTimers();
      await own.close();
    }
  });
});
