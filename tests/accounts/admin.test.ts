import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { findUserById } from '../../src/accounts/users.js';

let ctx: TestContext;
let admin: TestBrowser;
let adminId: number;

beforeAll(async () => {
  ctx = await createTestApp();
  const adminUser = await makeUser(ctx, 'admin', { name: 'Ada Admin' });
  adminId = adminUser.id;
  admin = new TestBrowser(ctx.app);
  await admin.login(adminUser.email, TEST_PASSWORD);
  for (let i = 0; i < 30; i += 1)
    await makeUser(ctx, 'learner', { name: `Learner ${String(i).padStart(2, '0')}` });
  await makeUser(ctx, 'learner', { name: 'Zainab Haddad', email: 'zainab@example.org' });
});
afterAll(async () => ctx.close());

describe('admin user list', () => {
  it('is paginated', async () => {
    const first = await admin.get('/admin/users');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('32 users found');
    expect(first.body).toContain('Page 1 / 2');
    const second = await admin.get('/admin/users?page=2');
    expect(second.body).toContain('Page 2 / 2');
    expect(second.body).toContain('Zainab Haddad');
  });

  it('searches by name or email, case-insensitively', async () => {
    const byName = await admin.get('/admin/users?q=zAiNaB');
    expect(byName.body).toContain('1 user found');
    expect(byName.body).toContain('zainab@example.org');
    const byEmail = await admin.get('/admin/users?q=zainab@example');
    expect(byEmail.body).toContain('Zainab Haddad');
    const wildcard = await admin.get('/admin/users?q=%25');
    expect(wildcard.body).toContain('No user matches this search.');
  });

  it('answers an htmx search with the results fragment only', async () => {
    const response = await admin.get('/admin/users?q=Learner%2001', {
      'hx-request': 'true',
      'hx-target': 'div#user-results',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Learner 01');
    expect(response.body).not.toContain('<html');
    expect(response.headers.vary).toContain('HX-Request');
  });

  it('records who looked at the user list', async () => {
    await admin.get('/admin/users?q=audit-me');
    const row = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'users.list')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.actor_id).toBe(adminId);
    // That a search was made, not its words (they may name someone later erased).
    expect(row.detail).toMatchObject({ searched: true });
    expect(JSON.stringify(row.detail)).not.toContain('audit-me');
  });
});

describe('changing roles', () => {
  it('makes a learner a trainer, with and without htmx', async () => {
    const person = await makeUser(ctx, 'learner', { name: 'Promoted Person' });
    await admin.get('/admin/users');
    const plain = await admin.post(`/admin/users/${person.id}/role`, { role: 'trainer' });
    expect(plain.statusCode).toBe(303);
    expect((await findUserById(ctx.database.db, person.id))!.role).toBe('trainer');

    const swapped = await admin.post(
      `/admin/users/${person.id}/role`,
      { role: 'admin' },
      { 'hx-request': 'true', 'hx-target': `tr#user-${person.id}` },
    );
    expect(swapped.statusCode).toBe(200);
    expect(swapped.body.trim()).toMatch(/^<tr id="user-\d+">/);
    expect(swapped.body).toContain('The role of Promoted Person is now Admin.');
    expect((await findUserById(ctx.database.db, person.id))!.role).toBe('admin');
  });

  it('refuses to demote the last admin', async () => {
    const lonely = await createTestApp();
    try {
      const onlyAdmin = await makeUser(lonely, 'admin');
      const browser = new TestBrowser(lonely.app);
      await browser.login(onlyAdmin.email, TEST_PASSWORD);
      await browser.get('/admin/users');
      const response = await browser.post(
        `/admin/users/${onlyAdmin.id}/role`,
        { role: 'learner' },
        { 'hx-request': 'true', 'hx-target': `tr#user-${onlyAdmin.id}` },
      );
      expect(response.statusCode).toBe(409);
      expect(response.body).toContain('This is the last admin');
      expect((await findUserById(lonely.database.db, onlyAdmin.id))!.role).toBe('admin');
    } finally {
      await lonely.close();
    }
  });

  it('rejects an unknown role', async () => {
    const person = await makeUser(ctx);
    await admin.get('/admin/users');
    const response = await admin.post(`/admin/users/${person.id}/role`, { role: 'superuser' });
    expect(response.statusCode).toBe(400);
    expect((await findUserById(ctx.database.db, person.id))!.role).toBe('learner');
  });
});

describe('who may administer users', () => {
  for (const role of ['learner', 'trainer'] as const) {
    it(`refuses a ${role} with 403 on every admin route`, async () => {
      const user = await makeUser(ctx, role);
      const victim = await makeUser(ctx);
      const browser = new TestBrowser(ctx.app);
      await browser.login(user.email, TEST_PASSWORD);
      await browser.get('/account');
      expect((await browser.get('/admin/users')).statusCode).toBe(403);
      const post = await browser.post(`/admin/users/${victim.id}/role`, { role: 'admin' });
      expect(post.statusCode).toBe(403);
      expect((await findUserById(ctx.database.db, victim.id))!.role).toBe('learner');
    });
  }

  it('sends an anonymous visitor to the login page', async () => {
    const response = await ctx.app.inject({ url: '/admin/users' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?next=%2Fadmin%2Fusers');
  });
});

describe('counts on the users page', () => {
  beforeAll(async () => {
    // Groups of 1, 2, 3, 11 and 100 people, for every plural form of the four languages.
    const groups = { solo: 1, duo: 2, trio: 3, eleven: 11, hundred: 100 };
    await ctx.database.db
      .insertInto('users')
      .values(
        Object.entries(groups).flatMap(([group, size]) =>
          Array.from({ length: size }, (_, i) => ({
            email: `plural-${group}-${i}@example.org`,
            name: `Plural ${group} ${i}`,
            password_hash: 'not a real hash',
            role: 'learner' as const,
            locale: 'en' as const,
          })),
        ),
      )
      .execute();
  });
  afterAll(async () => {
    await ctx.database.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', adminId)
      .execute();
  });

  const countLine = async (locale: 'en' | 'fr' | 'es' | 'ar', group: string) => {
    await ctx.database.db.updateTable('users').set({ locale }).where('id', '=', adminId).execute();
    const page = await admin.get(`/admin/users?q=plural-${group}-`);
    return /<div id="user-results"[^>]*>\s*<p>([^<]*)<\/p>/.exec(page.body)?.[1];
  };

  it('use each language’s plural forms, Arabic’s six included', async () => {
    const expected = {
      en: { none: '0 users found', solo: '1 user found', duo: '2 users found' },
      fr: {
        solo: '1 utilisateur·rice trouvé·e',
        duo: '2 utilisateur·rices trouvé·es',
        eleven: '11 utilisateur·rices trouvé·es',
      },
      es: { solo: '1 usuario encontrado', duo: '2 usuarios encontrados' },
      ar: {
        none: 'لم يُعثر على أي مستخدم',
        solo: 'عُثر على مستخدم واحد',
        duo: 'عُثر على مستخدمَين',
        trio: 'عُثر على 3 مستخدمين',
        eleven: 'عُثر على 11 مستخدمًا',
        hundred: 'عُثر على 100 مستخدم',
      },
    } as const;
    for (const [locale, lines] of Object.entries(expected))
      for (const [group, line] of Object.entries(lines))
        expect(await countLine(locale as 'en', group), `${locale} ${group}`).toBe(line);
  });
});
