import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { readableCode } from '../web/readable-code.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A verification code people can read out or type: 12 characters in three groups. */
export function newCertificateCode(): string {
  const chars = readableCode(12);
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Issues the certificate for a completed course if the course gives one; idempotent. */
export async function issueCertificate(trx: Db, userId: number, courseId: number): Promise<void> {
  await sql`
    insert into certificates (code, user_id, course_id, learner_name, course_title)
    select ${newCertificateCode()}, u.id, c.id, u.name, c.title
      from users u, courses c
     where u.id = ${userId} and c.id = ${courseId} and c.certificate
    on conflict (user_id, course_id) do nothing`.execute(trx);
}
