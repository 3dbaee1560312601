import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';

export type Cohort = Awaited<ReturnType<typeof findCohort>> & {};

/** 8 characters without look-alikes (0/O, 1/I): easy to read out in a training room. */
export function newJoinCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

export function findCohort(db: Kysely<Database>, id: number) {
  return db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A trainer's own cohorts, or every cohort for an admin, with member counts. */
export function listCohorts(db: Kysely<Database>, viewer: { id: number; role: string }) {
  let query = db
    .selectFrom('cohorts as c')
    .innerJoin('users as u', 'u.id', 'c.owner_id')
    .select([
      'c.id',
      'c.name',
      'c.join_code',
      'c.starts_on',
      'c.due_on',
      'c.archived_at',
      'u.name as owner_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('cohort_members as m')
        .whereRef('m.cohort_id', '=', 'c.id')
        .select((m) => m.fn.countAll<number>().as('n'))
        .as('members'),
    )
    .orderBy('c.archived_at', (ob) => ob.nullsFirst())
    .orderBy('c.created_at', 'desc');
  if (viewer.role !== 'admin') query = query.where('c.owner_id', '=', viewer.id);
  return query.execute();
}

export async function createCohort(
  db: Kysely<Database>,
  input: {
    name: string;
    ownerId: number;
    courseIds: number[];
    startsOn: string | null;
    dueOn: string | null;
  },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('cohorts')
      .values({
        name: input.name,
        owner_id: input.ownerId,
        join_code: newJoinCode(),
        starts_on: input.startsOn,
        due_on: input.dueOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.courseIds.length > 0)
      await trx
        .insertInto('cohort_courses')
        .values(input.courseIds.map((courseId) => ({ cohort_id: id, course_id: courseId })))
        .execute();
    return id;
  });
}

/** The courses a new cohort may follow; a SCORM course with its current version and import date (two imports may share a title). */
export function publishedCourses(db: Kysely<Database>) {
  return db
    .selectFrom('courses as c')
    .leftJoin('scorm_courses as s', 's.course_id', 'c.id')
    .leftJoin('scorm_packages as p', 'p.id', 's.package_id')
    .select(['c.id', 'c.slug', 'c.title', 'p.version_number', 'p.imported_at'])
    .where('c.published', '=', true)
    .orderBy('c.id')
    .execute();
}

export function cohortCourses(db: Kysely<Database>, cohortId: number) {
  return (
    db
      .selectFrom('cohort_courses as cc')
      .innerJoin('courses as c', 'c.id', 'cc.course_id')
      // A SCORM course with its current version and import date: two imports may share a title.
      .leftJoin('scorm_courses as s', 's.course_id', 'c.id')
      .leftJoin('scorm_packages as p', 'p.id', 's.package_id')
      .select(['c.id', 'c.slug', 'c.title', 'p.version_number', 'p.imported_at'])
      .where('cc.cohort_id', '=', cohortId)
      .orderBy('c.id')
      .execute()
  );
}

/**
 * Adds people to a cohort and enrols them in its courses (a withdrawn enrolment comes back with its
 * progress), in one set-based statement; idempotent. Only for people who asked to join: the join
 * code, an accepted invitation, or an admin.
 */
export async function addMembers(
  db: Kysely<Database> | Transaction<Database>,
  cohortId: number,
  userIds: number[],
): Promise<void> {
  if (userIds.length === 0) return;
  await sql`
    with members as (
      insert into cohort_members (cohort_id, user_id)
      select ${cohortId}::int, u from unnest(${userIds}::int[]) as u
      on conflict do nothing
    )
    insert into enrolments (user_id, course_id)
    select u, cc.course_id from unnest(${userIds}::int[]) as u, cohort_courses cc where cc.cohort_id = ${cohortId}
    on conflict (user_id, course_id) do update
       set status = case when enrolments.status = 'withdrawn' then (case when enrolments.completed_at is null then 'active' else 'completed' end) else enrolments.status end,
           last_activity_at = now()`.execute(db);
}

/** The invitations waiting for this person's answer, in cohorts one can still join. */
export function invitationsFor(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('cohort_invitations as i')
    .innerJoin('cohorts as c', 'c.id', 'i.cohort_id')
    .innerJoin('users as t', 't.id', 'c.owner_id')
    .select(['i.id', 'c.name as cohort_name', 't.name as trainer_name', 'i.created_at'])
    .where('i.email', '=', email.toLowerCase())
    .where('i.answered_at', 'is', null)
    .where('c.archived_at', 'is', null)
    .where(sql<boolean>`(c.due_on is null or c.due_on >= current_date)`)
    .orderBy('i.created_at', 'desc')
    .execute();
}

export async function removeMember(
  db: Kysely<Database>,
  cohortId: number,
  userId: number,
): Promise<void> {
  await db
    .deleteFrom('cohort_members')
    .where('cohort_id', '=', cohortId)
    .where('user_id', '=', userId)
    .execute();
}

export async function archiveCohort(db: Kysely<Database>, cohortId: number): Promise<void> {
  await db
    .updateTable('cohorts')
    .set({ archived_at: sql<Date>`now()` })
    .where('id', '=', cohortId)
    .where('archived_at', 'is', null)
    .execute();
}

export type JoinCheck =
  | { ok: true; cohortId: number; name: string }
  | { ok: false; reason: 'unknown' | 'archived' | 'expired' };

/** A join code is refused when unknown, when its cohort is archived, or after the cohort's due date. */
export async function checkJoinCode(db: Kysely<Database>, code: string): Promise<JoinCheck> {
  const cohort = await db
    .selectFrom('cohorts')
    .select([
      'id',
      'name',
      'archived_at',
      sql<boolean>`due_on is not null and due_on < current_date`.as('expired'),
    ])
    .where('join_code', '=', code.trim().toUpperCase().replace(/[\s-]/g, ''))
    .executeTakeFirst();
  if (!cohort) return { ok: false, reason: 'unknown' };
  if (cohort.archived_at) return { ok: false, reason: 'archived' };
  if (cohort.expired) return { ok: false, reason: 'expired' };
  return { ok: true, cohortId: cohort.id, name: cohort.name };
}

/** The accounts among these addresses (already normalised to lower case by extractEmails). */
export function usersWithEmails(db: Kysely<Database>, emails: string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'email']).where('email', 'in', emails).execute();
}
