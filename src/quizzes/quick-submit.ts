import { sql, type Kysely } from 'kysely';
import { prepared } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { quizVersion } from '../offline/receipts.js';
import {
  ADD_QUIZ_RESULT,
  quizState,
  submitAttempt,
  type Attempt,
  type ProgressAfter,
  type QuizState,
  type Submission,
  type SubmitOutcome,
} from './attempts.js';
import { grade } from './grading.js';
import { recordStepAt } from '../learn/time-spent.js';

/**
 * Submits a quiz: the usual case in one statement (quickSubmit), anything else (answers sent
 * later from a device, for another attempt or version, a second submission, the one completing
 * the course) by submitAttempt's transaction. `after` comes with the quick path.
 */
export async function submitQuiz(
  db: Kysely<Database>,
  options: Submission & { currentVersion?: string },
): Promise<{
  submitted: Awaited<ReturnType<typeof submitAttempt>>;
  after?: QuickSubmission['after'];
}> {
  if (options.doneAt === undefined) {
    const state = await quizState(db, options.userId, options.itemId);
    if (state.open && (options.attemptId === undefined || options.attemptId === state.open.id)) {
      const quick = await quickSubmit(db, { ...options, state });
      if (quick) return { submitted: { ...quick.outcome, replay: false }, after: quick.after };
    }
  }
  const { currentVersion: _known, ...full } = options;
  return { submitted: await submitAttempt(db, full) };
}

export type QuickSubmission = {
  outcome: SubmitOutcome;
  /** The quiz page's state and the learner's progress right after the submission. */
  after: QuizState & ProgressAfter;
};

/**
 * The usual submission (an open attempt, the quiz as the learner saw it, sent now) in one
 * statement, so atomic without a transaction: the attempt graded and closed, the item's progress,
 * the enrolment's last activity and the course's percentage, and the form's receipt. The
 * percentage is the one recomputeProgress would give (done required items over all required
 * items), counted from the other items' rows and this item's new state.
 *
 * It writes nothing and answers undefined whenever the full path (submitAttempt) has more to do:
 * the attempt was closed meanwhile, the form's key was used before, or this submission would
 * complete the course (which dates the completion and issues the certificate).
 */
export async function quickSubmit(
  db: Kysely<Database>,
  options: Omit<Submission, 'doneAt' | 'attemptId'> & {
    state: QuizState;
    /** The quiz's version, when the caller knows it (else worked out from the quiz). */
    currentVersion?: string;
  },
): Promise<QuickSubmission | undefined> {
  const { open } = options.state;
  const version = options.currentVersion ?? quizVersion(options.quiz);
  if (!open || (options.version !== undefined && options.version !== version)) return undefined;
  const answers = options.answers(open.question_ids);
  const questions = open.question_ids
    .map((id) => options.quiz.questions.find((question) => question.id === id))
    .filter((question) => question !== undefined);
  const result = grade(questions, answers, options.quiz.passMark);
  const now = new Date();
  const submittedAt = now < open.started_at ? open.started_at : now;
  const outcome: SubmitOutcome = {
    outcome: 'graded',
    attemptId: open.id,
    score: result.score,
    passed: result.passed,
    courseCompleted: false,
  };
  const { userId, courseId, itemId } = options;
  let rows;
  try {
    ({ rows } = await sql<
      Attempt & {
        progress_percent: number | null;
        item_completed: boolean;
        item_passed: boolean;
        item_best_score: number | null;
      }
    >`${sql.raw(prepared('quiz-quick-submit'))}
      with required as (
        select id, kind from course_items where course_id = ${courseId} and required and removed_at is null
      ),
      counted as (
        select count(*) as total,
               -- Done required items but this quiz, as they stand, plus this quiz once graded.
               (select count(*) from item_progress p join required r on r.id = p.item_id
                 where p.user_id = ${userId} and p.course_id = ${courseId} and p.item_id <> ${itemId}
                   and ((r.kind in ('lesson', 'sco') and p.completed_at is not null) or (r.kind = 'quiz' and p.passed)))
               + case when exists (select 1 from required where id = ${itemId})
                       and (${result.passed}::boolean or coalesce((select passed from item_progress where user_id = ${userId} and item_id = ${itemId}), false))
                      then 1 else 0 end as done
          from required
      ),
      enrolment as (
        select e.id, e.status = 'active' and c.total > 0 and c.done >= c.total as completes,
               case when c.total = 0 then 0 else least(100, (100 * c.done / c.total)::int) end as percent
          from enrolments e, counted c
         where e.user_id = ${userId} and e.course_id = ${courseId}
      ),
      graded as (
        update quiz_attempts
           set answers = ${JSON.stringify(answers)}::jsonb, submitted_at = ${submittedAt}::timestamptz,
               score = ${result.score}::int, passed = ${result.passed}::boolean,
               results = ${JSON.stringify(result.results)}::jsonb, quiz_version = ${version}::text
         where id = ${open.id} and user_id = ${userId} and submitted_at is null
           and exists (select 1 from enrolment where not completes)
           and not exists (select 1 from offline_receipts where user_id = ${userId} and key = ${options.key ?? null}::text)
        returning *
      ),
      -- A key used at the same moment by another submission fails the whole statement (unique).
      receipt as (
        insert into offline_receipts (user_id, key, kind, done_at, result)
        select ${userId}::int, ${options.key ?? null}::text, 'quiz', ${now}::timestamptz, ${JSON.stringify(outcome)}::jsonb
          from graded where ${options.key ?? null}::text is not null
      ),
      progress as (
        insert into item_progress (user_id, item_id, course_id, best_score, passed, attempts, completed_at)
        select ${userId}::int, ${itemId}::int, ${courseId}::int, ${result.score}::int, ${result.passed}::boolean, 1,
               ${result.passed ? submittedAt : null}::timestamptz
          from graded
        ${ADD_QUIZ_RESULT}
        returning completed_at is not null as item_completed, passed as item_passed, best_score as item_best_score
      ),
      touched as (
        update enrolments e
           set ${sql.raw(recordStepAt('step.at'))},
               progress_percent = n.percent
          from enrolment n, (select ${submittedAt}::timestamptz as at) step
         where e.id = n.id and exists (select 1 from graded)
        returning e.progress_percent
      )
      select g.*, t.progress_percent, p.item_completed, p.item_passed, p.item_best_score
        from graded g, progress p, touched t`.execute(db));
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return undefined;
    throw error;
  }
  const row = rows[0];
  if (!row) return undefined;
  const {
    progress_percent: progressPercent,
    item_completed: completed,
    item_passed: passed,
    item_best_score: bestScore,
    ...attempt
  } = row;
  return {
    outcome,
    after: {
      latest: attempt,
      submitted: options.state.submitted + 1,
      progressPercent,
      item: { completed, passed, bestScore },
    },
  };
}
