/**
 * Trainer reminders from the learner table: the preview in each learner's language with who will
 * not get it and why, the personal line (escaped, at most 500 characters, kept on errors), the
 * messages that arrive at a real SMTP server, one reminder per learner per day even when two
 * people send at once, the audit sentence, and who is refused.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Locale } from '../../src/db/database.js';
import { courseIdOf, makeUser, signIn } from '../helpers/app.js';
import { TestBrowser } from '../helpers/client.js';
import { createCohortAs, joinCohort } from '../helpers/cohorts.js';
import { createTestAppWithInbox, type InboxTestContext } from '../helpers/smtp.js';
import { textOf } from './html.js';

let ctx: InboxTestContext;
let trainer: TestBrowser;
let cohortId: number;
let courseId: number;
let code: string;
const people: Record<string, { id: number; email: string; browser: TestBrowser }> = {};

async function member(key: string, name: string, locale: Locale = 'en') {
  const { user, browser } = await signIn(ctx, 'learner', { name, locale });
  await joinCohort(browser, code);
  people[key] = { id: user.id, email: user.email, browser };
  return people[key];
}

/** Posts a form whose fields may repeat (several ticked checkboxes), as a browser does. */
async function postForm(
  browser: TestBrowser,
  url: string,
  fields: Array<[string, string]>,
): Promise<LightMyRequestResponse> {
  const response = await ctx.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams([['_csrf', browser.csrfToken], ...fields]).toString(),
    headers: {
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    },
  });
  for (const set of response.cookies as Array<{ name: string; value: string }>)
    if (set.value) browser.cookies.set(set.name, set.value);
    else browser.cookies.delete(set.name);
  return response;
}

const sorted = (numbers: Array<number | null>) => [...numbers].sort((a, b) => a! - b!);
const ids = (...keys: string[]): Array<[string, string]> =>
  keys.map((key) => ['learners', String(people[key]!.id)]);
const preview = (browser: TestBrowser, fields: Array<[string, string]>) =>
  postForm(browser, `/trainer/cohorts/${cohortId}/reminders/preview`, [
    ['course', String(courseId)],
    ...fields,
  ]);
const confirm = (browser: TestBrowser, fields: Array<[string, string]>) =>
  postForm(browser, `/trainer/cohorts/${cohortId}/reminders`, [
    ['course', String(courseId)],
    ...fields,
  ]);
const reminders = (userId?: number) =>
  ctx.database.db
    .selectFrom('outbox')
    .selectAll()
    .where('kind', '=', 'reminder')
    .$if(userId !== undefined, (qb) => qb.where('user_id', '=', userId!))
    .execute();
/** Makes every reminder queued so far look older than a day (created_at is never updated by the app). */
const ageReminders = () =>
  sql`update outbox set created_at = now() - interval '25 hours' where kind = 'reminder'`.execute(
    ctx.database.db,
  );

beforeAll(async () => {
  ctx = await createTestAppWithInbox();
  trainer = (await signIn(ctx, 'trainer', { name: 'Tariq Trainer' })).browser;
  courseId = await courseIdOf(ctx);
  ({ id: cohortId, code } = await createCohortAs(ctx, trainer, { name: 'Field team', courseId }));

  await member('eve', 'Eve English');
  await member('amira', 'أميرة العلي', 'ar');
  await member('dina', 'Dina Done');
  await member('otto', 'Otto Off');
  await member('dee', 'Dee Deactivated');
  await member('erin', 'Erin Erased');
  await member('fleur', 'Fleur Française', 'fr');
  await people.eve!.browser.post('/courses/example-course/lessons/welcome/complete');
  const db = ctx.database.db;
  await db
    .updateTable('enrolments')
    .set({ status: 'completed', progress_percent: 100, completed_at: new Date() })
    .where('user_id', '=', people.dina!.id)
    .execute();
  await db
    .updateTable('users')
    .set({ reminders_enabled: false })
    .where('id', '=', people.otto!.id)
    .execute();
  await db
    .updateTable('users')
    .set({ deactivated_at: new Date() })
    .where('id', '=', people.dee!.id)
    .execute();
  await db
    .updateTable('users')
    .set({ erased_at: new Date(), name: 'Erased person 1' })
    .where('id', '=', people.erin!.id)
    .execute();
  await trainer.get(`/trainer/cohorts/${cohortId}/learners`);
});
afterAll(async () => ctx?.close());

