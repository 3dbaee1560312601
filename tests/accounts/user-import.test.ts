/**
 * Importing people from a CSV file: reading (BOM, comma or semicolon, quotes, line numbers), every
 * problem at its line and column, the preview that writes nothing, the confirmation, a second
 * import of the same file that changes nothing and says so, the upload limit, and who may do it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCohort, archiveCohort } from '../../src/cohorts/queries.js';
import { findUserByEmail } from '../../src/accounts/users.js';
import {
  IMPORT_ROW_LIMIT,
  parseUserCsv,
  type ImportProblem,
} from '../../src/accounts/user-import-csv.js';
import { IMPORT_FILE_LIMIT } from '../../src/accounts/user-import-files.js';
import { courseIdOf, makeUser, signIn } from '../helpers/app.js';
import type { TestBrowser } from '../helpers/client.js';
import { createTestAppWithInbox, type InboxTestContext } from '../helpers/smtp.js';
import { multipartBody } from '../scorm/integration.js';

const csv = (text: string) => Buffer.from(text, 'utf8');
const where = (problems: ImportProblem[]) =>
  problems.map((p) => `${p.line}:${p.column ?? '-'} ${p.code}`);

describe('reading a file', () => {
  it('reads UTF-8 with a BOM, semicolons, CRLF, quotes and blank lines, with the lines an editor shows', () => {
    const parsed = parseUserCsv(
      csv(
        '\uFEFFEmail;Name;Role;Language;Cohort\r\n' +
          'a@example.org;"Diallo; Amina";TRAINER;fr-CA;\r\n' +
          '\r\n' +
          'b@example.org;"Ramos\r\n"" Jorge";;es;k7qw-2m9p\r\n' +
          'c@example.org;=SUM(1);learner;;\r\n',
      ),
    );
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.delimiter).toBe(';');
    expect(
      parsed.rows.map((r) => [r.line, r.email, r.name, r.role, r.locale, r.cohortCode]),
    ).toEqual([
      [2, 'a@example.org', 'Diallo; Amina', 'trainer', 'fr', undefined],
      [4, 'b@example.org', 'Ramos\n" Jorge', undefined, 'es', 'K7QW2M9P'],
      [6, 'c@example.org', '=SUM(1)', 'learner', undefined, undefined],
    ]);
    // A line break in a name is a control character: refused, named at the row's first line.
    expect(where(parsed.rows[1]!.problems)).toEqual(['4:2 nameControl']);
    // Nothing is neutralised on the way in: a name is what the file says.
    expect(parsed.rows[2]!.problems).toEqual([]);
  });

  it('reads commas, columns in any order, and only email and name', () => {
    const parsed = parseUserCsv(csv('name,email\nAmina,amina@example.org\n'));
    expect(parsed.delimiter).toBe(',');
    expect(parsed.columns).toEqual({ name: 1, email: 2 });
    expect(parsed.rows[0]).toMatchObject({ email: 'amina@example.org', name: 'Amina' });
  });

  it('names every problem of a row with its line and column', () => {
    const parsed = parseUserCsv(
      csv(
        'email,name,role,language,cohort\n' +
          'bob@,Bob,learner,en,\n' +
          'ok@example.org,Ok,superuser,en,\n' +
          'lang@example.org,Lang,learner,de,\n' +
          'ok@example.org,Again,learner,en,\n' +
          ',No Email,,,\n' +
          'ctl@example.org,Tab\there,,,\n' +
          'extra@example.org,Extra,learner,en,,surplus\n' +
          `long@example.org,${'x'.repeat(121)},,,\n`,
      ),
    );
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows.flatMap((row) => where(row.problems))).toEqual([
      '2:1 email',
      '3:3 role',
      '4:4 language',
      '5:1 duplicate',
      '6:1 emailMissing',
      '7:2 nameControl',
      '8:6 extraValues',
      '9:2 nameTooLong',
    ]);
    expect(parsed.rows[3]!.problems[0]!.params).toEqual({ other: 3 });
  });

  it('refuses a file it cannot read, saying where', () => {
    expect(where(parseUserCsv(Buffer.from([0x65, 0x6d, 0xff, 0xfe, 0x0a])).fileProblems)).toEqual([
      '0:- notUtf8',
    ]);
    expect(where(parseUserCsv(csv('\n\n')).fileProblems)).toEqual(['1:- empty']);
    expect(where(parseUserCsv(csv('email,nom,role\n')).fileProblems)).toEqual([
      '1:2 unknownColumn',
      '1:- missingColumn',
    ]);
    expect(where(parseUserCsv(csv('email,name,email\n')).fileProblems)).toEqual([
      '1:3 repeatedColumn',
    ]);
    expect(
      where(
        parseUserCsv(csv('email,name\na@example.org,A\nb@example.org,"B\nc@example.org,C\n'))
          .fileProblems,
      ),
    ).toEqual(['3:- malformed']);
    const many = `email,name\n${Array.from({ length: IMPORT_ROW_LIMIT + 1 }, (_, i) => `p${i}@example.org,P\n`).join('')}`;
    expect(where(parseUserCsv(csv(many)).fileProblems)).toEqual([
      `${IMPORT_ROW_LIMIT + 2}:- tooManyRows`,
    ]);
  });
});

let ctx: InboxTestContext;
let admin: TestBrowser;
let adminEmail: string;
let joinCode: string;
let archivedCode: string;
let cohortId: number;

/** Sends the upload form as a browser does (multipart, the page's CSRF token unless told otherwise). */
async function upload(
  browser: TestBrowser,
  content: Buffer,
  options: { csrf?: string | null; filename?: string } = {},
): Promise<LightMyRequestResponse> {
  const csrf = options.csrf === undefined ? browser.csrfToken : options.csrf;
  const { payload, contentType } = multipartBody([
    ...(csrf === null ? [] : [{ name: '_csrf', value: csrf }]),
    { name: 'file', filename: options.filename ?? 'people.csv', data: content, type: 'text/csv' },
  ]);
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return ctx.app.inject({
    method: 'POST',
    url: '/admin/users/import',
    payload,
    headers: { 'content-type': contentType, cookie, accept: 'text/html' },
  });
}

