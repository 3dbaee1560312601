import { sql, type Kysely } from 'kysely';
import type { Database, ItemKind, Locale } from '../db/database.js';
import { recomputeProgress } from './progress.js';

/** Course, enrolment and one item in a single indexed query: the start of every player page. */
export function findItemForLearner(db: Kysely<Database>, options: { courseSlug: string; kind: ItemKind; itemSlug: string; userId: number; locale: Locale }) {
  return db
    .selectFrom('courses as c')
    .innerJoin('course_items as i', (join) => join.onRef('i.course_id', '=', 'c.id').on('i.kind', '=', options.kind).on('i.slug', '=', options.itemSlug).on('i.removed_at', 'is', null))
    .leftJoin('enrolments as e', (join) => join.onRef('e.course_id', '=', 'c.id').on('e.user_id', '=', options.userId))
    .select([
      'c.id as course_id', 'c.slug as course_slug', 'c.title as course_title', 'c.content_hash', 'c.certificate',
      'i.id as item_id', 'i.title', 'i.required', 'i.minutes', 'i.quiz',
      sql<string | null>`i.html->>${options.locale}`.as('html_localized'),
      sql<string | null>`i.html->>'en'`.as('html_en'),
      'e.id as enrolment_id', 'e.status as enrolment_status', 'e.progress_percent', 'e.last_item_id',
      // The learner's progress in the course rides along: one round trip for the whole page.
      sql<ProgressRow[] | null>`(select json_agg(json_build_array(p.item_id, p.completed_at is not null, p.passed, p.best_score)) from item_progress p where p.user_id = ${options.userId} and p.course_id = c.id)`.as('progress_rows'),
    ])
    .where('c.slug', '=', options.courseSlug)
    .where('c.published', '=', true)
    .executeTakeFirst();
}

export type LearnerProgress = { completed: Set<number>; passed: Set<number>; bestScores: Map<number, number> };
type ProgressRow = [itemId: number, completed: boolean, passed: boolean, bestScore: number | null];

/** Progress rows as fetched alongside the item by findItemForLearner. */
export function progressFromRows(rows: ProgressRow[] | null): LearnerProgress {
  const progress: LearnerProgress = { completed: new Set(), passed: new Set(), bestScores: new Map() };
  for (const [itemId, completed, passed, bestScore] of rows ?? []) {
    if (completed) progress.completed.add(itemId);
    if (passed) progress.passed.add(itemId);
    if (bestScore !== null) progress.bestScores.set(itemId, bestScore);
  }
  return progress;
}

/** Which items of a course this learner has completed (lessons) or passed (quizzes). */
export async function learnerProgress(db: Kysely<Database>, userId: number, courseId: number): Promise<LearnerProgress> {
  const rows = await db.selectFrom('item_progress').select(['item_id', 'completed_at', 'passed', 'best_score']).where('user_id', '=', userId).where('course_id', '=', courseId).execute();
  const progress: LearnerProgress = { completed: new Set(), passed: new Set(), bestScores: new Map() };
  for (const row of rows) {
    if (row.completed_at) progress.completed.add(row.item_id);
    if (row.passed) progress.passed.add(row.item_id);
    if (row.best_score !== null) progress.bestScores.set(row.item_id, row.best_score);
  }
  return progress;
}

/**
 * Remembers where the learner is, for "Continue"; writes only when the place changed. Time spent
 * is estimated the way server-side LMS logs do it: the gap since the previous page of the course,
 * counted only up to 15 minutes, and not at all after a 30-minute break.
 */
export async function rememberPlace(db: Kysely<Database>, enrolmentId: number, itemId: number): Promise<void> {
  await db
    .updateTable('enrolments')
    .set({
      last_item_id: itemId,
      last_activity_at: sql`now()`,
      time_spent_seconds: sql`time_spent_seconds + case when now() - last_activity_at < interval '30 minutes' then least(900, extract(epoch from now() - last_activity_at)::int) else 0 end`,
    })
    .where('id', '=', enrolmentId)
    .where((eb) => eb.or([eb('last_item_id', 'is', null), eb('last_item_id', '!=', itemId)]))
    .execute();
}

/**
 * Marks a lesson complete and recomputes the course's progress in the same transaction; returns
 * whether this completed the course. Repeating it changes nothing (idempotent, safe to retry).
 */
export async function completeLesson(db: Kysely<Database>, userId: number, courseId: number, itemId: number): Promise<{ courseCompleted: boolean }> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('item_progress')
      .values({ user_id: userId, item_id: itemId, course_id: courseId, completed_at: sql<Date>`now()` })
      .onConflict((conflict) => conflict.columns(['user_id', 'item_id']).doUpdateSet({ completed_at: sql`coalesce(item_progress.completed_at, now())` }))
      .execute();
    await trx.updateTable('enrolments').set({ last_activity_at: sql`now()` }).where('user_id', '=', userId).where('course_id', '=', courseId).execute();
    const completed = await recomputeProgress(trx, { courseId, userId });
    return { courseCompleted: completed.length > 0 };
  });
}
