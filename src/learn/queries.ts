import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  Database,
  EnrolmentStatus,
  ItemKind,
  Locale,
  LocalizedText,
  QuizSettings,
} from '../db/database.js';
import { prepared } from '../db/connect.js';
import { onceForKey } from '../offline/receipts.js';
import { recomputeProgress } from './progress.js';
import { recordStepAt } from './time-spent.js';

export type PlayerItemRow = {
  course_id: number;
  course_slug: string;
  course_title: LocalizedText;
  course_locales: Locale[];
  content_hash: string;
  certificate: boolean;
  item_id: number;
  title: LocalizedText;
  required: boolean;
  minutes: number;
  quiz: QuizSettings | null;
  enrolment_id: number | null;
  enrolment_status: EnrolmentStatus | null;
  progress_percent: number | null;
  /** Where the learner was before this page, as the database has it. */
  last_item_id: number | null;
  progress_rows: ProgressRow[] | null;
};

/**
 * The start of every player page, in one round trip: course, item, enrolment and the learner's
 * progress. Where the learner was before this page is `last_item_id`; the move to this page is
 * recorded apart (places.ts).
 */
export async function findItemForLearner(
  db: Kysely<Database>,
  options: { courseSlug: string; kind: ItemKind; itemSlug: string; userId: number },
): Promise<PlayerItemRow | undefined> {
  const result = await sql<PlayerItemRow>`${sql.raw(prepared('player-item'))}
    with target as (
      select c.id as course_id, c.slug as course_slug, c.title as course_title, c.locales as course_locales, c.content_hash, c.certificate,
             i.id as item_id, i.title, i.required, i.minutes, i.quiz
        from courses c
        join course_items i on i.course_id = c.id and i.kind = ${options.kind} and i.slug = ${options.itemSlug} and i.removed_at is null
       where c.slug = ${options.courseSlug} and c.published
    )
    select t.*, e.id as enrolment_id, e.status as enrolment_status, e.progress_percent, e.last_item_id,
           (select json_agg(json_build_array(p.item_id, p.completed_at is not null, p.passed, p.best_score)) from item_progress p where p.user_id = ${options.userId} and p.course_id = t.course_id) as progress_rows
      from target t
      left join enrolments e on e.course_id = t.course_id and e.user_id = ${options.userId}`.execute(
    db,
  );
  return result.rows[0];
}

export type LearnerProgress = {
  completed: Set<number>;
  passed: Set<number>;
  /** Items with anything recorded (a SCO attempt, a quiz answered): "in progress" until done. */
  started: Set<number>;
  bestScores: Map<number, number>;
};
type ProgressRow = [itemId: number, completed: boolean, passed: boolean, bestScore: number | null];

const emptyProgress = (): LearnerProgress => ({
  completed: new Set(),
  passed: new Set(),
  started: new Set(),
  bestScores: new Map(),
});

function addProgress(
  progress: LearnerProgress,
  itemId: number,
  completed: boolean,
  passed: boolean,
  bestScore: number | null,
): void {
  if (completed) progress.completed.add(itemId);
  if (passed) progress.passed.add(itemId);
  progress.started.add(itemId);
  if (bestScore !== null) progress.bestScores.set(itemId, bestScore);
}

/** Progress rows as fetched alongside the item by findItemForLearner. */
export function progressFromRows(rows: ProgressRow[] | null): LearnerProgress {
  const progress = emptyProgress();
  for (const [itemId, completed, passed, bestScore] of rows ?? [])
    addProgress(progress, itemId, completed, passed, bestScore);
  return progress;
}

/** Which items of a course this learner has completed (lessons) or passed (quizzes). */
export async function learnerProgress(
  db: Kysely<Database>,
  userId: number,
  courseId: number,
): Promise<LearnerProgress> {
  const rows = await db
    .selectFrom('item_progress')
    .select(['item_id', 'completed_at', 'passed', 'best_score'])
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .execute();
  const progress = emptyProgress();
  for (const row of rows)
    addProgress(progress, row.item_id, row.completed_at !== null, row.passed, row.best_score);
  return progress;
}

/**
 * Marks a lesson complete and recomputes the course's progress in the same transaction; returns
 * whether this completed the course. Repeating it changes nothing (idempotent, safe to retry).
 * With an idempotency key (a form's, or one made on a device offline) a receipt is stored in the
 * same transaction and a replay answers the first result; `doneAt` (when the learner did it, at
 * the earliest their enrolment) dates the progress, the completion and the certificate.
 */
export async function completeLesson(
  db: Kysely<Database>,
  userId: number,
  courseId: number,
  itemId: number,
  options: { key?: string; doneAt?: Date } = {},
): Promise<{ courseCompleted: boolean; replay: boolean }> {
  return db.transaction().execute(async (trx) => {
    const at = options.doneAt
      ? await boundedTime(trx, userId, courseId, options.doneAt)
      : new Date();
    const { result, replay } = await onceForKey(
      trx,
      { userId, key: options.key, kind: 'lesson', doneAt: at },
      async () => {
        await trx
          .insertInto('item_progress')
          .values({ user_id: userId, item_id: itemId, course_id: courseId, completed_at: at })
          .onConflict((conflict) =>
            conflict.columns(['user_id', 'item_id']).doUpdateSet({
              completed_at: sql`least(item_progress.completed_at, excluded.completed_at)`,
            }),
          )
          .execute();
        await touchEnrolment(trx, userId, courseId, at);
        const completed = await recomputeProgress(trx, { courseId, userId }, at);
        return { courseCompleted: completed.length > 0 };
      },
    );
    return { courseCompleted: Boolean(result.courseCompleted), replay };
  });
}

/**
 * The time an action counts at: the device's time when it gave one, never before the enrolment
 * began (a wrong clock cannot date work before it was possible), else the database's now.
 */
export async function boundedTime(
  trx: Transaction<Database>,
  userId: number,
  courseId: number,
  doneAt: Date,
): Promise<Date> {
  const row = await sql<{ at: Date }>`
    select greatest(least(${doneAt}::timestamptz, now()), e.enrolled_at) as at
      from enrolments e where e.user_id = ${userId} and e.course_id = ${courseId}`.execute(trx);
  return row.rows[0]?.at ?? doneAt;
}

/**
 * Records activity on the enrolment at `at`, with the time since the learner's previous step
 * (time-spent.ts), never moving it back (offline work arrives late).
 */
export async function touchEnrolment(
  trx: Transaction<Database>,
  userId: number,
  courseId: number,
  at: Date,
): Promise<void> {
  await sql`
    update enrolments e
       set ${sql.raw(recordStepAt('step.at'))}
      from (select ${at}::timestamptz as at) step
     where e.user_id = ${userId} and e.course_id = ${courseId}`.execute(trx);
}
