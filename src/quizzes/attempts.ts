import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, QuizAnswers, QuizSettings } from '../db/database.js';
import { recomputeProgress } from '../learn/progress.js';
import { boundedTime, touchEnrolment } from '../learn/queries.js';
import { onceForKey, quizVersion } from '../offline/receipts.js';
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

export type SubmitOutcome = {
  /** graded: this submission was marked; duplicate: the attempt was already submitted; retake: the quiz changed since the learner saw it, so the answers were kept in the open attempt, unmarked. */
  /**
   * `duplicate`: no attempt open (submitted meanwhile); `stale`: the answers were for an attempt
   * that is no longer the open one (a saved page answered again after it was sent), so nothing
   * was recorded and the learner must take the quiz again.
   */
  outcome: 'graded' | 'duplicate' | 'stale' | 'retake';
  attemptId: number | null;
  score: number | null;
  passed: boolean | null;
  courseCompleted: boolean;
};

/**
 * Grades and closes the open attempt, keeps the best score, and recomputes course completion, all
 * in one transaction. A second submission (double click, second tab) finds no open attempt and
 * gets the attempt already recorded: one attempt, never two. With an idempotency key, a receipt
 * is stored in the same transaction and a replay answers the first outcome. `attemptId` and
 * `version` are those the learner's page showed (sent with offline answers): answers to an
 * attempt already closed are a duplicate, and answers to another version of the quiz are kept
 * unmarked (the learner is asked to retake it). `doneAt` dates the submission and what follows.
 */
export async function submitAttempt(
  db: Kysely<Database>,
  options: {
    userId: number;
    courseId: number;
    itemId: number;
    quiz: QuizSettings;
    answers: (questionIds: string[]) => QuizAnswers;
    key?: string;
    doneAt?: Date;
    attemptId?: number;
    version?: string;
  },
): Promise<SubmitOutcome & { replay: boolean }> {
  return db.transaction().execute(async (trx) => {
    const at = options.doneAt
      ? await boundedTime(trx, options.userId, options.courseId, options.doneAt)
      : new Date();
    const { result, replay } = await onceForKey(
      trx,
      { userId: options.userId, key: options.key, kind: 'quiz', doneAt: at },
      () => gradeOpenAttempt(trx, options, at),
    );
    return { ...result, replay };
  });
}

async function gradeOpenAttempt(
  trx: Transaction<Database>,
  options: Parameters<typeof submitAttempt>[1],
  at: Date,
): Promise<SubmitOutcome> {
  const open = await trx
    .selectFrom('quiz_attempts')
    .selectAll()
    .where('user_id', '=', options.userId)
    .where('item_id', '=', options.itemId)
    .where('submitted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!open || (options.attemptId !== undefined && open.id !== options.attemptId)) {
    const earlier = await latestSubmittedAttempt(trx, options.userId, options.itemId);
    return {
      outcome: options.attemptId === undefined ? 'duplicate' : 'stale',
      attemptId: earlier?.id ?? null,
      score: earlier?.score ?? null,
      passed: earlier?.passed ?? null,
      courseCompleted: false,
    };
  }
  const answers = options.answers(open.question_ids);
  const version = quizVersion(options.quiz);
  if (options.version !== undefined && options.version !== version) {
    await trx
      .updateTable('quiz_attempts')
      .set({ answers: JSON.stringify(answers) })
      .where('id', '=', open.id)
      .execute();
    return {
      outcome: 'retake',
      attemptId: open.id,
      score: null,
      passed: null,
      courseCompleted: false,
    };
  }
  const questions = open.question_ids
    .map((id) => options.quiz.questions.find((question) => question.id === id))
    .filter((question) => question !== undefined);
  const result = grade(questions, answers, options.quiz.passMark);
  const submittedAt = at < open.started_at ? open.started_at : at;
  const attempt = await trx
    .updateTable('quiz_attempts')
    .set({
      answers: JSON.stringify(answers),
      submitted_at: submittedAt,
      score: result.score,
      passed: result.passed,
      results: JSON.stringify(result.results),
      quiz_version: version,
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
      completed_at: result.passed ? submittedAt : null,
    })
    .onConflict((conflict) =>
      conflict.columns(['user_id', 'item_id']).doUpdateSet({
        best_score: sql`greatest(item_progress.best_score, excluded.best_score)`,
        passed: sql`item_progress.passed or excluded.passed`,
        attempts: sql`item_progress.attempts + 1`,
        completed_at: sql`least(item_progress.completed_at, excluded.completed_at)`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
  await touchEnrolment(trx, options.userId, options.courseId, submittedAt);
  const completed = await recomputeProgress(
    trx,
    { courseId: options.courseId, userId: options.userId },
    submittedAt,
  );
  return {
    outcome: 'graded',
    attemptId: attempt.id,
    score: attempt.score,
    passed: attempt.passed,
    courseCompleted: completed.length > 0,
  };
}
