import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot, signSnapshot, type SessionUser } from '../../src/accounts/sessions.js';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const learner: SessionUser = {
  id: 7,
  name: 'Amal',
  email: 'amal@example.org',
  role: 'learner',
  locale: 'ar',
  mustChangePassword: false,
  emailVerified: true,
  sessionId: 'abc',
};

describe('the signed session snapshot', () => {
  it('vouches for a learner for 60 seconds, for the session token it was made for only', () => {
    const now = Date.now();
    const snapshot = signSnapshot(SECRET, 'token-1', learner, now);
    expect(readSnapshot(SECRET, 'token-1', snapshot, now + 59_000)).toEqual(learner);
    expect(readSnapshot(SECRET, 'token-1', snapshot, now + 61_000)).toBeUndefined();
    expect(readSnapshot(SECRET, 'token-2', snapshot, now)).toBeUndefined();
    expect(
      readSnapshot('another-secret-that-is-long-enough-0123456', 'token-1', snapshot, now),
    ).toBeUndefined();
  });

  it('is refused when altered, and never vouches for staff', () => {
    const snapshot = signSnapshot(SECRET, 'token-1', learner);
    const [body, mac] = snapshot.split('.');
    const promoted = Buffer.from(
      JSON.stringify({ u: { ...learner, role: 'admin' }, x: Math.floor(Date.now() / 1000) + 60 }),
    ).toString('base64url');
    expect(readSnapshot(SECRET, 'token-1', `${promoted}.${mac}`)).toBeUndefined();
    // One character of the signature changed (to another one: a signature starting with "x" once
    // made this test pass the genuine snapshot, 1 run in 64).
    const altered = `${mac![0] === 'x' ? 'y' : 'x'}${mac!.slice(1)}`;
    expect(readSnapshot(SECRET, 'token-1', `${body}.${altered}`)).toBeUndefined();
    expect(
      readSnapshot(
        SECRET,
        'token-1',
        signSnapshot(SECRET, 'token-1', { ...learner, role: 'trainer' }),
      ),
    ).toBeUndefined();
  });
});

describe('sessions with snapshots, through the app', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.close());

  it('a learner gets a snapshot; a language switch shows at once; logout clears it', async () => {
    const user = await makeUser(ctx, 'learner', { name: 'Snapshot Learner' });
    const browser = new TestBrowser(ctx.app);
    await browser.login(user.email, TEST_PASSWORD);
    await browser.get('/my-learning');
    expect(browser.cookies.has('lantern_seen')).toBe(true);
    await browser.post('/locale', { locale: 'fr', next: '/my-learning' });
    expect((await browser.get('/my-learning')).body).toContain('<html lang="fr"');
    await browser.post('/logout');
    expect(browser.cookies.has('lantern_seen')).toBe(false);
    expect((await browser.get('/my-learning')).headers.location).toMatch(/^\/login/);
  });

  it('a session ended elsewhere stops being honoured once the snapshot is gone', async () => {
    const user = await makeUser(ctx, 'learner');
    const browser = new TestBrowser(ctx.app);
    await browser.login(user.email, TEST_PASSWORD);
    await browser.get('/my-learning');
    await ctx.database.db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    // Within the minute the snapshot covers, the page still opens…
    expect((await browser.get('/my-learning')).statusCode).toBe(200);
    // …and the next check against the database logs the learner out.
    browser.cookies.delete('lantern_seen');
    expect((await browser.get('/my-learning')).headers.location).toMatch(/^\/login/);
  });

  it('staff sessions are read from the database on every request', async () => {
    const trainer = await makeUser(ctx, 'trainer');
    const browser = new TestBrowser(ctx.app);
    await browser.login(trainer.email, TEST_PASSWORD);
    await browser.get('/trainer/cohorts');
    expect(browser.cookies.has('lantern_seen')).toBe(false);
    await ctx.database.db
      .updateTable('users')
      .set({ role: 'learner' })
      .where('id', '=', trainer.id)
      .execute();
    expect((await browser.get('/trainer/cohorts')).statusCode).toBe(403);
  });
});
