/**
 * What Lantern holds about one person, read for "Download my data" (personal-data.ts shapes it
 * into the document): their account, then every row about them, in a fixed number of queries
 * whatever the amount of data. Secrets are left out: the password hash, token hashes and the
 * bodies of emails (which may carry a live link).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** The person's account and every row about them, or undefined when there is no such account. */
export async function readPersonalRows(db: Kysely<Database>, userId: number) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) return undefined;
  const rows = await allAtOnce({
    enrolments: db
      .selectFrom('enrolments as e')
      .innerJoin('courses as c', 'c.id', 'e.course_id')
      .leftJoin('course_items as last', 'last.id', 'e.last_item_id')
      .select([
        'c.slug',
        'c.title',
        'e.status',
        'e.progress_percent',
        'e.enrolled_at',
        'e.last_activity_at',
        'e.completed_at',
        'e.time_spent_seconds',
        'last.slug as last_item',
      ])
      .where('e.user_id', '=', userId)
      .orderBy('e.enrolled_at')
      .execute(),
    progress: db
      .selectFrom('item_progress as p')
      .innerJoin('course_items as i', 'i.id', 'p.item_id')
      .innerJoin('courses as c', 'c.id', 'p.course_id')
      .select([
        'c.slug as course',
        'i.slug as item',
        'i.kind',
        'i.title',
        'p.completed_at',
        'p.best_score',
        'p.passed',
        'p.attempts',
        'p.updated_at',
      ])
      .where('p.user_id', '=', userId)
      .orderBy('c.slug')
      .orderBy('i.position')
      .execute(),
    quizAttempts: db
      .selectFrom('quiz_attempts as a')
      .innerJoin('course_items as i', 'i.id', 'a.item_id')
      .innerJoin('courses as c', 'c.id', 'i.course_id')
      .select([
        'a.id',
        'c.slug as course',
        'i.slug as quiz',
        'i.title',
        'i.quiz as settings',
        'a.question_ids',
        'a.answers',
        'a.results',
        'a.started_at',
        'a.submitted_at',
        'a.score',
        'a.passed',
      ])
      .where('a.user_id', '=', userId)
      .orderBy('a.id')
      .execute(),
    certificates: db
      .selectFrom('certificates as cert')
      .innerJoin('courses as c', 'c.id', 'cert.course_id')
      .select([
        'cert.code',
        'c.slug as course',
        'cert.course_title',
        'cert.learner_name',
        'cert.issued_at',
      ])
      .where('cert.user_id', '=', userId)
      .orderBy('cert.issued_at')
      .execute(),
    scormAttempts: db
      .selectFrom('scorm_attempts as a')
      .innerJoin('courses as c', 'c.id', 'a.course_id')
      .innerJoin('course_items as i', 'i.id', 'a.item_id')
      .innerJoin('scorm_packages as p', 'p.id', 'a.package_id')
      .select([
        'a.id',
        'c.slug as course',
        'i.slug as sco',
        'i.title',
        'p.version_number',
        'p.scorm_version',
        'a.number',
        'a.launches',
        'a.completion_status',
        'a.success_status',
        'a.score_scaled',
        'a.score_raw',
        'a.total_time_seconds',
        'a.started_at',
        'a.updated_at',
        'a.cmi',
      ])
      .where('a.user_id', '=', userId)
      .orderBy('a.id')
      .execute(),
    interactions: db
      .selectFrom('scorm_interactions as x')
      .innerJoin('scorm_attempts as a', 'a.id', 'x.attempt_id')
      .select([
        'x.attempt_id',
        'x.interaction_id',
        'x.type',
        'x.learner_response',
        'x.correct_response',
        'x.result',
        'x.weighting',
        'x.latency',
        'x.description',
      ])
      .where('a.user_id', '=', userId)
      .orderBy('x.attempt_id')
      .orderBy('x.position')
      .execute(),
    objectives: db
      .selectFrom('scorm_objectives as o')
      .innerJoin('scorm_attempts as a', 'a.id', 'o.attempt_id')
      .select([
        'o.attempt_id',
        'o.objective_id',
        'o.success_status',
        'o.completion_status',
        'o.score_scaled',
      ])
      .where('a.user_id', '=', userId)
      .orderBy('o.attempt_id')
      .orderBy('o.position')
      .execute(),
    memberships: db
      .selectFrom('cohort_members as m')
      .innerJoin('cohorts as c', 'c.id', 'm.cohort_id')
      .select(['c.id', 'c.name', 'c.starts_on', 'c.due_on', 'c.archived_at', 'm.joined_at'])
      .where('m.user_id', '=', userId)
      .orderBy('m.joined_at')
      .execute(),
    invitations: db
      .selectFrom('cohort_invitations as i')
      .innerJoin('cohorts as c', 'c.id', 'i.cohort_id')
      .select(['c.id', 'c.name', 'i.created_at', 'i.answered_at', 'i.accepted'])
      .where('i.email', '=', user.email)
      .orderBy('i.created_at')
      .execute(),
    emails: db
      .selectFrom('outbox')
      .select(['kind', 'to_address', 'subject', 'created_at', 'sent_at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute(),
    sessions: db
      .selectFrom('sessions')
      .select(['created_at', 'expires_at'])
      .where('user_id', '=', userId)
      .where('expires_at', '>', sql<Date>`now()`)
      .orderBy('created_at')
      .execute(),
    offlineReceipts: db
      .selectFrom('offline_receipts')
      .select(['key', 'kind', 'done_at', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    audit: db
      .selectFrom('audit_log')
      .select(['id', 'action', 'actor_id', 'subject_user_id', 'detail', 'created_at'])
      .where((eb) => eb.or([eb('actor_id', '=', userId), eb('subject_user_id', '=', userId)]))
      .orderBy('id')
      .execute(),
  });
  return { user, ...rows };
}

/** Runs the queries at once; each result comes back under its query's name. */
async function allAtOnce<Queries extends Record<string, Promise<unknown>>>(
  queries: Queries,
): Promise<{ [Name in keyof Queries]: Awaited<Queries[Name]> }> {
  const names = Object.keys(queries);
  const results = await Promise.all(Object.values(queries));
  return Object.fromEntries(names.map((name, index) => [name, results[index]])) as {
    [Name in keyof Queries]: Awaited<Queries[Name]>;
  };
}
