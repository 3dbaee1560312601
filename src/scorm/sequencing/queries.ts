/**
 * The sequencing engine's state per learner and course attempt, and the learner's global
 * objectives. The engine runs in the browser (scorm-again); the server keeps what it reports,
 * never lets an older report overwrite a newer one, and takes the course's completion from the
 * root activity's rollup.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { completeByRollup } from '../../learn/progress.js';
import type { ParsedPackage } from '../package/index.js';

export type SequencingAttempt = {
  id: number;
  number: number;
  /** When the attempt began: with its id, the seed of its selection and randomisation. */
  startedAt: Date;
  packageId: number;
  state: string | null;
  delivered: string | null;
  ended: string | null;
  suspended: boolean;
  manifest: ParsedPackage;
};

const ATTEMPT_COLUMNS = [
  'id',
  'number',
  'started_at',
  'package_id',
  'state',
  'delivered',
  'ended',
  'suspended',
] as const;

/**
 * The learner's current course attempt, opening a new one (from the course's current package,
 * with no state) when there is none or the last one's sequencing session ended without a
 * suspension: a new attempt starts afresh, its objectives included unless global to the system.
 */
export async function currentSequencingAttempt(
  db: Kysely<Database>,
  userId: number,
  courseId: number,
): Promise<SequencingAttempt> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('scorm_sequencing_states')
      .select(ATTEMPT_COLUMNS)
      .where('user_id', '=', userId)
      .where('course_id', '=', courseId)
      .orderBy('number', 'desc')
      .forUpdate()
      .executeTakeFirst();
    let row = last;
    if (!row || (row.ended && !row.suspended)) {
      const { package_id } = await trx
        .selectFrom('scorm_courses')
        .select('package_id')
        .where('course_id', '=', courseId)
        .executeTakeFirstOrThrow();
      row = await trx
        .insertInto('scorm_sequencing_states')
        .values({
          user_id: userId,
          course_id: courseId,
          package_id,
          number: (last?.number ?? 0) + 1,
        })
        .onConflict((conflict) =>
          conflict
            .columns(['user_id', 'course_id', 'number'])
            .doUpdateSet({ updated_at: sql`now()` }),
        )
        .returning(ATTEMPT_COLUMNS)
        .executeTakeFirstOrThrow();
    }
    const { manifest } = await trx
      .selectFrom('scorm_packages')
      .select('manifest')
      .where('id', '=', row.package_id)
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      number: row.number,
      startedAt: row.started_at,
      packageId: row.package_id,
      state: row.state,
      delivered: row.delivered,
      ended: row.ended,
      suspended: row.suspended,
      manifest: manifest as ParsedPackage,
    };
  });
}

/** The learner's objectives global to the system, as scorm-again's snapshot (id → entry). */
export async function learnerGlobalObjectives(
  db: Kysely<Database>,
  userId: number,
): Promise<Record<string, unknown>> {
  const rows = await db
    .selectFrom('scorm_global_objectives')
    .select(['objective_id', 'data'])
    .where('user_id', '=', userId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.objective_id, row.data]));
}

export type SequencingReport = {
  seq: number;
  state: string;
  delivered: string | null;
  ended: string | null;
  suspended: boolean;
  root: { completion: string; success: string; score: number | null };
  /** Only when the package keeps objectives global to the system. */
  globalObjectives?: Record<string, Record<string, unknown>>;
};

/**
 * Stores what the engine reports if it is newer than what is stored; the learner's global
 * objectives and, once the root activity rolls up completed (and not failed), the course's
 * completion go with it in the same transaction. Returns false for a stale report.
 */
export async function recordSequencing(
  db: Kysely<Database>,
  where: { attemptId: number; userId: number; courseId: number },
  report: SequencingReport,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const stored = await trx
      .updateTable('scorm_sequencing_states')
      .set({
        seq: report.seq,
        state: report.state,
        delivered: report.delivered,
        ended: report.ended,
        suspended: report.suspended,
        root_completion: report.root.completion,
        root_success: report.root.success,
        root_score: report.root.score,
        updated_at: sql`now()`,
      })
      .where('id', '=', where.attemptId)
      .where('user_id', '=', where.userId)
      .where('seq', '<', String(report.seq))
      .returning('id')
      .executeTakeFirst();
    if (!stored) return false;
    for (const [objectiveId, data] of Object.entries(report.globalObjectives ?? {})) {
      await trx
        .insertInto('scorm_global_objectives')
        .values({ user_id: where.userId, objective_id: objectiveId, data: JSON.stringify(data) })
        .onConflict((conflict) =>
          conflict.columns(['user_id', 'objective_id']).doUpdateSet({
            data: (eb) => eb.ref('excluded.data'),
            updated_at: sql`now()`,
          }),
        )
        .execute();
    }
    if (report.root.completion === 'completed' && report.root.success !== 'failed')
      await completeByRollup(trx, where.userId, where.courseId);
    return true;
  });
}

/** A published SCORM course by slug, and whether this learner is enrolled in it. */
export async function enrolledScormCourse(db: Kysely<Database>, slug: string, userId: number) {
  const row = await db
    .selectFrom('courses as c')
    .leftJoin('enrolments as e', (join) =>
      join.onRef('e.course_id', '=', 'c.id').on('e.user_id', '=', userId),
    )
    .select(['c.id', 'c.slug', 'c.title', 'e.status'])
    .where('c.slug', '=', slug)
    .where('c.kind', '=', 'scorm')
    .where('c.published', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, enrolled: row.status !== null && row.status !== 'withdrawn' };
}

/** Whether the course's current package runs under the sequencing engine (SCORM 2004 with a tree). */
export async function courseIsSequenced(db: Kysely<Database>, courseId: number): Promise<boolean> {
  const row = await db
    .selectFrom('scorm_courses as s')
    .innerJoin('scorm_packages as p', 'p.id', 's.package_id')
    .select(sql<boolean>`p.manifest ? 'sequencing'`.as('sequenced'))
    .where('s.course_id', '=', courseId)
    .executeTakeFirst();
  return row?.sequenced === true;
}