/** Uploads and opens the preview page the upload leads to. */
async function preview(content: Buffer, filename = 'people.csv') {
  await admin.get('/admin/users/import');
  const uploaded = await upload(admin, content, { filename });
  expect(uploaded.statusCode).toBe(303);
  const location = String(uploaded.headers.location);
  const hash = /\/admin\/users\/import\/([0-9a-f]{64})\?/.exec(location)![1]!;
  return { page: await admin.get(location), hash, location };
}

const countUsers = async () =>
  Number(
    (
      await ctx.database.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  ctx = await createTestAppWithInbox();
  const { user: adminUser, browser } = await signIn(ctx, 'admin', { name: 'Ada Admin' });
  adminEmail = adminUser.email;
  admin = browser;
  const courseId = await courseIdOf(ctx);
  const cohort = (name: string) =>
    createCohort(ctx.database.db, {
      name,
      ownerId: adminUser.id,
      courseIds: [courseId],
      startsOn: null,
      dueOn: null,
    });
  cohortId = await cohort('Field team');
  const archivedId = await cohort('Old team');
  await archiveCohort(ctx.database.db, archivedId);
  const codes = await ctx.database.db.selectFrom('cohorts').select(['id', 'join_code']).execute();
  joinCode = codes.find((c) => c.id === cohortId)!.join_code;
  archivedCode = codes.find((c) => c.id === archivedId)!.join_code;
  await makeUser(ctx, 'learner', {
    name: 'Omar Old Name',
    email: 'omar@example.org',
    locale: 'ar',
  });
  await makeUser(ctx, 'trainer', { name: 'Tess Same', email: 'tess@example.org', locale: 'fr' });
});
afterAll(async () => ctx?.close());

