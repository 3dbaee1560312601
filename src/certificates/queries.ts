import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** The certificate a learner earned in a course, with the course's slug for the file name. */
export function ownCertificate(db: Kysely<Database>, userId: number, courseSlug: string) {
  return db
    .selectFrom('certificates as cert')
    .innerJoin('courses as c', 'c.id', 'cert.course_id')
    .select(['cert.code', 'cert.learner_name', 'cert.course_title', 'cert.issued_at', 'c.slug'])
    .where('c.slug', '=', courseSlug)
    .where('cert.user_id', '=', userId)
    .executeTakeFirst();
}

/** What the public verification page shows: name, course and date only. */
export function certificateByCode(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('certificates')
    .select(['code', 'learner_name', 'course_title', 'issued_at'])
    .where('code', '=', code)
    .executeTakeFirst();
}