describe('the learner table', () => {
  it('has a checkbox per learner and the reminder form; the printed report has neither', async () => {
    const page = await trainer.get(`/trainer/cohorts/${cohortId}/learners`);
    expect(page.body).toContain(
      `<form method="post" action="/trainer/cohorts/${cohortId}/reminders/preview" id="reminder-form">`,
    );
    expect(page.body).toContain(
      `<input type="checkbox" name="learners" value="${people.eve!.id}" form="reminder-form" aria-label="Select Eve English">`,
    );
    expect(page.body).toMatch(/<button type="submit" name="audience" value="unfinished"/);
    // The table's cells read as before: the checkbox is labelled, not worded.
    expect(page.body.match(/form="reminder-form"/g)).toHaveLength(6);
    const print = await trainer.get(`/trainer/cohorts/${cohortId}/print`);
    expect(print.body).not.toContain('reminder-form');
  });
});

describe('the preview', () => {
  it('shows the message per language group and who will not get it, and why', async () => {
    const page = await preview(trainer, [
      ['audience', 'selected'],
      ...ids('eve', 'amira', 'dina', 'otto', 'dee', 'erin'),
    ]);
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain(
      'To the 6 learners you selected, about the course “Example course for tests”.',
    );
    expect(text).toContain('2 learners will receive this reminder.');
    expect(text).toContain('In English: 1 learner Eve English');
    expect(text).toContain('In Arabic: 1 learner أميرة العلي');
    // The message as each group reads it, in its language and direction.
    expect(page.body).toMatch(
      /<dd lang="en" dir="ltr">Your course is waiting for you on Lantern<\/dd>/,
    );
    expect(page.body).toMatch(/<dd lang="ar" dir="rtl">دورتك في انتظارك على Lantern<\/dd>/);
    expect(text).toContain(
      'Tariq Trainer reminds you of your course “Example course for tests”. You have done 25% of it.',
    );
    expect(text).toContain('يذكّرك Tariq Trainer بدورتك «دورة تجريبية للاختبارات». أنجزت منها 0٪.');
    expect(text).toContain('https://learn.example.org/courses/example-course/continue');
    expect(text).toContain('https://learn.example.org/account');
    // Who will not, by reason; an erased account is counted, never named.
    expect(text).toContain('Who will not receive it');
    expect(text).toContain('Already finished the course: 1 learner Dina Done');
    expect(text).toContain('Turned reminders off: 1 learner Otto Off');
    expect(text).toContain('Deactivated accounts: 1 learner Dee Deactivated');
    expect(text).toContain('Deleted accounts (erased at the person’s request): 1 learner');
    expect(text).not.toContain('Erased person');
    expect(page.body).toContain('Send the reminder to 2 learners');
    // Nothing is queued by a preview.
    expect(await reminders()).toEqual([]);
  });

  it('shows the personal line as text, in the trainer’s words, in every language group', async () => {
    const page = await preview(trainer, [
      ['audience', 'selected'],
      ...ids('eve', 'amira'),
      ['personal', 'Only <b>two</b> lessons left & the quiz!'],
    ]);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('A word from Tariq Trainer:');
    expect(page.body).toContain('كلمة من Tariq Trainer:');
    expect(page.body).toContain('Only &lt;b&gt;two&lt;/b&gt; lessons left &amp; the quiz!');
    expect(page.body).not.toContain('<b>two</b>');
    // Kept in the form, to be sent with the confirmation.
    expect(page.body).toMatch(
      /<textarea id="field-personal" name="personal"[^>]*>Only &lt;b&gt;two/,
    );
  });

  it('refuses a personal line over 500 characters, keeping what was typed, and sends nothing', async () => {
    const long = `${'Ä'.repeat(500)}!`;
    for (const send of [preview, confirm]) {
      const page = await send(trainer, [
        ['audience', 'selected'],
        ...ids('eve'),
        ['personal', long],
      ]);
      expect(page.statusCode).toBe(422);
      expect(page.body).toContain('Please correct the highlighted fields.');
      expect(page.body).toContain('Please use at most 500 characters.');
      expect(page.body).toContain(`>${long}</textarea>`);
      expect(page.body).toContain('aria-invalid="true"');
    }
    // Exactly 500 (letters, not bytes) is fine.
    const fits = await preview(trainer, [
      ['audience', 'selected'],
      ...ids('eve'),
      ['personal', 'Ä'.repeat(500)],
    ]);
    expect(fits.statusCode).toBe(200);
    expect(await reminders()).toEqual([]);
  });

  it('says what to do when nobody was selected, and ignores people outside the cohort', async () => {
    const none = await preview(trainer, [['audience', 'selected']]);
    expect(none.statusCode).toBe(422);
    expect(textOf(none.body)).toContain('No learner was selected.');
    const outsider = await makeUser(ctx, 'learner', { name: 'Oscar Outsider' });
    const page = await preview(trainer, [
      ['audience', 'selected'],
      ['learners', String(outsider.id)],
      ['learners', 'not-a-number'],
      ...ids('eve'),
    ]);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Oscar Outsider');
    expect(textOf(page.body)).toContain('1 learner will receive this reminder.');
  });

  it('“everyone who has not finished” takes every member who can be reminded', async () => {
    const page = await preview(trainer, [['audience', 'unfinished']]);
    const text = textOf(page.body);
    expect(text).toContain(
      'To everyone in the cohort who has not finished the course “Example course for tests”.',
    );
    expect(text).toContain('3 learners will receive this reminder.');
    expect(text).toContain('In French: 1 learner Fleur Française');
    expect(page.body).toMatch(/<dd lang="fr" dir="ltr">Votre cours vous attend sur Lantern<\/dd>/);
  });
});

