import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';

export const STATUSES = ['not_started', 'in_progress', 'completed', 'overdue'] as const;
export const SORTS = ['name', 'progress', 'activity', 'score'] as const;
export type LearnerStatus = (typeof STATUSES)[number];
export type LearnerSort = (typeof SORTS)[number];

export type LearnerFilters = {
  status?: LearnerStatus;
  minScore?: number;
  maxScore?: number;
  /** Active within the last N days (positive) or inactive for at least N days (negative). */
  activeDays?: number;
  search?: string;
};
export type LearnerQuery = {
  cohortId: number;
  courseId: number;
  dueOn: string | null;
  filters: LearnerFilters;
  sort: LearnerSort;
  direction: 'asc' | 'desc';
  after?: string;
  limit: number;
  withTotal?: boolean;
};
export type LearnerRow = {
  id: number;
  name: string;
  /** Empty for an erased account. */
  email: string;
  /** The account was erased at the person's request: counted, never named (say "Deleted account"). */
  erased: boolean;
  /** The account is deactivated: it cannot log in; its results stay (the table marks it). */
  deactivated: boolean;
  status: Exclude<LearnerStatus, 'overdue'>;
  overdue: boolean;
  progress: number;
  /** Null when the learner did nothing in the course yet (joining or enrolling is not activity). */
  last_activity_at: Date | null;
  time_spent_seconds: number;
  score: number | null;
  certificate_code: string | null;
  /** The sort key as text, exactly as PostgreSQL wrote it (microseconds included), for the cursor. */
  sort_key: string;
};

/** The quiz whose best score is the course's final score: its last required quiz. */
export async function finalQuizId(db: Kysely<Database>, courseId: number): Promise<number | null> {
  const row = await db
    .selectFrom('course_items')
    .select('id')
    .where('course_id', '=', courseId)
    .where('kind', '=', 'quiz')
    .where('required', '=', true)
    .where('removed_at', 'is', null)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

const STATUS_SQL = sql<string>`case when e.status = 'completed' then 'completed'
  when e.id is null or e.status = 'withdrawn' or (e.progress_percent = 0 and e.last_item_id is null) then 'not_started'
  else 'in_progress' end`;

/**
 * The learner's last activity in the course, or null when they did nothing in it yet: enrolling
 * and joining a cohort stamp `last_activity_at` too, and that date is not activity. Doing something
 * is what the status "not started" denies: opening an item, any progress, or completing.
 */
export const LAST_ACTIVITY_SQL = sql<Date | null>`case when e.status = 'completed' or e.progress_percent > 0 or e.last_item_id is not null then e.last_activity_at end`;

// The name key is deliberately not the indexed expression lower(u.name): walking that index in
// order looked cheap to the planner but, under a selective filter (a score range), meant reading
// all 100,000 members to find a page (400 ms). A top-N sort of the filtered rows is always ~150 ms.
// Learners with no activity yet come last in both directions (they have no date to compare): the
// key gives them the end of time when ascending and the start of time when descending.
function sortKey(sort: LearnerSort, direction: 'asc' | 'desc'): RawBuilder<unknown> {
  switch (sort) {
    case 'name':
      return sql`(lower(u.name) || '')`;
    case 'progress':
      return sql`coalesce(e.progress_percent, 0)`;
    case 'activity':
      return direction === 'asc'
        ? sql`coalesce(${LAST_ACTIVITY_SQL}, 'infinity'::timestamptz)`
        : sql`coalesce(${LAST_ACTIVITY_SQL}, '-infinity'::timestamptz)`;
    case 'score':
      return sql`coalesce(p.best_score, -1)`;
  }
}

/** Opaque cursor for keyset pagination: the last row's sort key and id. */
export function encodeCursor(row: Pick<LearnerRow, 'sort_key' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.sort_key, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): [string | number, number] | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || typeof value[0] === 'number') &&
      Number.isInteger(value[1])
    )
      return [value[0], value[1] as number];
  } catch {}
  return undefined;
}

/**
 * One page of a cohort's learners for one course, with filters and any sort, paginated by keyset
 * (sort key, user id) so the thousandth page costs what the first does. One query, no per-row work.
 */
