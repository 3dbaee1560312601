import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { recomputeProgress } from '../learn/progress.js';
import { retireCourseStructure, upsertItem, upsertModule } from './structure.js';
import { join } from 'node:path';
import { courseFolders, courseHash } from './hash.js';
import type { CourseSource } from './course-source.js';

export type SyncReport = { added: string[]; updated: string[]; unchanged: string[] };

/**
 * Loads `courses/` into the database: validates every file first (throwing ContentError with file
 * and line), then writes all changed courses in one transaction. Idempotent: an unchanged course
 * (same content hash) is not touched. Items that disappeared from the files are marked removed,
 * never deleted, so learners' history stays; progress is then recomputed for the course.
 */
export async function syncCourses(db: Kysely<Database>, dir: string): Promise<SyncReport> {
  const report: SyncReport = { added: [], updated: [], unchanged: [] };
  // Hash first: unchanged courses are neither parsed nor rendered (fast restarts).
  const folders = courseFolders(dir);
  const stored = new Map(
    (
      await db
        .selectFrom('courses')
        .select(['slug', 'content_hash'])
        .where('kind', '=', 'native')
        .execute()
    ).map((row) => [row.slug, row.content_hash]),
  );
  const changed = folders.filter((folder) => stored.get(folder) !== courseHash(join(dir, folder)));
  report.unchanged.push(...folders.filter((folder) => !changed.includes(folder)));
  if (changed.length === 0) return report;

  const { loadCourses } = await import('./load.js');
  const courses = loadCourses(dir, changed);
  await db.transaction().execute(async (trx) => {
    for (const course of courses) {
      const existing = await trx
        .selectFrom('courses')
        .select(['id', 'content_hash'])
        .where('slug', '=', course.slug)
        .executeTakeFirst();
      const courseId = await writeCourse(trx, course, existing?.id);
      await recomputeProgress(trx, { courseId });
      (existing ? report.updated : report.added).push(course.slug);
    }
  });
  return report;
}

async function writeCourse(
  trx: Kysely<Database>,
  course: CourseSource,
  existingId: number | undefined,
): Promise<number> {
  const values = {
    slug: course.slug,
    kind: 'native' as const,
    locales: course.locales,
    title: JSON.stringify(course.title),
    description: JSON.stringify(course.description),
    topics: course.topics,
    estimated_minutes: course.estimatedMinutes,
    pass_mark: course.passMark,
    certificate: course.certificate,
    content_hash: course.contentHash,
  };
  const courseId = existingId
    ? (
        await trx
          .updateTable('courses')
          .set({ ...values, updated_at: sql<Date>`now()` })
          .where('id', '=', existingId)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    : (await trx.insertInto('courses').values(values).returning('id').executeTakeFirstOrThrow()).id;

  await retireCourseStructure(trx, courseId);

  let position = 0;
  for (const [index, module] of course.modules.entries()) {
    const moduleId = await upsertModule(trx, {
      courseId,
      slug: module.slug,
      position: index,
      title: JSON.stringify(module.title),
    });
    for (const item of module.items) {
      position += 1;
      await upsertItem(trx, {
        course_id: courseId,
        module_id: moduleId,
        kind: item.kind,
        slug: item.slug,
        position,
        required: item.required,
        minutes: item.minutes,
        title: JSON.stringify(item.title),
        html: item.kind === 'lesson' ? JSON.stringify(item.html) : null,
        quiz: item.kind === 'quiz' ? JSON.stringify(item.quiz) : null,
      });
    }
  }

  await trx.deleteFrom('course_media').where('course_id', '=', courseId).execute();
  for (const file of course.media) {
    await trx
      .insertInto('course_media')
      .values({
        course_id: courseId,
        name: file.name,
        hash: file.hash,
        content_type: file.contentType,
        bytes: file.bytes,
      })
      .execute();
  }
  return courseId;
}
