/**
 * SCORM attempts: which attempt a launch opens (the course's attempt policy), the CMI it starts
 * from (launch-cmi.ts), and how a commit is stored: only when newer than what is stored, with interactions and
 * objectives as queryable rows and the SCO's status fed into course progress in the same
 * transaction.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database, ScormAttemptPolicy } from '../db/database.js';
import { prepared } from '../db/connect.js';
import { recomputeProgress } from '../learn/progress.js';
import { recordStepAt } from '../learn/time-spent.js';
import type { FlatSco, ParsedPackage, ScormVersion } from './package/index.js';
import { launchCmi, type Learner } from './launch-cmi.js';
import type { ParsedCommit } from './runtime/commit.js';

/** Commits of launch n carry seq = n * LAUNCH_STRIDE + k (k = 1, 2, …): a later launch always outranks an earlier one. */
export const LAUNCH_STRIDE = 1_000_000;

export type Launch = {
  attemptId: number;
  attemptNumber: number;
  packageId: number;
  packageHash: string;
  contentRoot: string;
  version: ScormVersion;
  sco: FlatSco;
  /** The first seq this launch may use is seqBase + 1. */
  seqBase: number;
  /** What the player hands to scorm-again's loadFromJSON before Initialize. */
  cmi: { cmi: Record<string, unknown> };
};

/** Opens (or resumes) the learner's attempt at one SCO of a SCORM course; undefined if the SCO does not exist. */
export async function openAttempt(
  db: Kysely<Database>,
  learner: Learner,
  courseId: number,
  itemId: number,
  scoIdentifier: string,
): Promise<Launch | undefined> {
  return db.transaction().execute(async (trx) => {
    const settings = await trx
      .selectFrom('scorm_courses')
      .select(['package_id', 'attempt_policy', 'max_attempts'])
      .where('course_id', '=', courseId)
      .executeTakeFirst();
    if (!settings) return undefined;
    const last = await trx
      .selectFrom('scorm_attempts')
      .select(['id', 'number', 'package_id', 'completion_status', 'success_status', 'cmi'])
      .where('user_id', '=', learner.id)
      .where('item_id', '=', itemId)
      .orderBy('number', 'desc')
      .forUpdate()
      .executeTakeFirst();
    const fresh = !last || startsNewAttempt(settings.attempt_policy, settings.max_attempts, last);
    // Two tabs launching at once both land on the same attempt number: the loser just resumes it.
    const attempt = await trx
      .insertInto('scorm_attempts')
      .values({
        user_id: learner.id,
        course_id: courseId,
        item_id: itemId,
        package_id: fresh ? settings.package_id : last.package_id,
        number: fresh ? (last?.number ?? 0) + 1 : last.number,
        launches: 1,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['user_id', 'item_id', 'number'])
          .doUpdateSet({ launches: sql`scorm_attempts.launches + 1` }),
      )
      .returning(['id', 'number', 'package_id', 'launches', 'cmi'])
      .executeTakeFirstOrThrow();
    const pkg = await trx
      .selectFrom('scorm_packages')
      .select(['hash', 'content_root', 'scorm_version', 'manifest'])
      .where('id', '=', attempt.package_id)
      .executeTakeFirstOrThrow();
    // Progress is a consequence of the SCOs' states, so a launch repairs it if anything ever left it behind.
    await recomputeProgress(trx, { courseId, userId: learner.id, activeOnly: true });
    const sco = (pkg.manifest as ParsedPackage).scos.find(
      (entry) => entry.identifier === scoIdentifier,
    );
    if (!sco) return undefined;
    return {
      attemptId: attempt.id,
      attemptNumber: attempt.number,
      packageId: attempt.package_id,
      packageHash: pkg.hash,
      contentRoot: pkg.content_root,
      version: pkg.scorm_version,
      sco,
      seqBase: attempt.launches * LAUNCH_STRIDE,
      cmi: launchCmi(pkg.scorm_version, attempt.cmi, sco, learner),
    };
  });
}

