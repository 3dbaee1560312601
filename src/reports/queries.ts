import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** A member of this cohort, or undefined: a trainer never sees a learner outside their cohorts. */
export function findCohortMember(db: Kysely<Database>, cohortId: number, userId: number) {
  return db
    .selectFrom('cohort_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.erased_at', 'm.joined_at'])
    .where('m.cohort_id', '=', cohortId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
}
