import type { Kysely, Transaction } from 'kysely';
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

/**
 * What the public verification page shows: name, course and date only; or, when the holder's
 * account was erased at their request, only that the certificate was withdrawn.
 */
export async function certificateByCode(db: Kysely<Database>, code: string) {
  const row = await db
    .selectFrom('certificates as cert')
    .innerJoin('users as u', 'u.id', 'cert.user_id')
    .select([
      'cert.code',
      'cert.learner_name',
      'cert.course_title',
      'cert.issued_at',
      'u.erased_at',
    ])
    .where('cert.code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  const { erased_at, ...certificate } = row;
  return erased_at
    ? { withdrawn: true as const, code: row.code }
    : { withdrawn: false as const, ...certificate };
}

/** An erased holder's certificates keep their code (so a check says "withdrawn"), not the name. */
export async function withdrawCertificates(
  db: Kysely<Database> | Transaction<Database>,
  userId: number,
  placeholderName: string,
): Promise<void> {
  await db
    .updateTable('certificates')
    .set({ learner_name: placeholderName })
    .where('user_id', '=', userId)
    .execute();
}
