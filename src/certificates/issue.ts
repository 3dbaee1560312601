import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { readableCode } from '../web/readable-code.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A verification code people can read out or type: 12 characters in three groups. */
export function newCertificateCode(): string {
  const chars = readableCode(12);
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/**
 * Issues the certificate for a completed course if the course gives one and the learner's email
 * address is confirmed (an unconfirmed learner gets it when they confirm: see
 * issuePendingCertificates); idempotent.
 */
export async function issueCertificate(
  trx: Db,
  userId: number,
  courseId: number,
  /** When the course was completed (offline work is dated when it was done); now by default. */
  issuedAt?: Date,
): Promise<void> {
  const at = issuedAt ? sql`${issuedAt}::timestamptz` : sql`now()`;
  await sql`
    insert into certificates (code, user_id, course_id, learner_name, course_title, issued_at)
    select ${newCertificateCode()}, u.id, c.id, u.name, c.title, ${at}
      from users u, courses c
     where u.id = ${userId} and c.id = ${courseId} and c.certificate
       and u.email_verified_at is not null
    on conflict (user_id, course_id) do nothing`.execute(trx);
}

/**
 * Issues the certificates a learner earned before confirming their address: every course they
 * completed that gives one, dated the day they completed it. Returns how many were issued.
 */
export async function issuePendingCertificates(trx: Db, userId: number): Promise<number> {
  const pending = await sql<{ course_id: number }>`
    select e.course_id
      from enrolments e
      join courses c on c.id = e.course_id and c.certificate
      join users u on u.id = e.user_id and u.email_verified_at is not null
     where e.user_id = ${userId} and e.completed_at is not null
       and not exists (select 1 from certificates cert
                        where cert.user_id = e.user_id and cert.course_id = e.course_id)`.execute(
    trx,
  );
  let issued = 0;
  for (const { course_id: courseId } of pending.rows) {
    const result = await sql`
      insert into certificates (code, user_id, course_id, learner_name, course_title, issued_at)
      select ${newCertificateCode()}, u.id, c.id, u.name, c.title, e.completed_at
        from enrolments e
        join users u on u.id = e.user_id
        join courses c on c.id = e.course_id
       where e.user_id = ${userId} and e.course_id = ${courseId}
      on conflict (user_id, course_id) do nothing`.execute(trx);
    issued += Number(result.numAffectedRows ?? 0);
  }
  return issued;
}
