import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * Marks a course's modules and items removed before its new structure is written back: what the
 * new version still has is revived by its upsert, what it dropped stays removed, and learners'
 * history of it is kept. Shared by the course sync and the SCORM import.
 */
export async function retireCourseStructure(
  trx: Kysely<Database>,
  courseId: number,
): Promise<void> {
  for (const table of ['modules', 'course_items'] as const) {
    await trx
      .updateTable(table)
      .set({ removed_at: sql<Date>`now()` })
      .where('course_id', '=', courseId)
      .where('removed_at', 'is', null)
      .execute();
  }
}
