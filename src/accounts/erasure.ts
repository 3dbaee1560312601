/**
 * "Delete my account": the person is erased, their learning is not. In one transaction the name
 * and email become a tombstone, the password can never match, and everything that could still
 * name or reach them goes (sessions, tokens, queued email, cohort invitations, the learner name
 * and id SCORM content stored in its CMI, the name on their certificates). Enrolments, progress,
 * quiz and SCORM results stay under the anonymous account, so every report keeps its counts.
 *
 * Erasure is the one place that writes other capabilities' rows: it must be a single transaction,
 * and it only ever removes or blanks what identifies the person.
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/record.js';
import { withdrawCertificates } from '../certificates/queries.js';
import type { Database } from '../db/database.js';
import { unusablePasswordHash } from './passwords.js';
import { isLastAdmin } from './users.js';

export const tombstoneName = (userId: number) => `Deleted account #${userId}`;
/** Not an address anyone can register: the form's email rule refuses the colon. */
export const tombstoneEmail = (userId: number) => `deleted:${userId}@invalid`;

export type Erasure =
  | { ok: true; endedSessions: string[] }
  | { ok: false; reason: 'not_found' | 'already_erased' | 'last_admin' };

/**
 * Erases a person. `actorId` is who asked (the person, or an admin), recorded in the audit log
 * with the erasure. Returns the ended sessions' ids, for the processes that trust snapshots.
 */
export async function eraseUser(
  db: Kysely<Database>,
  userId: number,
  actorId: number,
): Promise<Erasure> {
  // A hash of a password nobody ever knew: login spends its usual time and never succeeds.
  const unusableHash = await unusablePasswordHash();
  return db.transaction().execute(async (trx) => {
    // Locks the admins (as role changes do) so two erasures cannot both leave "another admin".
    const lastAdmin = await isLastAdmin(trx, userId, { lock: true });
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'erased_at'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) return { ok: false, reason: 'not_found' } as const;
    if (user.erased_at) return { ok: false, reason: 'already_erased' } as const;
    if (user.role === 'admin' && lastAdmin) return { ok: false, reason: 'last_admin' } as const;

    // Addresses that reach the person: theirs, and a new one waiting for confirmation.
    const pending = await trx
      .selectFrom('account_tokens')
      .select(sql<string | null>`data ->> 'email'`.as('email'))
      .where('user_id', '=', userId)
      .where('purpose', '=', 'email_change')
      .execute();
    const addresses = [
      user.email,
      ...pending.map((row) => row.email?.toLowerCase()).filter((email) => !!email),
    ] as string[];

    await trx
      .updateTable('users')
      .set({
        name: tombstoneName(userId),
        email: tombstoneEmail(userId),
        password_hash: unusableHash,
        // An erased admin is no admin: the last-admin rules count the people who can still act.
        role: 'learner',
        must_change_password: false,
        email_verified_at: null,
        invited_at: null,
        reminders_enabled: false,
        failed_logins: 0,
        login_paused_until: null,
        erased_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', userId)
      .execute();

    const sessions = await trx
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .returning('id')
      .execute();
    await trx.deleteFrom('account_tokens').where('user_id', '=', userId).execute();
    await trx.deleteFrom('offline_receipts').where('user_id', '=', userId).execute();
    await trx
      .deleteFrom('outbox')
      .where((eb) =>
        eb.or([eb('user_id', '=', userId), eb(sql`lower(to_address)`, 'in', addresses)]),
      )
      .execute();
    await trx.deleteFrom('cohort_invitations').where('email', 'in', addresses).execute();

    // SCORM content may have stored the learner's name and id with its data (1.2 and 2004).
    await sql`
      update scorm_attempts
         set cmi = cmi #- '{cmi,learner_name}' #- '{cmi,learner_id}'
                       #- '{cmi,core,student_name}' #- '{cmi,core,student_id}'
       where user_id = ${userId} and cmi is not null`.execute(trx);

    await withdrawCertificates(trx, userId, tombstoneName(userId));

    // The audit log keeps what happened, under the tombstone: the person's address or name
    // recorded in the details of entries about them is replaced, and their address anywhere.
    await sql`
      update audit_log
         set detail = replace(detail::text, to_jsonb(${user.email}::text)::text,
                              to_jsonb(${tombstoneEmail(userId)}::text)::text)::jsonb
       where strpos(detail::text, to_jsonb(${user.email}::text)::text) > 0`.execute(trx);
    await sql`
      update audit_log
         set detail = replace(detail::text, to_jsonb(${user.name}::text)::text,
                              to_jsonb(${tombstoneName(userId)}::text)::text)::jsonb
       where (subject_user_id = ${userId} or actor_id = ${userId})
         and strpos(detail::text, to_jsonb(${user.name}::text)::text) > 0`.execute(trx);

    await recordAudit(trx, {
      actorId,
      action: 'account.erase',
      subjectUserId: userId,
      detail: { by: actorId === userId ? 'self' : 'admin' },
    });
    return { ok: true, endedSessions: sessions.map((row) => row.id) } as const;
  });
}
