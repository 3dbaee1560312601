/**
 * The audit log as admins read it: one sentence per entry (who, what, whose data), the time in the
 * admin's language and date format, the raw details behind a disclosure; and a sentence in every
 * language for every action the code records.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_SENTENCES } from '../../src/audit/describe.js';
import { AUDIT_ACTIONS } from '../../src/audit/record.js';
import { addMembers, createCohort } from '../../src/cohorts/queries.js';
import type { Locale } from '../../src/db/database.js';
import { catalogues, englishMessages, LOCALES } from '../../src/web/i18n/index.js';
import { createTestApp, makeUser, TEST_PASSWORD, type TestContext } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { buildGolf12 } from '../scorm/fixtures.js';
import { removeDir, tempDir } from '../scorm/helpers.js';
import { uploadPackage } from '../scorm/integration.js';

const srcDir = join(import.meta.dirname, '../../src');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

describe('every recorded action', () => {
  it('is declared, found by grep at every place that writes the log', () => {
    const recorded = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      const source = readFileSync(file, 'utf8');
      for (const call of source.matchAll(/recordAudit\(([\s\S]*?)\}\);/g)) {
        const literal = /action:\s*'([^']+)'/.exec(call[1]!)?.[1];
        if (literal) recorded.add(literal);
        // The one place that passes its caller's action along is typed to the declared list.
        else expect(file, 'an action passed along').toMatch(/reports[/\\]context\.ts$/);
      }
      for (const call of source.matchAll(/reportContext\([^)]*?'([^']+)'\s*\)/g))
        recorded.add(call[1]!);
      // Nothing writes the table without recordAudit.
      if (!file.endsWith(join('audit', 'record.ts')))
        expect(source, file).not.toMatch(/insertInto\(\s*'audit_log'/);
    }
    expect(recorded.size).toBeGreaterThanOrEqual(10);
    for (const action of recorded) expect(AUDIT_ACTIONS, action).toContain(action);
  });

  it('has a sentence in all four languages, naming who did it', () => {
    for (const action of AUDIT_ACTIONS) {
      const key = AUDIT_SENTENCES[action];
      const english = (englishMessages as Record<string, string>)[key]!;
      expect(english, action).toContain('{actor}');
      for (const locale of LOCALES) {
        const sentence = (catalogues[locale] as Record<string, string>)[key];
        expect(sentence?.trim(), `${locale} ${action}`).toBeTruthy();
        expect(sentence, `${locale} ${action}`).toContain('{actor}');
        if (locale !== 'en') expect(sentence, `${locale} ${action}`).not.toBe(english);
      }
    }
  });
});

describe('the audit log page', () => {
  let ctx: TestContext;
  let dir: string;
  let admin: TestBrowser;
  let adminId: number;
  let learnerId: number;

  const page = async (locale: Locale, acceptLanguage: string = locale) => {
    await ctx.database.db.updateTable('users').set({ locale }).where('id', '=', adminId).execute();
    const response = await admin.get('/admin/audit', { 'accept-language': acceptLanguage });
    expect(response.statusCode).toBe(200);
    // Names are isolated for bidirectional text; the words around them are what is checked here.
    return response.body.replace(/[\u2068\u2069]/g, '');
  };
  const entries = (body: string) =>
    [...body.matchAll(/<li id="entry-\d+">([\s\S]*?)<\/li>\n/g)].map((match) => {
      const [readable = '', technical = ''] = match[1]!.split('<details>');
      return { readable, technical };
    });

  beforeAll(async () => {
    ctx = await createTestApp();
    dir = await tempDir('lantern-audit-');
    const adminUser = await makeUser(ctx, 'admin', { name: 'Ada Admin' });
    adminId = adminUser.id;
    admin = new TestBrowser(ctx.app);
    await admin.login(adminUser.email, TEST_PASSWORD);
    const trainerUser = await makeUser(ctx, 'trainer', { name: 'Tariq Trainer' });
    const trainer = new TestBrowser(ctx.app);
    await trainer.login(trainerUser.email, TEST_PASSWORD);
    const learner = await makeUser(ctx, 'learner', { name: 'Zainab Haddad' });
    learnerId = learner.id;

    // Every action, through the routes that record it.
    await admin.get('/admin/users');
    await admin.get('/admin/users?q=zainab');
    await admin.post(`/admin/users/${learner.id}/role`, { role: 'trainer' });
    await admin.post(`/admin/users/${learner.id}/role`, { role: 'learner' });
    await admin.get('/admin/scorm');
    const zip = await buildGolf12(dir, 'golf-audit.zip');
    expect((await uploadPackage(ctx, admin, zip, { slug: 'audit-golf' })).statusCode).toBe(200);
    expect((await uploadPackage(ctx, admin, zip, { slug: 'audit-golf' })).statusCode).toBe(200);
    const { id: courseId } = await ctx.database.db
      .selectFrom('courses')
      .select('id')
      .where('slug', '=', 'example-course')
      .executeTakeFirstOrThrow();
    const cohortId = await createCohort(ctx.database.db, {
      name: 'Field team',
      ownerId: trainerUser.id,
      courseIds: [courseId],
      startsOn: null,
      dueOn: null,
    });
    await addMembers(ctx.database.db, cohortId, [learner.id]);
    for (const path of [
      '',
      '/learners',
      '/learners.csv',
      `/learners/${learner.id}`,
      '/items',
      '/items.csv',
      '/print',
    ])
      expect((await trainer.get(`/trainer/cohorts/${cohortId}${path}`)).statusCode, path).toBe(200);
    // An action from an older version of the code, and one by an account since deleted.
    await ctx.database.db
      .insertInto('audit_log')
      .values({ actor_id: null, action: 'legacy.thing', detail: JSON.stringify({ a: 1 }) })
      .execute();
    await sql`update audit_log set created_at = '2025-03-03T12:05:00Z'`.execute(ctx.database.db);
  });
  afterAll(async () => {
    await ctx?.close();
    await removeDir(dir);
  });

  it('says in a sentence who did what to whose data, and keeps the raw details in a disclosure', async () => {
    const body = await page('en', 'en-GB,en;q=0.9');
    const sentences = entries(body).map((entry) => entry.readable);
    const expected = [
      'A deleted account did “legacy.thing”.',
      'Tariq Trainer opened the printable report of the cohort Field team (course: Example course for tests).',
      'Tariq Trainer downloaded the question analysis of the cohort Field team as a spreadsheet (course: Example course for tests).',
      'Tariq Trainer viewed the question analysis of the cohort Field team (course: Example course for tests).',
      'Tariq Trainer viewed the detailed results of Zainab Haddad in the cohort Field team (course: Example course for tests).',
      'Tariq Trainer downloaded the results of the learners in the cohort Field team as a spreadsheet (course: Example course for tests).',
      'Tariq Trainer viewed the results of the learners in the cohort Field team (course: Example course for tests).',
      'Tariq Trainer viewed the dashboard of the cohort Field team (course: Example course for tests).',
      'Ada Admin imported the SCORM package golf-audit.zip again; Golf Explained - Run-time Basic Calls already had this exact file, so nothing changed.',
      'Ada Admin imported the SCORM package golf-audit.zip as a new course: Golf Explained - Run-time Basic Calls.',
      'Ada Admin changed the role of Zainab Haddad to Learner.',
      'Ada Admin changed the role of Zainab Haddad to Trainer.',
      'Ada Admin searched the users by name or email (page 1).',
      'Ada Admin looked at the list of users (page 1).',
    ];
    for (const [index, sentence] of expected.entries())
      expect(sentences[index], sentence).toContain(`<p>${sentence}</p>`);
    for (const entry of entries(body)) {
      // The time in the admin's own format (en-GB: day first, month spelt out, 24-hour clock).
      expect(entry.readable).toMatch(
        /<time datetime="2025-03-03T12:05:00\.000Z">3 March 2025 at \d\d:\d\d [^<]+<\/time>/,
      );
      // No JSON, action code or email outside the disclosure.
      expect(entry.readable).not.toMatch(/[{}]|&quot;|report\.|@example\.org/);
      expect(entry.technical).toContain('<summary>Technical details</summary>');
    }
    const drillDown = entries(body)[4]!.technical;
    expect(drillDown).toContain('<code>report.learner</code>');
    expect(drillDown).toMatch(/<dd dir="ltr">learner\d+-\d+@example\.org<\/dd>/);
    expect(drillDown).toContain(`&quot;subjectUserId&quot;: ${learnerId}`);
    // An American admin reads the month first.
    expect(await page('en', 'en-US')).toContain('March 3, 2025 at');
  });

  it('reads in French, Spanish and Arabic, with their dates', async () => {
    const french = await page('fr');
    expect(french).toContain(
      'Tariq Trainer a consulté le détail des résultats de Zainab Haddad dans le groupe Field team (cours\u00a0: Cours d&#39;exemple pour les tests).',
    );
    expect(french).toContain('Ada Admin a attribué le rôle Formateur·rice à Zainab Haddad.');
    expect(french).toMatch(/>3 mars 2025 à \d\d:\d\d/);
    const spanish = await page('es');
    expect(spanish).toContain(
      'Tariq Trainer descargó los resultados de los participantes del grupo Field team como hoja de cálculo',
    );
    expect(spanish).toMatch(/>3 de marzo de 2025/);
    const arabic = await page('ar');
    expect(arabic).toContain('غيّر Ada Admin دور Zainab Haddad إلى مدرّب.');
    expect(arabic).toContain('اطّلع Tariq Trainer على النتائج التفصيلية للمتعلّم Zainab Haddad');
    expect(arabic).toMatch(/>(3|٣) مارس (2025|٢٠٢٥)/);
    expect(arabic).toContain('<summary>التفاصيل التقنية</summary>');
  });

  it('is for admins only', async () => {
    for (const role of ['learner', 'trainer'] as const) {
      const user = await makeUser(ctx, role);
      const browser = new TestBrowser(ctx.app);
      await browser.login(user.email, TEST_PASSWORD);
      const refused = await browser.get('/admin/audit');
      expect(refused.statusCode, role).toBe(403);
      expect(refused.body).not.toContain('Zainab Haddad');
    }
  });
});