describe('importing people', () => {
  const file = () =>
    csv(
      '\uFEFFemail;name;role;language;cohort\n' +
        `new.one@example.org;Nadia New;;;${joinCode}\n` +
        'new.two@example.org;Nabil Nouveau;trainer;fr;\n' +
        'Omar@Example.org;Omar Haddad;;;\n' +
        'tess@example.org;Tess Same;trainer;fr;\n' +
        'broken@;Broken;;;\n' +
        'new.one@example.org;Nadia Twice;;;\n' +
        `late@example.org;Late;;;${archivedCode}\n` +
        'nobody@example.org;Nobody;;;NOPE2345\n' +
        'noname@example.org;;learner;en;\n' +
        'x@example.org;X;admin;de;\n',
    );

  it('previews every row and every problem, and writes nothing', async () => {
    const before = await countUsers();
    const { page, hash } = await preview(file());
    expect(page.statusCode).toBe(200);
    expect(await countUsers()).toBe(before);
    // The file waits under DATA_DIR by its hash, for a confirmation without JavaScript.
    expect(existsSync(join(ctx.config.dataDir, 'imports', `${hash}.csv`))).toBe(true);
    const body = page.body;
    expect(body).toContain('Preview of people.csv');
    expect(body).toContain('Nothing has been saved yet.');
    expect(body).toContain('2 people to create and invite');
    expect(body).toContain('1 person to update');
    expect(body).toContain('1 person already up to date');
    expect(body).toContain('6 rows skipped because of problems');
    expect(body).toContain(
      '<strong>Line 6, column 1 (email)</strong>: “broken@” is not an email address.',
    );
    expect(body).toContain(
      '<strong>Line 7, column 1 (email)</strong>: This address is already on line 2: only that first row is imported.',
    );
    expect(body).toContain(
      `<strong>Line 8, column 5 (cohort)</strong>: The cohort with the join code “${archivedCode}” is archived.`,
    );
    expect(body).toContain(
      '<strong>Line 9, column 5 (cohort)</strong>: No cohort has the join code “NOPE2345”.',
    );
    expect(body).toContain(
      '<strong>Line 10, column 2 (name)</strong>: A name is needed to create an account.',
    );
    expect(body).toContain(
      '<strong>Line 11, column 4 (language)</strong>: “de” is not a language Lantern offers. Use one of: en, fr, es, ar.',
    );
    // Each row, with what will happen.
    expect(body).toContain('Update: name');
    expect(body).toContain('Create and invite');
    expect(body).toContain('Unchanged');
    expect(body).toContain(`action="/admin/users/import/${hash}/confirm"`);
    // The same page again (a reload, or coming back without JavaScript).
    expect((await admin.get(`/admin/users/import/${hash}`)).statusCode).toBe(200);
  });

  it('confirms: creates and invites, updates, adds to the cohort, then says what it did', async () => {
    const { hash } = await preview(file());
    const confirmed = await admin.post(`/admin/users/import/${hash}/confirm`, {
      file: 'people.csv',
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('2 created, 1 updated, 1 unchanged.');
    expect(confirmed.body).toContain('6 rows were skipped because of problems.');
    expect(confirmed.body).toContain('1 person was added to a cohort.');

    const nadia = (await findUserByEmail(ctx.database.db, 'new.one@example.org'))!;
    expect(nadia).toMatchObject({ name: 'Nadia New', role: 'learner', locale: 'en' });
    expect(nadia.invited_at).not.toBeNull();
    const nabil = (await findUserByEmail(ctx.database.db, 'new.two@example.org'))!;
    expect(nabil).toMatchObject({ role: 'trainer', locale: 'fr' });
    // An existing person keeps what the file leaves empty.
    expect(await findUserByEmail(ctx.database.db, 'omar@example.org')).toMatchObject({
      name: 'Omar Haddad',
      role: 'learner',
      locale: 'ar',
    });
    const members = await ctx.database.db
      .selectFrom('cohort_members')
      .select('user_id')
      .where('cohort_id', '=', cohortId)
      .execute();
    expect(members.map((m) => m.user_id)).toEqual([nadia.id]);
    const enrolments = await ctx.database.db
      .selectFrom('enrolments')
      .select('user_id')
      .where('user_id', '=', nadia.id)
      .execute();
    expect(enrolments).toHaveLength(1);
    expect(await findUserByEmail(ctx.database.db, 'noname@example.org')).toBeUndefined();

    // Invitations go through the outbox, in each person's language.
    await ctx.app.mail.deliverDue();
    const invitation = await ctx.inbox.waitFor('new.two@example.org', /compte Lantern est prêt/);
    expect(invitation.text).toMatch(/https:\/\/learn\.example\.org\/invitation\/[A-Za-z0-9_-]{43}/);
    await ctx.inbox.waitFor('new.one@example.org', /Your Lantern account is ready/);

    const audit = await admin.get('/admin/audit');
    expect(audit.body).toContain(
      'imported people from \u2068people.csv\u2069: 2 created, 1 updated, 1 unchanged.',
    );
  });

  it('changes nothing when the same file is imported again, and says so', async () => {
    const outboxBefore = await ctx.database.db.selectFrom('outbox').select('id').execute();
    const { page, hash } = await preview(file());
    expect(page.body).toContain('0 people to create and invite');
    expect(page.body).toContain('Nothing to change: every row already matches what Lantern holds.');
    // Nothing to confirm; the address still answers, and changes nothing.
    expect(page.body).not.toContain('Confirm the import');
    const again = await admin.post(`/admin/users/import/${hash}/confirm`, { file: 'people.csv' });
    expect(again.body).toContain('0 created, 0 updated, 4 unchanged.');
    expect(again.body).toContain(
      'Nothing changed: everything in this file was already in Lantern.',
    );
    expect(await ctx.database.db.selectFrom('outbox').select('id').execute()).toHaveLength(
      outboxBefore.length,
    );
  });

  it('logs each role a file changes, as a role change on the list is', async () => {
    const person = await makeUser(ctx, 'learner', { name: 'Rola Promoted' });
    const { hash } = await preview(csv(`email,name,role\n${person.email},Rola Promoted,trainer\n`));
    await admin.post(`/admin/users/import/${hash}/confirm`, { file: 'roles.csv' });
    const logged = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_user_id', 'detail'])
      .where('subject_user_id', '=', person.id)
      .execute();
    expect(logged).toEqual([
      {
        action: 'users.role',
        subject_user_id: person.id,
        detail: { role: 'trainer', subjectUserId: person.id, import: true },
      },
    ]);
  });

  it('does not let an admin change their own role by import', async () => {
    const { page } = await preview(csv(`email,name,role\n${adminEmail},Ada Admin,learner\n`));
    expect(page.body).toContain(
      '<strong>Line 2, column 3 (role)</strong>: This is your own account: an import does not change your own role.',
    );
    expect(page.body).not.toContain('Confirm the import');
  });

  it('shows the problems of an unreadable file with the upload form', async () => {
    const { page } = await preview(csv('mail,name\nx@example.org,X\n'), 'bad.csv');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This file cannot be imported as it is.');
    expect(page.body).toContain(
      '<strong>Line 1, column 1</strong>: The first line names a column Lantern does not know: “mail”.',
    );
    expect(page.body).toContain('<strong>Line 1</strong>: The first line has no “email” column.');
    expect(page.body).toContain('name="file" type="file"');
  });

  it('refuses an unknown hash', async () => {
    const unknown = await admin.get(`/admin/users/import/${'0'.repeat(64)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('This import is no longer available');
    expect((await admin.get('/admin/users/import/..%2F..%2Fsession-secret')).statusCode).toBe(404);
    await admin.get('/admin/users/import');
    const confirm = await admin.post(`/admin/users/import/${'a'.repeat(64)}/confirm`, {});
    expect(confirm.statusCode).toBe(404);
  });

  it('refuses a file over 5 MB with a clear message, and asks for a file when none was chosen', async () => {
    await admin.get('/admin/users/import');
    const big = Buffer.alloc(IMPORT_FILE_LIMIT + 1024 * 1024, 'a');
    const response = await upload(admin, big);
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('This file is larger than 5 MB.');
    expect(response.body).toContain('name="file" type="file"');

    // Just over the limit, under what the announced size check lets through: the parser stops it.
    await admin.get('/admin/users/import');
    const over = await upload(admin, Buffer.alloc(IMPORT_FILE_LIMIT + 10, 'a'));
    expect(over.statusCode).toBe(413);
    expect(over.body).toContain('This file is larger than 5 MB.');

    await admin.get('/admin/users/import');
    const { payload, contentType } = multipartBody([{ name: '_csrf', value: admin.csrfToken }]);
    const cookie = [...admin.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const none = await ctx.app.inject({
      method: 'POST',
      url: '/admin/users/import',
      payload,
      headers: { 'content-type': contentType, cookie, accept: 'text/html' },
    });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Please choose a CSV file to upload.');
  });
});

describe('who may import', () => {
  for (const role of ['learner', 'trainer'] as const) {
    it(`refuses a ${role} with 403 on every import route`, async () => {
      const { browser } = await signIn(ctx, role);
      await browser.get('/account');
      expect((await browser.get('/admin/users/import')).statusCode).toBe(403);
      const uploaded = await upload(browser, csv(`email,name\nsneaky-${role}@example.org,S\n`));
      expect(uploaded.statusCode).toBe(403);
      const { hash } = await preview(csv(`email,name\nsneaky2-${role}@example.org,S\n`));
      expect((await browser.get(`/admin/users/import/${hash}`)).statusCode).toBe(403);
      expect((await browser.post(`/admin/users/import/${hash}/confirm`, {})).statusCode).toBe(403);
      expect(await findUserByEmail(ctx.database.db, `sneaky2-${role}@example.org`)).toBeUndefined();
    });
  }

  it('refuses an upload or a confirmation without the CSRF token', async () => {
    await admin.get('/admin/users/import');
    const uploaded = await upload(admin, csv('email,name\ncsrf@example.org,C\n'), { csrf: null });
    expect(uploaded.statusCode).toBe(403);
    const { hash } = await preview(csv('email,name\ncsrf2@example.org,C\n'));
    const confirm = await admin.post(`/admin/users/import/${hash}/confirm`, { _csrf: null });
    expect(confirm.statusCode).toBe(403);
    expect(await findUserByEmail(ctx.database.db, 'csrf2@example.org')).toBeUndefined();
  });
});
