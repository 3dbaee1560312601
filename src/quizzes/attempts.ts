import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { prepared } from '../db/connect.js';
import type { Database, QuizAnswers, QuizAttemptsTable, QuizSettings } from '../db/database.js';
import { recomputeProgress } from '../learn/progress.js';
import { recordStepAt } from '../learn/time-spent.js';
import { boundedTime } from '../learn/queries.js';
import { onceForKey, quizVersion } from '../offline/receipts.js';
import { drawAttempt, grade } from './grading.js';

/**
 * How a graded attempt joins the learner's result for the quiz (after `insert into item_progress`):
 * the best score kept, passed once passed, one more attempt, completed at the first pass.
 */
export const ADD_QUIZ_RESULT = sql.raw(`on conflict (user_id, item_id) do update
           set best_score = greatest(item_progress.best_score, excluded.best_score),
               passed = item_progress.passed or excluded.passed,
               attempts = item_progress.attempts + 1,
               completed_at = least(item_progress.completed_at, excluded.completed_at),
               updated_at = now()`);

export type Attempt = Selectable<QuizAttemptsTable>;

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

/** What the quiz page is made of: the attempt in progress, the latest submitted one, how many were submitted. */
export type QuizState = { open?: Attempt; latest?: Attempt; submitted: number };

/**
 * The learner's quiz state in one round trip (the page is asked for after every submission): at
 * most two rows, the open attempt first, then the latest submitted, each with the count.
 */
export async function quizState(
  db: Kysely<Database>,
  userId: number,
  itemId: number,
): Promise<QuizState> {
  const { rows } = await sql<Attempt & { submitted: number }>`${sql.raw(prepared('quiz-state'))}
    select a.*, (count(*) filter (where a.submitted_at is not null) over ())::int as submitted
      from quiz_attempts a
     where a.user_id = ${userId} and a.item_id = ${itemId}
     order by a.submitted_at is null desc, a.submitted_at desc, a.id desc
     limit 2`.execute(db);
  const attempts = rows.map(({ submitted: _, ...attempt }) => attempt);
  return {
    open: attempts.find((attempt) => attempt.submitted_at === null),
    latest: attempts.find((attempt) => attempt.submitted_at !== null),
    submitted: rows[0]?.submitted ?? 0,
  };
}

/** What a graded submission changed in the learner's progress, as the player shows it. */
export type ProgressAfter = {
  progressPercent: number | null;
  item: { completed: boolean; passed: boolean; bestScore: number | null } | undefined;
};

/**
 * The quiz state after a submission and what it changed in the learner's progress (the course's
 * percentage, the item's pass and best score), in one round trip instead of reloading the player.
 */
export async function quizStateAfterSubmit(
  db: Kysely<Database>,
  userId: number,
  courseId: number,
  itemId: number,
): Promise<QuizState & ProgressAfter> {
  const { rows } = await sql<
    Omit<Attempt, 'id'> & {
      id: number | null;
      submitted: number | null;
      progress_percent: number | null;
      progress_item: number | null;
      item_completed: boolean;
      item_passed: boolean | null;
      item_best_score: number | null;
    }
  >`${sql.raw(prepared('quiz-state-after'))}
    select s.*, e.progress_percent, p.item_id as progress_item, p.completed_at is not null as item_completed,
           p.passed as item_passed, p.best_score as item_best_score
      from (select 1) one
      left join enrolments e on e.user_id = ${userId} and e.course_id = ${courseId}
      left join item_progress p on p.user_id = ${userId} and p.item_id = ${itemId}
      left join lateral (
        select a.*, (count(*) filter (where a.submitted_at is not null) over ())::int as submitted
          from quiz_attempts a
         where a.user_id = ${userId} and a.item_id = ${itemId}
         order by a.submitted_at is null desc, a.submitted_at desc, a.id desc
         limit 2
      ) s on true`.execute(db);
  const first = rows[0]!;
  const attempts: Attempt[] = [];
  for (const row of rows) {
    const {
      id,
      submitted: _s,
      progress_percent: _pp,
      progress_item: _pi,
      item_completed: _ic,
      item_passed: _ip,
      item_best_score: _ib,
      ...attempt
    } = row;
    if (id !== null) attempts.push({ ...attempt, id });
  }
  return {
    open: attempts.find((attempt) => attempt.submitted_at === null),
    latest: attempts.find((attempt) => attempt.submitted_at !== null),
    submitted: first.submitted ?? 0,
    progressPercent: first.progress_percent,
    item:
      first.progress_item === null
        ? undefined
        : {
            completed: first.item_completed,
            passed: first.item_passed ?? false,
            bestScore: first.item_best_score,
          },
  };
}

