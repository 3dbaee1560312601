import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** A member of this cohort, or undefined: a trainer never sees a learner outside their cohorts. */
export function findCohortMember(db: Kysely<Database>, cohortId: number, userId: number) {
  return db
    .selectFrom('cohort_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'm.joined_at'])
    .where('m.cohort_id', '=', cohortId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
}

export const AUDIT_PAGE_SIZE = 100;

/** One page of the audit log, newest first, starting below the entry `before` when given. */
export function auditLogPage(db: Kysely<Database>, before: number | undefined) {
  const newest = db
    .selectFrom('audit_log as a')
    .leftJoin('users as actor', 'actor.id', 'a.actor_id')
    .leftJoin('users as subject', 'subject.id', 'a.subject_user_id')
    .select([
      'a.id',
      'a.action',
      'a.detail',
      'a.created_at',
      'actor.name as actor_name',
      'actor.email as actor_email',
      'subject.name as subject_name',
    ])
    .orderBy('a.id', 'desc')
    .limit(AUDIT_PAGE_SIZE);
  return (before === undefined ? newest : newest.where('a.id', '<', before)).execute();
}
