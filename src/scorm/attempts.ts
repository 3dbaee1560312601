/**
 * SCORM attempts: which attempt a launch opens (the course's attempt policy), the CMI it starts
 * from, and how a commit is stored: only when newer than what is stored, with interactions and
 * objectives as queryable rows and the SCO's status fed into course progress in the same
 * transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, ScormAttemptPolicy } from '../db/database.js';
import { recomputeProgress } from '../learn/progress.js';
import type { FlatSco, ParsedPackage, ScormVersion } from './package/index.js';
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

type Learner = { id: number; name: string };

/** Opens (or resumes) the learner's attempt at one SCO of a SCORM course; undefined if the SCO does not exist. */
export async function openAttempt(db: Kysely<Database>, learner: Learner, courseId: number, itemId: number, scoIdentifier: string): Promise<Launch | undefined> {
  return db.transaction().execute(async (trx) => {
    const settings = await trx.selectFrom('scorm_courses').select(['package_id', 'attempt_policy', 'max_attempts']).where('course_id', '=', courseId).executeTakeFirst();
    if (!settings) return undefined;
    const last = await trx
      .selectFrom('scorm_attempts')
      .select(['id', 'number', 'package_id', 'completion_status', 'success_status'])
      .where('user_id', '=', learner.id)
      .where('item_id', '=', itemId)
      .orderBy('number', 'desc')
      .forUpdate()
      .executeTakeFirst();
    const fresh = !last || startsNewAttempt(settings.attempt_policy, settings.max_attempts, last);
    // Two tabs launching at once both land on the same attempt number: the loser just resumes it.
    const attempt = await trx
      .insertInto('scorm_attempts')
      .values({ user_id: learner.id, course_id: courseId, item_id: itemId, package_id: fresh ? settings.package_id : last.package_id, number: fresh ? (last?.number ?? 0) + 1 : last.number, launches: 1 })
      .onConflict((conflict) => conflict.columns(['user_id', 'item_id', 'number']).doUpdateSet({ launches: sql`scorm_attempts.launches + 1` }))
      .returning(['id', 'number', 'package_id', 'launches', 'cmi'])
      .executeTakeFirstOrThrow();
    const pkg = await trx.selectFrom('scorm_packages').select(['hash', 'content_root', 'scorm_version', 'manifest']).where('id', '=', attempt.package_id).executeTakeFirstOrThrow();
    const sco = (pkg.manifest as ParsedPackage).scos.find((entry) => entry.identifier === scoIdentifier);
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

function startsNewAttempt(policy: ScormAttemptPolicy, maxAttempts: number | null, last: { number: number; completion_status: string; success_status: string }): boolean {
  if (maxAttempts !== null && last.number >= maxAttempts) return false;
  if (policy === 'always') return true;
  if (policy === 'never') return false;
  return last.completion_status === 'completed' || last.success_status !== 'unknown';
}

type Cmi = Record<string, unknown>;
const isRecord = (value: unknown): value is Cmi => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The stored CMI with what only the LMS may set: who the learner is, entry (resume when the SCO
 * left suspended or saved anything to come back to), launch data and the manifest's thresholds.
 * Write-only elements of the previous session (exit, session_time) are not handed back.
 */
export function launchCmi(version: ScormVersion, stored: Record<string, unknown> | null, sco: FlatSco, learner: Learner): { cmi: Cmi } {
  const cmi: Cmi = isRecord(stored?.cmi) ? structuredClone(stored.cmi) : {};
  const hasHistory = stored !== null;
  if (version === 'scorm12') {
    const core: Cmi = isRecord(cmi.core) ? cmi.core : {};
    const exit = core.exit;
    delete core.exit;
    delete core.session_time;
    const resumable = exit === 'suspend' || Boolean(cmi.suspend_data) || Boolean(core.lesson_location);
    core.entry = !hasHistory ? 'ab-initio' : resumable ? 'resume' : '';
    core.student_id = String(learner.id);
    core.student_name = learner.name;
    core.credit = 'credit';
    core.lesson_mode = 'normal';
    cmi.core = core;
    cmi.launch_data = sco.dataFromLms ?? '';
    cmi.student_data = {
      ...(isRecord(cmi.student_data) ? cmi.student_data : {}),
      mastery_score: sco.masteryScore === undefined ? '' : String(sco.masteryScore),
      max_time_allowed: sco.maxTimeAllowed ?? '',
      time_limit_action: sco.timeLimitAction ?? '',
    };
    return { cmi };
  }
  const exit = cmi.exit;
  delete cmi.exit;
  delete cmi.session_time;
  const resumable = exit === 'suspend' || exit === 'logout' || Boolean(cmi.suspend_data) || Boolean(cmi.location);
  cmi.entry = !hasHistory ? 'ab-initio' : resumable ? 'resume' : '';
  cmi.learner_id = String(learner.id);
  cmi.learner_name = learner.name;
  cmi.credit = 'credit';
  cmi.mode = 'normal';
  cmi.launch_data = sco.dataFromLms ?? '';
  if (sco.scaledPassingScore !== undefined) cmi.scaled_passing_score = String(sco.scaledPassingScore);
  if (sco.completionThreshold) cmi.completion_threshold = String(sco.completionThreshold.minProgressMeasure);
  if (sco.maxTimeAllowed) cmi.max_time_allowed = sco.maxTimeAllowed;
  if (sco.timeLimitAction) cmi.time_limit_action = sco.timeLimitAction;
  // The manifest's objectives are there from the first launch: content reads them right after Initialize.
  const hasObjectives = Array.isArray(cmi.objectives) ? cmi.objectives.length > 0 : isRecord(cmi.objectives) && Object.keys(cmi.objectives).some((key) => /^\d+$/.test(key));
  if (!hasObjectives) {
    const ids = sco.objectives.map((objective) => objective.id).filter(Boolean);
    if (ids.length > 0) cmi.objectives = ids.map((id) => ({ id }));
  }
  return { cmi };
}

/** Whether a SCO's reported state counts as done for course progress. */
export function scoDone(commit: Pick<ParsedCommit, 'completionStatus' | 'successStatus'>): boolean {
  return commit.successStatus === 'passed' || (commit.completionStatus === 'completed' && commit.successStatus !== 'failed');
}

export type CommitOutcome = 'stored' | 'stale' | 'missing';

/**
 * Stores a commit if it is newer than the stored one (a replayed, retried or out-of-order commit
 * changes nothing and is acknowledged, so the SCO sees no error). One transaction: the attempt,
 * its interactions and objectives, the item's progress and, when that changed, the course's.
 */
export async function recordCommit(db: Kysely<Database>, attemptId: number, userId: number, commit: ParsedCommit): Promise<CommitOutcome> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('scorm_attempts')
      .set({
        seq: commit.seq,
        cmi: JSON.stringify(commit.cmi),
        completion_status: commit.completionStatus,
        success_status: commit.successStatus,
        score_scaled: commit.scoreScaled,
        score_raw: commit.scoreRaw,
        total_time_seconds: Math.min(2_000_000_000, Math.round(commit.totalTimeSeconds)),
        updated_at: sql`now()`,
      })
      .where('id', '=', attemptId)
      .where('user_id', '=', userId)
      .where('seq', '<', String(commit.seq))
      .returning(['course_id', 'item_id'])
      .executeTakeFirst();
    if (!updated) {
      const exists = await trx.selectFrom('scorm_attempts').select('id').where('id', '=', attemptId).where('user_id', '=', userId).executeTakeFirst();
      return exists ? 'stale' : 'missing';
    }
    await trx.deleteFrom('scorm_interactions').where('attempt_id', '=', attemptId).execute();
    if (commit.interactions.length > 0) {
      await trx
        .insertInto('scorm_interactions')
        .values(
          commit.interactions.map((interaction) => ({
            attempt_id: attemptId,
            position: interaction.index,
            course_id: updated.course_id,
            item_id: updated.item_id,
            interaction_id: interaction.id,
            type: interaction.type,
            learner_response: interaction.learnerResponse,
            correct_response: interaction.correctResponse,
            result: interaction.result,
            weighting: interaction.weighting,
            latency: interaction.latency,
            description: interaction.description,
          })),
        )
        .execute();
    }
    await trx.deleteFrom('scorm_objectives').where('attempt_id', '=', attemptId).execute();
    if (commit.objectives.length > 0) {
      await trx
        .insertInto('scorm_objectives')
        .values(
          commit.objectives.map((objective) => ({
            attempt_id: attemptId,
            position: objective.index,
            course_id: updated.course_id,
            objective_id: objective.id,
            success_status: objective.successStatus,
            completion_status: objective.completionStatus,
            score_scaled: objective.scoreScaled,
          })),
        )
        .execute();
    }
    await recordItemProgress(trx, userId, updated.course_id, updated.item_id, scoDone(commit), commit.successStatus === 'passed', commit.scoreScaled);
    return 'stored';
  });
}

