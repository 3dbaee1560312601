import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../accounts/passwords.js';
import type { Database } from '../db/database.js';
import { newJoinCode } from '../cohorts/queries.js';

export const DEMO_PASSWORD = 'lantern demo password';
const FIRST = [
  'Amina',
  'Omar',
  'Fatima',
  'Jean',
  'Marie',
  'Carlos',
  'Lucía',
  'Nour',
  'Yusuf',
  'Grace',
  'Samuel',
  'Aisha',
  'Pierre',
  'Sofía',
  'Ibrahim',
  'Leila',
  'David',
  'Chloé',
  'Mateo',
  'Hana',
];
const LAST = [
  'Haddad',
  'Diallo',
  'Mensah',
  'García',
  'Dubois',
  'Okafor',
  'Rahman',
  'Silva',
  'Nkurunziza',
  'Khalil',
  'Moreau',
  'Torres',
  'Abdi',
  'Kamara',
  'Fernández',
  'Saleh',
  'Mbeki',
  'Laurent',
  'Castillo',
  'Yilmaz',
];

export type SeedReport = {
  learners: number;
  cohorts: number;
  enrolments: number;
  attempts: number;
  scormAttempts: number;
  seconds: number;
};

/**
 * Synthetic but plausible data for demos, reports and benchmarks, written set-based (one
 * statement per table and batch), so 100,000 learners take minutes, not hours. Distributions are
 * skewed like real cohorts: many never start, some abandon, fewer finish; scores cluster high;
 * part of the cohorts are past their due date; wrong answers favour one tempting option.
 */
