/**
 * Repeated wrong passwords pause logging in with that address for longer each time (1, 5, 15, 60
 * minutes), with answers that never tell whether the address has an account; deactivated and
 * erased accounts cannot log in and their sessions stop at once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pauseMinutes } from '../../src/accounts/login-protection.js';
import { findUserByEmail } from '../../src/accounts/users.js';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { comparable, TestBrowser } from '../helpers/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());
afterEach(() => {
  vi.useRealTimers();
});

async function tryLogin(email: string, password: string) {
  const browser = new TestBrowser(ctx.app);
  await browser.get('/login');
  return browser.post('/login', { email, password });
}

/** The same attempts with a real account's address and with an unknown one, answer by answer. */
async function sameAnswers(known: string, unknown: string, passwords: string[]) {
  const answers: Array<ReturnType<typeof comparable>> = [];
  for (const password of passwords) {
    const a = comparable(await tryLogin(known, password), known);
    const b = comparable(await tryLogin(unknown, password), unknown);
    expect(b).toEqual(a);
    answers.push(a);
  }
  return answers;
}

const advance = (minutes: number) => vi.setSystemTime(Date.now() + minutes * 60_000 + 1000);

describe('pauses after wrong passwords', () => {
  it('grow: 1, 5, 15, then 60 minutes every fifth wrong password', () => {
    expect([1, 4, 5, 6, 10, 15, 20, 25, 100].map(pauseMinutes)).toEqual([
      0, 0, 1, 0, 5, 15, 60, 60, 60,
    ]);
  });

  it('answer the same, try for try, for an account and for an address without one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const user = await makeUser(ctx, 'learner', { email: 'paused-one@example.org' });
    const unknown = 'nobody-one@example.org';
    const wrong = Array.from({ length: 5 }, (_, i) => `wrong password ${i}`);
    const answers = await sameAnswers(user.email, unknown, wrong);
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 429]);
    expect(answers[0]!.body).toContain('That email and password do not match an account.');
    expect(answers[4]!.body).toContain(
      'Too many wrong passwords were typed for this address, so logging in with it is paused for 1 minute.',
    );
    expect(answers[4]!.body).toContain('href="/password/forgot"');
    expect(answers[4]!.headers['retry-after']).toBe('60');

    // While paused, even the right password gets the same answer.
    const [paused] = await sameAnswers(user.email, unknown, [TEST_PASSWORD]);
    expect(paused!.status).toBe(429);

    // After the pause, four more wrong ones are refused as usual; the fifth pauses 5 minutes.
    advance(1);
    const next = await sameAnswers(user.email, unknown, wrong);
    expect(next.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 429]);
    expect(next[4]!.body).toContain('paused for 5 minutes');
    advance(5);
    const third = await sameAnswers(user.email, unknown, wrong);
    expect(third[4]!.body).toContain('paused for 15 minutes');

    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'login.paused')
      .where('subject_user_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.detail)).toEqual([
      { failures: 5, minutes: 1, subjectUserId: user.id },
      { failures: 10, minutes: 5, subjectUserId: user.id },
      { failures: 15, minutes: 15, subjectUserId: user.id },
    ]);
    expect(audit[0]!.actor_id).toBeNull();
    // Admins read it as a sentence: someone (nobody known) typed them.
    const admin = await makeUser(ctx, 'admin');
    const browser = new TestBrowser(ctx.app);
    await browser.login(admin.email, TEST_PASSWORD);
    expect((await browser.get('/admin/audit')).body).toContain(
      `Someone\u2069 typed 5 wrong passwords in a row for the account of \u2068${user.name}\u2069: logging in to it is paused for 1 minute.`,
    );
  });

  it('start again from nothing after a successful login', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const user = await makeUser(ctx);
    for (let i = 0; i < 4; i += 1) await tryLogin(user.email, 'a wrong password');
    expect((await findUserByEmail(ctx.database.db, user.email))?.failed_logins).toBe(4);
    await new TestBrowser(ctx.app).login(user.email, TEST_PASSWORD);
    expect((await findUserByEmail(ctx.database.db, user.email))?.failed_logins).toBe(0);
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await tryLogin(user.email, 'wrong')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // The first pause again, not a longer one.
    const row = await findUserByEmail(ctx.database.db, user.email);
    expect(row!.login_paused_until!.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
  });

  it('count an address however its case and spaces are typed', async () => {
    const user = await makeUser(ctx, 'learner', { email: 'mixed-case@example.org' });
    for (const email of [
      'Mixed-Case@example.org',
      ' mixed-case@EXAMPLE.org',
      'MIXED-CASE@example.org',
      'mixed-case@example.org ',
      'Mixed-case@Example.org',
    ])
      await tryLogin(email, 'wrong');
    expect((await tryLogin(user.email, TEST_PASSWORD)).statusCode).toBe(429);
    const statuses = [];
    for (const email of [
      'No-Such-One@example.org',
      ' no-such-one@EXAMPLE.org',
      'NO-SUCH-ONE@example.org',
      'no-such-one@example.org ',
      'No-such-one@Example.org',
    ])
      statuses.push((await tryLogin(email, 'wrong')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });
});

describe('deactivated and erased accounts', () => {
  it('cannot log in, with the answer a wrong password gets', async () => {
    const user = await makeUser(ctx, 'learner', { email: 'deactivated-1@example.org' });
    await ctx.database.db
      .updateTable('users')
      .set({ deactivated_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    const refused = comparable(await tryLogin(user.email, TEST_PASSWORD), user.email);
    const unknown = comparable(
      await tryLogin('nobodyhere-01@example.org', TEST_PASSWORD),
      'nobodyhere-01@example.org',
    );
    expect(refused.status).toBe(401);
    expect(refused).toEqual(unknown);
  });

  it('lose their sessions at once, staff and learners alike', async () => {
    for (const role of ['learner', 'trainer'] as const) {
      for (const column of ['deactivated_at', 'erased_at'] as const) {
        const user = await makeUser(ctx, role);
        const browser = new TestBrowser(ctx.app);
        await browser.login(user.email, TEST_PASSWORD);
        expect((await browser.get('/my-learning')).statusCode).toBe(200);
        await ctx.database.db
          .updateTable('users')
          .set({ [column]: new Date() })
          .where('id', '=', user.id)
          .execute();
        // What deactivation and erasure do besides: tell every process the sessions ended.
        const sessions = await ctx.database.db
          .selectFrom('sessions')
          .select('id')
          .where('user_id', '=', user.id)
          .execute();
        await ctx.app.endedSessions.end(sessions.map((session) => session.id));
        const after = await browser.get('/my-learning');
        expect(after.statusCode, `${role} ${column}`).toBe(303);
        expect(after.headers.location).toBe('/login?next=%2Fmy-learning');
      }
    }
  });

  it('have no session even where their rows were left behind', async () => {
    const user = await makeUser(ctx);
    const browser = new TestBrowser(ctx.app);
    await browser.login(user.email, TEST_PASSWORD);
    await ctx.database.db
      .updateTable('users')
      .set({ deactivated_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    // Without the minute-long snapshot (as after it expires, or for staff), the database decides.
    browser.cookies.delete('lantern_seen');
    expect((await browser.get('/my-learning')).statusCode).toBe(303);
    expect(browser.cookies.has('lantern_session')).toBe(false);
  });
});