/** Feeds a SCO's state into the item's progress; recomputes the course's only when the item became done. */
export async function recordItemProgress(trx: Transaction<Database>, userId: number, courseId: number, itemId: number, done: boolean, passed: boolean, scoreScaled: number | null): Promise<void> {
  const score = scoreScaled === null ? null : Math.round(Math.max(0, Math.min(1, scoreScaled)) * 100);
  const result = await sql<{ became_done: boolean }>`
    with before as (select completed_at from item_progress where user_id = ${userId} and item_id = ${itemId})
    insert into item_progress (user_id, item_id, course_id, completed_at, passed, best_score)
    values (${userId}, ${itemId}, ${courseId}, ${done ? sql`now()` : null}, ${passed}, ${score})
    on conflict (user_id, item_id) do update
       set completed_at = coalesce(item_progress.completed_at, excluded.completed_at),
           passed = item_progress.passed or excluded.passed,
           best_score = greatest(item_progress.best_score, excluded.best_score),
           updated_at = now()
    returning (completed_at is not null and (select completed_at from before) is null) as became_done`.execute(trx);
  await trx.updateTable('enrolments').set({ last_activity_at: sql`now()` }).where('user_id', '=', userId).where('course_id', '=', courseId).execute();
  if (result.rows[0]?.became_done) await recomputeProgress(trx, { courseId, userId });
}