/**
 * The learner's attempt in progress, starting one when none is open and the retry policy allows,
 * with the number of attempts submitted, in one statement. Two tabs (or a double click) share the
 * one open attempt: a partial unique index guarantees it.
 */
export async function openAttempt(
  db: Kysely<Database>,
  userId: number,
  itemId: number,
  quiz: QuizSettings,
): Promise<{ attempt: Attempt | 'no_attempts_left'; submitted: number }> {
  const { questionIds, optionOrder } = drawAttempt(quiz);
  const { rows } = await sql<
    Omit<Attempt, 'id'> & { id: number | null; submitted: number }
  >`${sql.raw(prepared('quiz-start'))}
    with mine as (
      select submitted_at from quiz_attempts where user_id = ${userId} and item_id = ${itemId}
    ),
    counted as (
      select (count(*) filter (where submitted_at is not null))::int as submitted,
             count(*) filter (where submitted_at is null) > 0 as has_open
        from mine
    ),
    created as (
      insert into quiz_attempts (user_id, item_id, question_ids, option_order)
      select ${userId}::int, ${itemId}::int, ${JSON.stringify(questionIds)}::jsonb, ${JSON.stringify(optionOrder)}::jsonb
        from counted
       where not counted.has_open and (${quiz.maxAttempts}::int <= 0 or counted.submitted < ${quiz.maxAttempts}::int)
      on conflict (user_id, item_id) where submitted_at is null do nothing
      returning *
    )
    select a.*, c.submitted
      from counted c
      left join (
        select * from quiz_attempts where user_id = ${userId} and item_id = ${itemId} and submitted_at is null
        union all
        select * from created
      ) a on true`.execute(db);
  const { submitted, ...row } = rows[0]!;
  if (row.id !== null) return { attempt: { ...row, id: row.id }, submitted };
  if (quiz.maxAttempts > 0 && submitted >= quiz.maxAttempts)
    return { attempt: 'no_attempts_left', submitted };
  // Another request opened one after this statement's snapshot was taken: it is committed now.
  return { attempt: (await findOpenAttempt(db, userId, itemId))!, submitted };
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

/** A learner's answers to a quiz, as both submission paths take them (see submitAttempt). */
export type Submission = {
  userId: number;
  courseId: number;
  itemId: number;
  quiz: QuizSettings;
  answers: (questionIds: string[]) => QuizAnswers;
  key?: string;
  doneAt?: Date;
  attemptId?: number;
  version?: string;
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
  options: Submission,
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
  const open = (
    await sql<Attempt>`${sql.raw(prepared('quiz-open-locked'))}
      select * from quiz_attempts
       where user_id = ${options.userId} and item_id = ${options.itemId} and submitted_at is null
         for update`.execute(trx)
  ).rows[0];
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
  // The attempt, the item's progress (best score kept, pass never lost) and the enrolment's last
  // activity (never moved back) in one statement; the course's progress, which reads them, after.
  const attempt = (
    await sql<Pick<Attempt, 'id' | 'score' | 'passed'>>`${sql.raw(prepared('quiz-grade'))}
      with graded as (
        update quiz_attempts
           set answers = ${JSON.stringify(answers)}::jsonb, submitted_at = ${submittedAt}::timestamptz,
               score = ${result.score}::int, passed = ${result.passed}::boolean,
               results = ${JSON.stringify(result.results)}::jsonb, quiz_version = ${version}::text
         where id = ${open.id}
        returning id, score, passed
      ),
      progress as (
        insert into item_progress (user_id, item_id, course_id, best_score, passed, attempts, completed_at)
        values (${options.userId}::int, ${options.itemId}::int, ${options.courseId}::int, ${result.score}::int, ${result.passed}::boolean, 1,
                ${result.passed ? submittedAt : null}::timestamptz)
        ${ADD_QUIZ_RESULT}
      ),
      touched as (
        update enrolments e
           set ${sql.raw(recordStepAt('step.at'))}
          from (select ${submittedAt}::timestamptz as at) step
         where e.user_id = ${options.userId} and e.course_id = ${options.courseId}
      )
      select * from graded`.execute(trx)
  ).rows[0]!;
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
