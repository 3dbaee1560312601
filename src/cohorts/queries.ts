import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { enrol } from '../catalog/queries.js';

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
    .select(['c.id', 'c.name', 'c.join_code', 'c.starts_on', 'c.due_on', 'c.archived_at', 'u.name as owner_name'])
    .select((eb) => eb.selectFrom('cohort_members as m').whereRef('m.cohort_id', '=', 'c.id').select((m) => m.fn.countAll<number>().as('n')).as('members'))
    .orderBy('c.archived_at', (ob) => ob.nullsFirst())
    .orderBy('c.created_at', 'desc');
  if (viewer.role !== 'admin') query = query.where('c.owner_id', '=', viewer.id);
  return query.execute();
}

export async function createCohort(db: Kysely<Database>, input: { name: string; ownerId: number; courseIds: number[]; startsOn: string | null; dueOn: string | null }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('cohorts')
      .values({ name: input.name, owner_id: input.ownerId, join_code: newJoinCode(), starts_on: input.startsOn, due_on: input.dueOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.courseIds.length > 0) await trx.insertInto('cohort_courses').values(input.courseIds.map((courseId) => ({ cohort_id: id, course_id: courseId }))).execute();
    return id;
  });
}

export function cohortCourses(db: Kysely<Database>, cohortId: number) {
  return db
    .selectFrom('cohort_courses as cc')
    .innerJoin('courses as c', 'c.id', 'cc.course_id')
    .select(['c.id', 'c.slug', 'c.title'])
    .where('cc.cohort_id', '=', cohortId)
    .orderBy('c.id')
    .execute();
}

/** Adds people to a cohort and enrols them in its courses; idempotent. */
export async function addMembers(db: Kysely<Database>, cohortId: number, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.insertInto('cohort_members').values(userIds.map((userId) => ({ cohort_id: cohortId, user_id: userId }))).onConflict((conflict) => conflict.doNothing()).execute();
  const courses = await cohortCourses(db, cohortId);
  for (const userId of userIds) for (const course of courses) await enrol(db, userId, course.id);
}

export async function removeMember(db: Kysely<Database>, cohortId: number, userId: number): Promise<void> {
  await db.deleteFrom('cohort_members').where('cohort_id', '=', cohortId).where('user_id', '=', userId).execute();
}

export async function archiveCohort(db: Kysely<Database>, cohortId: number): Promise<void> {
  await db.updateTable('cohorts').set({ archived_at: sql<Date>`now()` }).where('id', '=', cohortId).where('archived_at', 'is', null).execute();
}

export type JoinCheck = { ok: true; cohortId: number; name: string } | { ok: false; reason: 'unknown' | 'archived' | 'expired' };

/** A join code is refused when unknown, when its cohort is archived, or after the cohort's due date. */
export async function checkJoinCode(db: Kysely<Database>, code: string): Promise<JoinCheck> {
  const cohort = await db
    .selectFrom('cohorts')
    .select(['id', 'name', 'archived_at', sql<boolean>`due_on is not null and due_on < current_date`.as('expired')])
    .where('join_code', '=', code.trim().toUpperCase().replace(/[\s-]/g, ''))
    .executeTakeFirst();
  if (!cohort) return { ok: false, reason: 'unknown' };
  if (cohort.archived_at) return { ok: false, reason: 'archived' };
  if (cohort.expired) return { ok: false, reason: 'expired' };
  return { ok: true, cohortId: cohort.id, name: cohort.name };
}

/** Emails found in pasted text or an uploaded CSV, in order, without duplicates. */
export function extractEmails(text: string): string[] {
  const found = text.match(/[^\s,;<>"'()[\]]+@[^\s,;<>"'()[\]]+\.[^\s,;<>"'()[\]]+/g) ?? [];
  return [...new Set(found.map((email) => email.toLowerCase()))];
}
