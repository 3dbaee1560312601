import { sql, type Kysely } from 'kysely';
import type { Database, QuizAnswers, QuizSettings } from '../db/database.js';
import { recomputeProgress } from '../learn/progress.js';
import { drawAttempt, grade } from './grading.js';

export type Attempt = Awaited<ReturnType<typeof findOpenAttempt>>;

export function findOpenAttempt(db: Kysely<Database>, userId: number, itemId: number) {
  return db
    .selectFrom('quiz_attempts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('item_id', '=', itemId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
}

export function latestSubmittedAttempt(db: Kysely<Database>, userId: number, itemId: number) {
  return db
    .selectFrom('quiz_attempts')
    .selectAll()
    .where('user_id', '=', userId)
    .where('item_id', '=', itemId)
    .where('submitted_at', 'is not', null)
    .orderBy('submitted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function countSubmitted(
  db: Kysely<Database>,
  userId: number,
  itemId: number,
): Promise<number> {
  const row = await db
    .selectFrom('quiz_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('item_id', '=', itemId)
    .where('submitted_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The learner's attempt in progress, starting one when none is open and the retry policy allows.
 * Two tabs (or a double click) share the one open attempt: a partial unique index guarantees it.
 */
export async function openAttempt(
  db: Kysely<Database>,
  userId: number,
  itemId: number,
  quiz: QuizSettings,
): Promise<NonNullable<Attempt> | 'no_attempts_left'> {
  const open = await findOpenAttempt(db, userId, itemId);
  if (open) return open;
  if (quiz.maxAttempts > 0 && (await countSubmitted(db, userId, itemId)) >= quiz.maxAttempts)
    return 'no_attempts_left';
  const { questionIds, optionOrder } = drawAttempt(quiz);
  await sql`
    insert into quiz_attempts (user_id, item_id, question_ids, option_order)
    values (${userId}, ${itemId}, ${JSON.stringify(questionIds)}::jsonb, ${JSON.stringify(optionOrder)}::jsonb)
    on conflict (user_id, item_id) where submitted_at is null do nothing`.execute(db);
  return (await findOpenAttempt(db, userId, itemId))!;
}

/** Saves answers given so far, so a refreshed page keeps them. Ignored once submitted. */
export async function saveAnswers(
  db: Kysely<Database>,
  attemptId: number,
  userId: number,
  answers: QuizAnswers,
): Promise<boolean> {
  const result = await db
    .updateTable('quiz_attempts')
    .set({ answers: JSON.stringify(answers) })
    .where('id', '=', attemptId)
    .where('user_id', '=', userId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Grades and closes the open attempt, keeps the best score, and recomputes course completion, all
 * in one transaction. A second submission (double click, second tab) finds no open attempt and
 * gets the attempt already recorded: one attempt, never two.
 */
export async function submitAttempt(
  db: Kysely<Database>,
  options: {
    userId: number;
    courseId: number;
    itemId: number;
    quiz: QuizSettings;
    answers: (questionIds: string[]) => QuizAnswers;
  },
) {
  return db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('quiz_attempts')
      .selectAll()
      .where('user_id', '=', options.userId)
      .where('item_id', '=', options.itemId)
      .where('submitted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!open)
      return {
        attempt: await latestSubmittedAttempt(trx, options.userId, options.itemId),
        courseCompleted: false,
        duplicate: true,
      };
    const questions = open.question_ids
      .map((id) => options.quiz.questions.find((question) => question.id === id))
      .filter((question) => question !== undefined);
    const answers = options.answers(open.question_ids);
    const result = grade(questions, answers, options.quiz.passMark);
    const attempt = await trx
      .updateTable('quiz_attempts')
      .set({
        answers: JSON.stringify(answers),
        submitted_at: sql<Date>`now()`,
        score: result.score,
        passed: result.passed,
        results: JSON.stringify(result.results),
      })
      .where('id', '=', open.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('item_progress')
      .values({
        user_id: options.userId,
        item_id: options.itemId,
        course_id: options.courseId,
        best_score: result.score,
        passed: result.passed,
        attempts: 1,
        completed_at: result.passed ? sql<Date>`now()` : null,
      })
      .onConflict((conflict) =>
        conflict.columns(['user_id', 'item_id']).doUpdateSet({
          best_score: sql`greatest(item_progress.best_score, excluded.best_score)`,
          passed: sql`item_progress.passed or excluded.passed`,
          attempts: sql`item_progress.attempts + 1`,
          completed_at: sql`coalesce(item_progress.completed_at, excluded.completed_at)`,
          updated_at: sql`now()`,
        }),
      )
      .execute();
    await trx
      .updateTable('enrolments')
      .set({ last_activity_at: sql`now()` })
      .where('user_id', '=', options.userId)
      .where('course_id', '=', options.courseId)
      .execute();
    const completed = await recomputeProgress(trx, {
      courseId: options.courseId,
      userId: options.userId,
    });
    return { attempt, courseCompleted: completed.length > 0, duplicate: false };
  });
}