export async function learnerPage(
  db: Kysely<Database>,
  query: LearnerQuery,
  finalItemId: number | null,
): Promise<{ rows: LearnerRow[]; next?: string; total: number }> {
  const key = sortKey(query.sort, query.direction);
  // The date test has no column in it: PostgreSQL checks it once per query, not per row.
  const overdue = query.dueOn
    ? sql<boolean>`(e.status is distinct from 'completed' and ${query.dueOn}::date < current_date)`
    : sql<boolean>`false`;
  const base = db
    .selectFrom('cohort_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('enrolments as e', (join) =>
      join.onRef('e.user_id', '=', 'm.user_id').on('e.course_id', '=', query.courseId),
    )
    .leftJoin('item_progress as p', (join) =>
      join.onRef('p.user_id', '=', 'm.user_id').on('p.item_id', '=', finalItemId ?? -1),
    )
    .where('m.cohort_id', '=', query.cohortId)
    .$call((qb) => {
      const f = query.filters;
      let q = qb;
      if (f.status === 'overdue') q = q.where(overdue);
      else if (f.status) q = q.where(STATUS_SQL, '=', f.status);
      if (f.minScore !== undefined) q = q.where('p.best_score', '>=', f.minScore);
      if (f.maxScore !== undefined) q = q.where('p.best_score', '<=', f.maxScore);
      if (f.activeDays !== undefined && f.activeDays > 0)
        q = q.where(
          sql<boolean>`${LAST_ACTIVITY_SQL} >= now() - make_interval(days => ${f.activeDays})`,
        );
      if (f.activeDays !== undefined && f.activeDays < 0)
        q = q.where(
          sql<boolean>`(${LAST_ACTIVITY_SQL} is null or ${LAST_ACTIVITY_SQL} < now() - make_interval(days => ${-f.activeDays}))`,
        );
      if (f.search) {
        const pattern = `%${f.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) =>
          eb.or([eb(sql`lower(u.name)`, 'like', pattern), eb('u.email', 'like', pattern)]),
        );
      }
      return q;
    });

  const cursor = decodeCursor(query.after);
  const comparison = query.direction === 'asc' ? sql.raw('>') : sql.raw('<');
  const cursorKey = cursor
    ? query.sort === 'activity'
      ? sql`${cursor[0]}::timestamptz`
      : query.sort === 'name'
        ? sql`${cursor[0]}::text`
        : sql`${cursor[0]}::int`
    : undefined;
  const [rows, total] = await Promise.all([
    base
      .select([
        'u.id',
        'u.name',
        sql<string>`case when u.erased_at is null then u.email else '' end`.as('email'),
        sql<boolean>`u.erased_at is not null`.as('erased'),
        sql<boolean>`u.deactivated_at is not null`.as('deactivated'),
        LAST_ACTIVITY_SQL.as('last_activity_at'),
        'p.best_score as score',
        sql<string>`${STATUS_SQL}`.as('status'),
        overdue.as('overdue'),
        sql<number>`coalesce(e.progress_percent, 0)`.as('progress'),
        sql<number>`coalesce(e.time_spent_seconds, 0)`.as('time_spent_seconds'),
        (eb) =>
          eb
            .selectFrom('certificates as cert')
            .select('cert.code')
            .whereRef('cert.user_id', '=', 'm.user_id')
            .where('cert.course_id', '=', query.courseId)
            .as('certificate_code'),
        // As text: a timestamp read into a JS Date would lose its microseconds, and a cursor
        // rounded to the millisecond repeats or skips rows; 'infinity' also survives as text.
        sql<string>`(${key})::text`.as('sort_key'),
      ])
      .$if(cursorKey !== undefined, (qb) =>
        qb.where(sql<boolean>`(${key}, u.id) ${comparison} (${cursorKey}, ${cursor![1]})`),
      )
      .orderBy(key, query.direction)
      .orderBy('u.id', query.direction)
      .limit(query.limit + 1)
      .execute(),
    query.withTotal === false
      ? Promise.resolve(0)
      : base
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
          .then((row) => Number(row.n)),
  ]);
  const count = total;
  const page = rows.slice(0, query.limit) as unknown as LearnerRow[];
  return {
    rows: page,
    next: rows.length > query.limit ? encodeCursor(page.at(-1)!) : undefined,
    total: Number(count),
  };
}
