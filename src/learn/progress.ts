import { sql, type Transaction } from 'kysely';
import { issueCertificate } from '../certificates/issue.js';
import { prepared } from '../db/connect.js';
import type { Database } from '../db/database.js';

/**
 * Recomputes stored progress (and completion) for one learner's enrolment, or for every enrolment
 * in a course (after a course's content changed), in one set-based statement, inside the caller's
 * transaction. Completion, once reached, is kept: a certificate stays valid if the course grows.
 * Newly completed enrolments get their certificate here too (learners whose address is not
 * confirmed yet get it when they confirm it).
 */
export async function recomputeProgress(
  trx: Transaction<Database>,
  scope: { courseId: number; userId?: number; activeOnly?: boolean },
  /** When the event that causes this happened (offline work counts at its real time); now by default. */
  doneAt?: Date,
): Promise<Array<{ userId: number; courseId: number }>> {
  const at = doneAt ? sql`${doneAt}::timestamptz` : sql`now()`;
  const userFilter = scope.userId === undefined ? sql`` : sql`and e.user_id = ${scope.userId}`;
  const statusFilter = scope.activeOnly ? sql`and e.status = 'active'` : sql``;
  // One learner's recomputation follows every graded quiz and finished SCO: planned once per
  // connection. A whole course's (after a sync) is planned for its own size each time.
  const result = await sql<{
    user_id: number;
    course_id: number;
    completed_at: Date | null;
    newly_completed: boolean;
  }>`${sql.raw(scope.userId === undefined ? '' : prepared('recompute-progress'))}
    with required as (
      select id, kind from course_items
      where course_id = ${scope.courseId} and required and removed_at is null
    ),
    done as (
      select e.id as enrolment_id,
             count(p.item_id) filter (where (r.kind in ('lesson', 'sco') and p.completed_at is not null) or (r.kind = 'quiz' and p.passed)) as done,
             -- A course finished by work sent late (offline) is finished when its last item was done.
             max(p.completed_at) filter (where r.id is not null) as last_done
      from enrolments e
      left join item_progress p on p.user_id = e.user_id and p.course_id = e.course_id
      left join required r on r.id = p.item_id
      where e.course_id = ${scope.courseId} ${userFilter} ${statusFilter}
      group by e.id
    ),
    total as (select count(*) as total from required)
    update enrolments e
       set progress_percent = case when total.total = 0 then 0 else least(100, (100 * done.done / total.total)::int) end,
           status = case when e.status = 'active' and total.total > 0 and done.done >= total.total then 'completed' else e.status end,
           completed_at = case when e.status = 'active' and total.total > 0 and done.done >= total.total then greatest(${at}, done.last_done) else e.completed_at end
      from done, total
     where e.id = done.enrolment_id
    returning e.user_id, e.course_id, e.completed_at,
              (e.completed_at = greatest(${at}, done.last_done) and e.status = 'completed') as newly_completed`.execute(
    trx,
  );

  const completed = result.rows
    .filter((row) => row.newly_completed)
    .map((row) => ({ userId: row.user_id, courseId: row.course_id, on: row.completed_at }));
  for (const { userId, courseId, on } of completed)
    await issueCertificate(trx, userId, courseId, on ?? doneAt);
  return completed.map(({ userId, courseId }) => ({ userId, courseId }));
}

/**
 * Completes a learner's enrolment because the course's own rules say so (a SCORM 2004 package's
 * root activity rolled up completed), whatever the count of items: a passed pre-test may skip
 * the lessons. Issues the certificate; does nothing to an enrolment already completed.
 */
export async function completeByRollup(
  trx: Transaction<Database>,
  userId: number,
  courseId: number,
): Promise<boolean> {
  const completed = await trx
    .updateTable('enrolments')
    .set({ status: 'completed', progress_percent: 100, completed_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .where('status', '=', 'active')
    .returning('id')
    .executeTakeFirst();
  if (completed) await issueCertificate(trx, userId, courseId);
  return completed !== undefined;
}
