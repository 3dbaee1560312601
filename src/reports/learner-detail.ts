import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { LAST_ACTIVITY_SQL } from './learner-table.js';

/** Everything about one learner in one course, for the trainer's drill-down. */
export async function learnerDetail(
  db: Kysely<Database>,
  options: { userId: number; courseId: number },
) {
  const [enrolment, items, attempts, scormAttempts] = await Promise.all([
    db
      .selectFrom('enrolments as e')
      .select([
        'e.progress_percent',
        'e.time_spent_seconds',
        'e.status',
        LAST_ACTIVITY_SQL.as('last_activity_at'),
      ])
      .where('e.user_id', '=', options.userId)
      .where('e.course_id', '=', options.courseId)
      .executeTakeFirst(),
    db
      .selectFrom('course_items as i')
      .leftJoin('item_progress as p', (join) =>
        join.onRef('p.item_id', '=', 'i.id').on('p.user_id', '=', options.userId),
      )
      .select([
        'i.id',
        'i.kind',
        'i.slug',
        'i.title',
        'i.required',
        'p.completed_at',
        'p.best_score',
        'p.passed',
        'p.attempts',
      ])
      .where('i.course_id', '=', options.courseId)
      .where('i.removed_at', 'is', null)
      .orderBy('i.position')
      .execute(),
    db
      .selectFrom('quiz_attempts as a')
      .innerJoin('course_items as i', 'i.id', 'a.item_id')
      .select([
        'a.id',
        'a.item_id',
        'a.started_at',
        'a.submitted_at',
        'a.score',
        'a.passed',
        'a.results',
        'i.quiz',
      ])
      .where('a.user_id', '=', options.userId)
      .where('i.course_id', '=', options.courseId)
      .where('a.submitted_at', 'is not', null)
      .orderBy('a.submitted_at')
      .execute(),
    db
      .selectFrom('scorm_attempts as a')
      .innerJoin('course_items as i', 'i.id', 'a.item_id')
      .innerJoin('scorm_packages as p', 'p.id', 'a.package_id')
      .select([
        'a.id',
        'a.number',
        'a.completion_status',
        'a.success_status',
        'a.score_scaled',
        'a.score_raw',
        'a.total_time_seconds',
        'a.started_at',
        'a.updated_at',
        'a.seq',
        'i.title',
        'p.version_number',
        sql<Array<{
          id: string;
          type: string;
          response: string;
          result: string;
        }> | null>`(select json_agg(json_build_object('id', x.interaction_id, 'type', x.type, 'response', x.learner_response, 'result', x.result) order by x.position) from scorm_interactions x where x.attempt_id = a.id)`.as(
          'interactions',
        ),
      ])
      .where('a.user_id', '=', options.userId)
      .where('a.course_id', '=', options.courseId)
      .orderBy('i.position')
      .orderBy('a.number')
      .execute(),
  ]);
  return { enrolment, items, attempts, scormAttempts };
}
