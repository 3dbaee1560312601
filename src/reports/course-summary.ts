import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** The ten 10-point buckets of the final-score distribution, as the charts and tables label them. */
export const SCORE_LABELS = [
  '0–9',
  '10–19',
  '20–29',
  '30–39',
  '40–49',
  '50–59',
  '60–69',
  '70–79',
  '80–89',
  '90–100',
];

export type CourseSummary = {
  members: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  overdue: number;
  averageScore: number | null;
  /** The lowest and highest final scores, null when nobody has one. */
  lowestScore: number | null;
  highestScore: number | null;
  scored: number;
  distribution: number[];
  completions: Array<{ day: string; count: number }>;
};

/**
 * The cohort dashboard for one course, in three set-based queries over indexed joins:
 * status counts, final-score distribution (ten 10-point buckets) and completions per day.
 */
export async function courseSummary(
  db: Kysely<Database>,
  options: { cohortId: number; courseId: number; dueOn: string | null; finalItemId: number | null },
): Promise<CourseSummary> {
  const { cohortId, courseId, dueOn, finalItemId } = options;
  const [counts, scores, completions] = await Promise.all([
    sql<{
      members: number;
      completed: number;
      not_started: number;
      in_progress: number;
      overdue: number;
    }>`
      select count(*) as members,
             count(*) filter (where e.status = 'completed') as completed,
             count(*) filter (where e.status is distinct from 'completed' and (e.id is null or e.status = 'withdrawn' or (e.progress_percent = 0 and e.last_item_id is null))) as not_started,
             count(*) filter (where e.status = 'active' and (e.progress_percent > 0 or e.last_item_id is not null)) as in_progress,
             count(*) filter (where e.status is distinct from 'completed' and ${dueOn}::date < current_date) as overdue
        from cohort_members m
        left join enrolments e on e.user_id = m.user_id and e.course_id = ${courseId}
       where m.cohort_id = ${cohortId}`.execute(db),
    sql<{ bucket: number; n: number; total: number; low: number; high: number }>`
      select least(p.best_score / 10, 9) as bucket, count(*) as n, sum(p.best_score) as total,
             min(p.best_score) as low, max(p.best_score) as high
        from cohort_members m
        join item_progress p on p.user_id = m.user_id and p.item_id = ${finalItemId ?? -1}
       where m.cohort_id = ${cohortId} and p.best_score is not null
       group by 1`.execute(db),
    sql<{ day: string; n: number }>`
      select to_char(e.completed_at, 'YYYY-MM-DD') as day, count(*) as n
        from cohort_members m
        join enrolments e on e.user_id = m.user_id and e.course_id = ${courseId}
       where m.cohort_id = ${cohortId} and e.completed_at is not null
       group by 1 order by 1`.execute(db),
  ]);
  const row = counts.rows[0]!;
  const distribution = Array.from({ length: 10 }, () => 0);
  let scored = 0;
  let total = 0;
  let lowestScore: number | null = null;
  let highestScore: number | null = null;
  for (const bucket of scores.rows) {
    distribution[Number(bucket.bucket)] = Number(bucket.n);
    scored += Number(bucket.n);
    total += Number(bucket.total);
    lowestScore = Math.min(lowestScore ?? Infinity, Number(bucket.low));
    highestScore = Math.max(highestScore ?? -Infinity, Number(bucket.high));
  }
  return {
    members: Number(row.members),
    completed: Number(row.completed),
    notStarted: Number(row.not_started),
    inProgress: Number(row.in_progress),
    overdue: Number(row.overdue),
    averageScore: scored > 0 ? Math.round(total / scored) : null,
    lowestScore,
    highestScore,
    scored,
    distribution,
    completions: completions.rows.map((r) => ({ day: r.day, count: Number(r.n) })),
  };
}
