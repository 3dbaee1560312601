import { sql, type Insertable, type Kysely } from 'kysely';
import type { CourseItemsTable, Database } from '../db/database.js';

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

/** Writes a module of a course (new, or the same slug revived at its new place); returns its id. */
export async function upsertModule(
  trx: Kysely<Database>,
  module: { courseId: number; slug: string; position: number; title: string },
): Promise<number> {
  const { id } = await trx
    .insertInto('modules')
    .values({
      course_id: module.courseId,
      slug: module.slug,
      position: module.position,
      title: module.title,
      removed_at: null,
    })
    .onConflict((conflict) =>
      conflict.columns(['course_id', 'slug']).doUpdateSet((eb) => ({
        position: eb.ref('excluded.position'),
        title: eb.ref('excluded.title'),
        removed_at: null,
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Writes a lesson, quiz or SCO of a course. Its (kind, slug) is its identity: editing it keeps
 * every learner's progress on it.
 */
export async function upsertItem(
  trx: Kysely<Database>,
  item: Omit<Insertable<CourseItemsTable>, 'id' | 'removed_at'>,
): Promise<void> {
  await trx
    .insertInto('course_items')
    .values({ ...item, removed_at: null })
    .onConflict((conflict) =>
      conflict.columns(['course_id', 'kind', 'slug']).doUpdateSet((eb) => ({
        module_id: eb.ref('excluded.module_id'),
        position: eb.ref('excluded.position'),
        required: eb.ref('excluded.required'),
        minutes: eb.ref('excluded.minutes'),
        title: eb.ref('excluded.title'),
        html: eb.ref('excluded.html'),
        quiz: eb.ref('excluded.quiz'),
        removed_at: null,
      })),
    )
    .execute();
}