function startsNewAttempt(
  policy: ScormAttemptPolicy,
  maxAttempts: number | null,
  last: { number: number; completion_status: string; success_status: string; cmi: unknown },
): boolean {
  if (maxAttempts !== null && last.number >= maxAttempts) return false;
  if (policy === 'always') return true;
  if (policy === 'never') return false;
  return (
    last.completion_status === 'completed' ||
    last.success_status !== 'unknown' ||
    sessionEndedAttempt(last.cmi)
  );
}

/**
 * Whether the stored session ended its attempt: it reported something (so it ran) and did not
 * leave with exit = suspend, the only exit that keeps an attempt open for the next launch (RTE).
 */
export function sessionEndedAttempt(stored: unknown): boolean {
  const cmi = (stored as { cmi?: Record<string, unknown> } | null)?.cmi;
  if (!cmi || typeof cmi !== 'object') return false;
  const core = cmi.core as Record<string, unknown> | undefined;
  const exit = core && typeof core === 'object' ? core.exit : cmi.exit;
  return exit !== 'suspend';
}

/** Whether a SCO's reported state counts as done for course progress. */
export function scoDone(commit: Pick<ParsedCommit, 'completionStatus' | 'successStatus'>): boolean {
  return (
    commit.successStatus === 'passed' ||
    (commit.completionStatus === 'completed' && commit.successStatus !== 'failed')
  );
}

export type CommitOutcome = 'stored' | 'stale' | 'missing';

/**
 * Stores a commit if it is newer than the stored one (a replayed, retried or out-of-order commit
 * changes nothing and is acknowledged, so the SCO sees no error). Commits arrive every few
 * seconds from every open SCO, so an unfinished SCO's commit is one statement, atomic on its own.
 * A commit saying the SCO is done also recomputes the course's progress in the same transaction,
 * as long as the course is not complete yet: a crash can never leave a done SCO uncounted, and a
 * course left inconsistent by older versions is repaired by the next such commit (or launch).
 */
export async function recordCommit(
  db: Kysely<Database>,
  attemptId: number,
  userId: number,
  commit: ParsedCommit,
): Promise<CommitOutcome> {
  if (!scoDone(commit)) return (await storeCommit(db, attemptId, userId, commit)).outcome;
  return db.transaction().execute(async (trx) => {
    const { outcome, courseId } = await storeCommit(trx, attemptId, userId, commit);
    if (courseId !== undefined)
      await recomputeProgress(trx, { courseId, userId, activeOnly: true });
    return outcome;
  });
}

/**
 * The CMI as stored: without the learner's name and id, which every launch writes back from the
 * account (launch-cmi.ts). So erasing a person clears them for good, even from a late commit.
 */
function withoutLearner(cmi: Record<string, unknown>): Record<string, unknown> {
  const inner = cmi.cmi;
  if (typeof inner !== 'object' || inner === null) return cmi;
  const { learner_id: _id, learner_name: _name, ...rest } = inner as Record<string, unknown>;
  const core = rest.core;
  if (typeof core === 'object' && core !== null) {
    const { student_id: _sid, student_name: _sname, ...coreRest } = core as Record<string, unknown>;
    rest.core = coreRest;
  }
  return { ...cmi, cmi: rest };
}