export async function seedDemo(
  db: Kysely<Database>,
  options: { learners: number; cohorts: number; batch?: number; log?: (line: string) => void },
): Promise<SeedReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const courses = await db
    .selectFrom('courses')
    .select('id')
    .where('published', '=', true)
    .execute();
  if (courses.length === 0)
    throw new Error('No course to enrol learners in: run courses:sync first.');
  const { n: existing } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', 'like', '%@demo.lantern.local')
    .executeTakeFirstOrThrow();
  const offset = Number(existing);

  // Trainers and cohorts: a third of them already past their due date.
  const cohortIds: number[] = [];
  for (let k = 0; k < options.cohorts; k += 1) {
    const trainer = await db
      .insertInto('users')
      .values({
        email: `trainer${offset + k}@demo.lantern.local`,
        name: `${FIRST[k % FIRST.length]} ${LAST[(k * 7) % LAST.length]} (trainer)`,
        password_hash: passwordHash,
        role: 'trainer',
        locale: 'en',
      })
      .onConflict((c) => c.column('email').doUpdateSet({ role: 'trainer' }))
      .returning('id')
      .executeTakeFirstOrThrow();
    const due = k % 3 === 0 ? sql<string>`current_date - 10` : sql<string>`current_date + 30`;
    const cohort = await db
      .insertInto('cohorts')
      .values({
        name: `Demo cohort ${offset + k + 1}`,
        owner_id: trainer.id,
        join_code: newJoinCode(),
        starts_on: sql<string>`current_date - 60`,
        due_on: due,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('cohort_courses')
      .values(courses.map((course) => ({ cohort_id: cohort.id, course_id: course.id })))
      .execute();
    cohortIds.push(cohort.id);
  }

  const batch = options.batch ?? 10_000;
  let enrolments = 0;
  let attempts = 0;
  let scormAttempts = 0;
  for (let from = 0; from < options.learners; from += batch) {
    const size = Math.min(batch, options.learners - from);
    const first = offset + from;
    await db.transaction().execute(async (trx) => {
      await sql`
        insert into users (email, name, password_hash, role, locale, created_at)
        select 'learner' || g || '@demo.lantern.local',
               (${sql.val(FIRST)}::text[])[1 + g % ${FIRST.length}] || ' ' || (${sql.val(LAST)}::text[])[1 + (g / ${FIRST.length}) % ${LAST.length}] || ' ' || g,
               ${passwordHash}, 'learner', (array['en','fr','es','ar'])[1 + (g * 7) % 4], now() - (random() * interval '90 days')
          from generate_series(${first}::int, ${first + size - 1}::int) g
        on conflict (email) do nothing`.execute(trx);
      const ids = sql`(select id, row_number() over (order by id) as n from users where email in (select 'learner' || g || '@demo.lantern.local' from generate_series(${first}::int, ${first + size - 1}::int) g))`;
      await sql`
        insert into cohort_members (cohort_id, user_id, joined_at)
        select (${sql.val(cohortIds)}::int[])[1 + (u.n % ${cohortIds.length})], u.id, now() - (random() * interval '60 days') from ${ids} u
        on conflict do nothing`.execute(trx);

      // One random draw per learner and course decides the story: 30% never start, 10% start and
      // stop, 35% in progress, 25% complete.
      const enrolled = await sql`
        insert into enrolments (user_id, course_id, status, progress_percent, enrolled_at, last_activity_at, completed_at, time_spent_seconds)
        select u.id, c.id,
               case when r >= 0.75 then 'completed' else 'active' end,
               case when r < 0.30 then 0 when r < 0.40 then (5 + r2 * 15)::int when r < 0.75 then (20 + r2 * 75)::int else 100 end,
               now() - interval '60 days',
               case when r < 0.30 then now() - interval '59 days' when r < 0.40 then now() - (20 + r2 * 30) * interval '1 day' else now() - r2 * interval '14 days' end,
               case when r >= 0.75 then now() - r2 * interval '40 days' end,
               case when r < 0.30 then 0 else (600 + r2 * 7200)::int end
          from (select id, random() as r, random() as r2 from ${ids} x) u
         cross join (select id from courses where published) c
        on conflict (user_id, course_id) do nothing`.execute(trx);
      enrolments += Number(enrolled.numAffectedRows ?? 0);

      // Final-quiz results: completed learners passed (scores skewed high), half of the others failed a try.
      await sql`
        insert into item_progress (user_id, item_id, course_id, best_score, passed, attempts, completed_at)
        select e.user_id, f.item_id, e.course_id, s.score, e.status = 'completed', 1 + (random() * 2)::int, case when e.status = 'completed' then e.completed_at end
          from enrolments e
          join (select distinct on (course_id) course_id, id as item_id from course_items where kind = 'quiz' and required and removed_at is null order by course_id, position desc) f on f.course_id = e.course_id
          cross join lateral (select case when e.status = 'completed' then 70 + (power(random(), 0.7) * 30)::int else (random() * 69)::int end as score) s
         where e.user_id in (select id from ${ids} y) and (e.status = 'completed' or (e.progress_percent > 40 and random() < 0.5))
        on conflict do nothing`.execute(trx);

      const inserted = await sql`
        insert into quiz_attempts (user_id, item_id, question_ids, answers, started_at, submitted_at, score, passed, results)
        select p.user_id, p.item_id,
               (select jsonb_agg(q->>'id') from jsonb_array_elements(i.quiz->'questions') q),
               '{}'::jsonb, p.updated_at - interval '20 minutes', p.updated_at, p.best_score, p.passed,
               (select jsonb_agg(jsonb_build_object(
                        'questionId', q->>'id',
                        'correct', ok,
                        'chosen', case when ok then (select coalesce(jsonb_agg(o->>'id'), '[]'::jsonb) from jsonb_array_elements(q->'options') o where (o->>'correct')::boolean)
                                       else jsonb_build_array((select o->>'id' from jsonb_array_elements(q->'options') with ordinality as w(o, k)
                                                                where not coalesce((o->>'correct')::boolean, false)
                                                                order by case when k = (select min(k2) from jsonb_array_elements(q->'options') with ordinality as w2(o2, k2) where not coalesce((o2->>'correct')::boolean, false)) then random() * 0.4 else random() end
                                                                limit 1)) end))
                  from (select q, random() * 100 < p.best_score as ok from jsonb_array_elements(i.quiz->'questions') q) s)
          from item_progress p join course_items i on i.id = p.item_id
         where p.user_id in (select id from ${ids} z) and p.best_score is not null`.execute(trx);
      attempts += Number(inserted.numAffectedRows ?? 0);

      // SCORM courses (if any were imported): an attempt per SCO for everyone who started, with
      // three interactions whose correctness follows the score, and the SCO's item progress.
      const scorm = await sql`
        insert into scorm_attempts (user_id, course_id, item_id, package_id, number, launches, seq, completion_status, success_status, score_scaled, score_raw, total_time_seconds, started_at, updated_at)
        select e.user_id, e.course_id, i.id, s.package_id, 1, 1, 1000001,
               case when e.status = 'completed' then 'completed' else 'incomplete' end,
               case when e.status = 'completed' then 'passed' when x.sc < 20 then 'failed' else 'unknown' end,
               x.sc / 100.0, x.sc, (300 + random() * 3000)::int, e.enrolled_at, e.last_activity_at
          from enrolments e
          join scorm_courses s on s.course_id = e.course_id
          join course_items i on i.course_id = e.course_id and i.kind = 'sco' and i.removed_at is null
          cross join lateral (select case when e.status = 'completed' then 70 + (power(random(), 0.7) * 30)::int else (random() * 69)::int end as sc) x
         where e.user_id in (select id from ${ids} v) and e.progress_percent > 0
        on conflict do nothing`.execute(trx);
      scormAttempts += Number(scorm.numAffectedRows ?? 0);
      await sql`
        insert into scorm_interactions (attempt_id, position, course_id, item_id, interaction_id, type, learner_response, correct_response, result, weighting, latency, description)
        select a.id, a.n - 1, a.course_id, a.item_id, 'q' || a.n, 'choice', case when a.ok then 'a' else (array['b', 'c', 'd'])[1 + floor(power(random(), 2) * 3)::int] end, 'a',
               case when a.ok then 'correct' else 'incorrect' end, 1, 'PT20S', 'Question ' || a.n
          from (select a.id, a.course_id, a.item_id, q.n, random() * 100 < coalesce(a.score_raw, 50) as ok
                  from scorm_attempts a cross join generate_series(1, 3) q(n)
                 where a.user_id in (select id from ${ids} v)) a
        on conflict do nothing`.execute(trx);
      await sql`
        insert into item_progress (user_id, item_id, course_id, best_score, passed, attempts, completed_at)
        select a.user_id, a.item_id, a.course_id, a.score_raw::int, a.success_status = 'passed', 1,
               case when a.success_status = 'passed' or (a.completion_status = 'completed' and a.success_status <> 'failed') then a.updated_at end
          from scorm_attempts a
         where a.user_id in (select id from ${ids} v)
        on conflict do nothing`.execute(trx);

      await sql`
        insert into certificates (code, user_id, course_id, learner_name, course_title, issued_at)
        select translate(upper(substr(m, 1, 4) || '-' || substr(m, 5, 4) || '-' || substr(m, 9, 4)), '01', '23'), e.user_id, e.course_id, u.name, c.title, e.completed_at
          from enrolments e join users u on u.id = e.user_id join courses c on c.id = e.course_id and c.certificate
          cross join lateral (select md5(random()::text || e.id::text) as m) h
         where e.status = 'completed' and e.user_id in (select id from ${ids} w)
        on conflict do nothing`.execute(trx);
    });
    log(`  ${Math.min(from + batch, options.learners)} / ${options.learners} learners`);
  }
  await sql`analyze`.execute(db);
  return {
    learners: options.learners,
    cohorts: cohortIds.length,
    enrolments,
    attempts,
    scormAttempts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