describe('sending', () => {
  it('queues one message per learner in their language, says how many, and the emails arrive', async () => {
    const sent = await confirm(trainer, [
      ['audience', 'selected'],
      ...ids('eve', 'amira', 'dina', 'otto'),
      ['personal', 'Only <b>two</b> lessons left!'],
    ]);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/trainer/cohorts/${cohortId}/learners?course=${courseId}`);
    const table = await trainer.get(String(sent.headers.location));
    expect(textOf(table.body)).toContain(
      'Reminder sent to 2 learners. 2 others were not reminded: already reminded in the last 24 hours, reminders turned off, course finished or account closed.',
    );

    const queued = await reminders();
    expect(sorted(queued.map((row) => row.user_id))).toEqual(
      sorted([people.eve!.id, people.amira!.id]),
    );
    await ctx.app.mail.deliverDue();
    const english = await ctx.inbox.waitFor(people.eve!.email, /waiting for you/);
    expect(english.text).toContain('Hello Eve English,');
    expect(english.text).toContain('You have done 25% of it.');
    expect(english.text).toContain('A word from Tariq Trainer:\nOnly <b>two</b> lessons left!');
    expect(english.text).toContain(
      'Continue the course\nhttps://learn.example.org/courses/example-course/continue',
    );
    expect(english.text).toContain(
      'You can turn reminders off in your account settings:\nhttps://learn.example.org/account',
    );
    expect(english.html).toContain(
      'href="https://learn.example.org/courses/example-course/continue"',
    );
    expect(english.html).toContain('Only &lt;b&gt;two&lt;/b&gt; lessons left!');
    expect(english.html).not.toContain('<b>two</b>');
    const arabic = await ctx.inbox.waitFor(people.amira!.email, /دورتك/);
    expect(arabic.subject).toBe('دورتك في انتظارك على Lantern');
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.text).toContain('كلمة من Tariq Trainer:');
    expect(ctx.inbox.messages.filter((mail) => /Otto|Dina/.test(mail.text ?? ''))).toEqual([]);
  });

  it('sends at most one reminder per learner per day, whoever sends it', async () => {
    const again = await preview(trainer, [['audience', 'selected'], ...ids('eve', 'fleur')]);
    expect(textOf(again.body)).toContain(
      'Already reminded in the last 24 hours: 1 learner Eve English',
    );
    const { browser: adminBrowser } = await signIn(ctx, 'admin', { name: 'Ada Admin' });
    const sent = await confirm(adminBrowser, [['audience', 'selected'], ...ids('eve', 'fleur')]);
    expect(sent.statusCode).toBe(303);
    expect((await reminders(people.eve!.id)).length).toBe(1);
    expect((await reminders(people.fleur!.id)).length).toBe(1);
    const none = await confirm(trainer, [['audience', 'selected'], ...ids('eve')]);
    expect(none.statusCode).toBe(303);
    expect(textOf((await trainer.get(String(none.headers.location))).body)).toContain(
      'No reminder was sent: none of these learners can receive one now',
    );
    expect((await reminders(people.eve!.id)).length).toBe(1);
  });

  // On PGlite the three transactions take turns on its one connection; on PostgreSQL
  // (TEST_DATABASE_URL, as CI runs it) they really overlap, and without the row locks the
  // learners got two or three reminders each here.
  it('two people sending at the same moment still send one reminder per learner', async () => {
    await ageReminders();
    const { browser: adminBrowser } = await signIn(ctx, 'admin');
    const fields: Array<[string, string]> = [['audience', 'unfinished']];
    const answers = await Promise.all([
      confirm(trainer, fields),
      confirm(adminBrowser, fields),
      confirm(trainer, fields),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([303, 303, 303]);
    const recent = await ctx.database.db
      .selectFrom('outbox')
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', '=', 'reminder')
      .where('created_at', '>', new Date(Date.now() - 3600_000))
      .groupBy('user_id')
      .execute();
    expect(recent.map((row) => Number(row.n))).toEqual([1, 1, 1]);
    expect(sorted(recent.map((row) => row.user_id))).toEqual(
      sorted([people.eve!.id, people.amira!.id, people.fleur!.id]),
    );
  });

  it('is in the audit log: who sent a reminder to how many learners of which cohort', async () => {
    const entries = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail', 'actor_id'])
      .where('action', '=', 'reminders.send')
      .orderBy('id')
      .execute();
    expect(entries[0]!.detail).toMatchObject({
      cohortId,
      courseId,
      count: 2,
      audience: 'selected',
      personal: true,
    });
    expect(sorted(entries[0]!.detail.learners as number[])).toEqual(
      sorted([people.eve!.id, people.amira!.id]),
    );
    const { browser } = await signIn(ctx, 'admin');
    const page = textOf((await browser.get('/admin/audit')).body).replace(/[\u2068\u2069]/g, '');
    expect(page).toContain(
      'Tariq Trainer sent a reminder to 2 learners of the cohort Field team (course: Example course for tests).',
    );
  });
});

describe('who may send', () => {
  it('refuses learners and other trainers (403), and queues nothing for them', async () => {
    await ageReminders();
    const before = (await reminders()).length;
    const { browser: other } = await signIn(ctx, 'trainer');
    const learner = people.eve!.browser;
    await learner.get('/my-learning');
    for (const browser of [learner, other]) {
      for (const send of [preview, confirm]) {
        const answer = await send(browser, [['audience', 'selected'], ...ids('amira')]);
        expect(answer.statusCode).toBe(403);
        expect(answer.body).not.toContain('أميرة العلي');
      }
    }
    expect((await reminders()).length).toBe(before);
    // Signed out: the login page, not the preview.
    const anonymous = new TestBrowser(ctx.app);
    await anonymous.get('/login');
    const refused = await preview(anonymous, [['audience', 'unfinished']]);
    expect(refused.statusCode).not.toBe(200);
    expect(refused.body).not.toContain('أميرة العلي');
    // An unknown cohort is not found.
    const missing = await postForm(trainer, '/trainer/cohorts/999999/reminders/preview', [
      ['audience', 'unfinished'],
    ]);
    expect(missing.statusCode).toBe(404);
  });
});