// The commit's statement, written once: its text is the same string on every commit, so neither
// the query builder nor the statement cache works on it again (see storeCommit for what it does).
const COMMIT_STATEMENT = `${prepared('scorm-commit')}
    with updated as (
      update scorm_attempts
         set seq = $3, cmi = $4::jsonb, completion_status = $5,
             success_status = $6, score_scaled = $7, score_raw = $8,
             total_time_seconds = $9, updated_at = now()
       where id = $1 and user_id = $2 and seq < $3
         -- A tab left open after deactivation or erasure writes nothing (its token lives a day).
         and exists (select 1 from users where id = $2 and deactivated_at is null and erased_at is null)
      returning course_id, item_id
    ),
    new_interactions as (
      insert into scorm_interactions (attempt_id, position, course_id, item_id, interaction_id, type, learner_response, correct_response, result, weighting, latency, description)
      select $1::int, x.position, u.course_id, u.item_id, x.interaction_id, x.type, x.learner_response, x.correct_response, x.result, x.weighting, x.latency, x.description
        from updated u, jsonb_to_recordset($10::jsonb) as x(position int, interaction_id text, type text, learner_response text, correct_response text, result text, weighting real, latency text, description text)
      on conflict (attempt_id, position) do update
         set interaction_id = excluded.interaction_id, type = excluded.type, learner_response = excluded.learner_response, correct_response = excluded.correct_response,
             result = excluded.result, weighting = excluded.weighting, latency = excluded.latency, description = excluded.description
    ),
    old_interactions as (
      delete from scorm_interactions where attempt_id = $1 and exists (select 1 from updated) and not (position = any($11::int[]))
    ),
    new_objectives as (
      insert into scorm_objectives (attempt_id, position, course_id, objective_id, success_status, completion_status, score_scaled)
      select $1::int, o.position, u.course_id, o.objective_id, o.success_status, o.completion_status, o.score_scaled
        from updated u, jsonb_to_recordset($12::jsonb) as o(position int, objective_id text, success_status text, completion_status text, score_scaled real)
      on conflict (attempt_id, position) do update
         set objective_id = excluded.objective_id, success_status = excluded.success_status, completion_status = excluded.completion_status, score_scaled = excluded.score_scaled
    ),
    old_objectives as (
      delete from scorm_objectives where attempt_id = $1 and exists (select 1 from updated) and not (position = any($13::int[]))
    ),
    before as (
      select p.completed_at from item_progress p join updated u on p.item_id = u.item_id where p.user_id = $2
    ),
    progress as (
      insert into item_progress (user_id, item_id, course_id, completed_at, passed, best_score)
      select $2::int, u.item_id, u.course_id, case when $14::boolean then now() end, $15::boolean, $16::int from updated u
       where $14::boolean or $15::boolean or $16::int is not null or not exists (select 1 from before)
      on conflict (user_id, item_id) do update
         set completed_at = coalesce(item_progress.completed_at, excluded.completed_at), passed = item_progress.passed or excluded.passed,
             best_score = greatest(item_progress.best_score, excluded.best_score), updated_at = now()
    ),
    activity as (
      update enrolments e set ${recordStepAt('now()')}
        from updated u
       where e.user_id = $2 and e.course_id = u.course_id and e.last_activity_at < now() - interval '1 minute'
    )
    select u.course_id from updated u`;

/**
 * The commit itself, in one statement: the attempt, its interactions and objectives (upserted by
 * position, extras trimmed), the item's progress (only written when there is something new to
 * say) and the enrolment's last activity (at most once a minute).
 */
async function storeCommit(
  db: Kysely<Database>,
  attemptId: number,
  userId: number,
  commit: ParsedCommit,
): Promise<{ outcome: CommitOutcome; courseId?: number }> {
  const done = scoDone(commit);
  const passed = commit.successStatus === 'passed';
  const score =
    commit.scoreScaled === null
      ? null
      : Math.round(Math.max(0, Math.min(1, commit.scoreScaled)) * 100);
  const interactions = commit.interactions.map((x) => ({
    position: x.index,
    interaction_id: x.id,
    type: x.type,
    learner_response: x.learnerResponse,
    correct_response: x.correctResponse,
    result: x.result,
    weighting: x.weighting,
    latency: x.latency,
    description: x.description,
  }));
  const objectives = commit.objectives.map((o) => ({
    position: o.index,
    objective_id: o.id,
    success_status: o.successStatus,
    completion_status: o.completionStatus,
    score_scaled: o.scoreScaled,
  }));
  const result = await db.executeQuery<{ course_id: number }>(
    CompiledQuery.raw(COMMIT_STATEMENT, [
      attemptId,
      userId,
      commit.seq,
      JSON.stringify(withoutLearner(commit.cmi)),
      commit.completionStatus,
      commit.successStatus,
      commit.scoreScaled,
      commit.scoreRaw,
      Math.min(2_000_000_000, Math.round(commit.totalTimeSeconds)),
      JSON.stringify(interactions),
      interactions.map((x) => x.position),
      JSON.stringify(objectives),
      objectives.map((o) => o.position),
      done,
      passed,
      score,
    ]),
  );
  const stored = result.rows[0];
  if (stored) return { outcome: 'stored', courseId: stored.course_id };
  const exists = await db
    .selectFrom('scorm_attempts')
    .select('id')
    .where('id', '=', attemptId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { outcome: exists ? 'stale' : 'missing' };
}
