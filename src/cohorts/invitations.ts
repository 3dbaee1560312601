import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { addMembers } from './queries.js';

/**
 * Invites addresses to a cohort (again, if asked again). Whether an address has an account is
 * never part of the answer: the trainer learns only who accepted.
 */
export async function inviteToCohort(
  db: Kysely<Database>,
  cohortId: number,
  emails: string[],
  invitedBy: number,
): Promise<void> {
  if (emails.length === 0) return;
  await sql`
    insert into cohort_invitations (cohort_id, email, invited_by)
    select ${cohortId}::int, e, ${invitedBy}::int from unnest(${emails}::text[]) as e
    on conflict (cohort_id, email) do update set invited_by = excluded.invited_by, created_at = now(), answered_at = null, accepted = null`.execute(
    db,
  );
}

/** Invitations not accepted yet (declined ones look the same to the trainer), without current members. */
export function waitingInvitations(db: Kysely<Database>, cohortId: number) {
  return db
    .selectFrom('cohort_invitations as i')
    .select(['i.id', 'i.email', 'i.created_at'])
    .where('i.cohort_id', '=', cohortId)
    .where((eb) => eb.or([eb('i.accepted', 'is', null), eb('i.accepted', '=', false)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('cohort_members as m')
            .innerJoin('users as u', 'u.id', 'm.user_id')
            .whereRef('m.cohort_id', '=', 'i.cohort_id')
            .whereRef('u.email', '=', 'i.email')
            .select(sql`1`.as('one')),
        ),
      ),
    )
    .orderBy('i.created_at', 'desc')
    .limit(500)
    .execute();
}

export async function withdrawInvitation(
  db: Kysely<Database>,
  cohortId: number,
  invitationId: number,
): Promise<void> {
  await db
    .deleteFrom('cohort_invitations')
    .where('cohort_id', '=', cohortId)
    .where('id', '=', invitationId)
    .where('accepted', 'is not', true)
    .execute();
}

export type InvitationAnswer = { ok: true; cohortId: number; name: string } | { ok: false };

/** Accepts (joins and enrols) or declines one of this person's own invitations; anything else is refused. */
export async function answerInvitation(
  db: Kysely<Database>,
  invitationId: number,
  user: { id: number; email: string },
  accept: boolean,
): Promise<InvitationAnswer> {
  return db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom('cohort_invitations as i')
      .innerJoin('cohorts as c', 'c.id', 'i.cohort_id')
      .select(['i.id', 'c.id as cohort_id', 'c.name'])
      .where('i.id', '=', invitationId)
      .where('i.email', '=', user.email.toLowerCase())
      .where('i.answered_at', 'is', null)
      .where('c.archived_at', 'is', null)
      .where(sql<boolean>`(c.due_on is null or c.due_on >= current_date)`)
      .forUpdate()
      .executeTakeFirst();
    if (!invitation) return { ok: false } as const;
    await trx
      .updateTable('cohort_invitations')
      .set({ answered_at: sql<Date>`now()`, accepted: accept })
      .where('id', '=', invitation.id)
      .execute();
    if (accept) await addMembers(trx, invitation.cohort_id, [user.id]);
    return { ok: true, cohortId: invitation.cohort_id, name: invitation.name } as const;
  });
}
