import { sql, type Kysely } from 'kysely';
import type { Database, LocalizedText } from '../db/database.js';

export const AUDIT_PAGE_SIZE = 100;

/** A number in an entry's details, or null (entries are JSON written by many versions of the code). */
const detailNumber = (key: string) =>
  sql<
    number | null
  >`case when jsonb_typeof(a.detail -> ${key}) = 'number' then (a.detail ->> ${key})::int end`;

/**
 * One page of the audit log, newest first, starting below the entry `before` when given, with the
 * names its sentence needs: the actor, the person whose data it was, the cohort and the course.
 */
export function auditLogPage(db: Kysely<Database>, before: number | undefined) {
  const newest = db
    .selectFrom('audit_log as a')
    .leftJoin('users as actor', 'actor.id', 'a.actor_id')
    .leftJoin('users as subject', 'subject.id', 'a.subject_user_id')
    .leftJoin('cohorts as cohort', (join) => join.on('cohort.id', '=', detailNumber('cohortId')))
    // A report names its course by id, an import by the slug it wrote.
    .leftJoin('courses as course_by_id', (join) =>
      join.on('course_by_id.id', '=', detailNumber('courseId')),
    )
    .leftJoin('courses as course_by_slug', (join) =>
      join.on('course_by_slug.slug', '=', sql<string>`a.detail ->> 'course'`),
    )
    .select([
      'a.id',
      'a.action',
      'a.detail',
      'a.created_at',
      'a.actor_id',
      'a.subject_user_id',
      'actor.name as actor_name',
      'actor.email as actor_email',
      'subject.name as subject_name',
      'subject.email as subject_email',
      'cohort.name as cohort_name',
      sql<LocalizedText | null>`coalesce(course_by_id.title, course_by_slug.title)`.as(
        'course_title',
      ),
    ])
    .orderBy('a.id', 'desc')
    .limit(AUDIT_PAGE_SIZE);
  return (before === undefined ? newest : newest.where('a.id', '<', before)).execute();
}

export type AuditRow = Awaited<ReturnType<typeof auditLogPage>>[number];
