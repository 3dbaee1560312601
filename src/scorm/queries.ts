/** The SCORM courses as the admin page lists and configures them, and as an import finds or names them. */
import { sql, type Kysely } from 'kysely';
import type { Database, ScormAttemptPolicy } from '../db/database.js';
import type { ParsedPackage } from './package/index.js';

/** Every imported SCORM course with its current package and how many attempts it has seen. */
export async function scormCourseList(db: Kysely<Database>) {
  return db
    .selectFrom('scorm_courses as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .innerJoin('scorm_packages as p', 'p.id', 's.package_id')
    .select([
      'c.id',
      'c.slug',
      'c.title',
      's.attempt_policy',
      's.max_attempts',
      'p.version_number',
      'p.scorm_version',
      'p.edition',
      'p.imported_at',
      'p.file_count',
      sql<number>`(select count(*) from scorm_attempts a where a.course_id = c.id)::int`.as(
        'attempts',
      ),
    ])
    .orderBy('c.slug')
    .execute();
}

/** When a learner may start a new attempt of a course, and how many they may have (null: no limit). */
export async function setAttemptSettings(
  db: Kysely<Database>,
  courseId: number,
  settings: { policy: ScormAttemptPolicy; maxAttempts: number | null },
): Promise<void> {
  await db
    .updateTable('scorm_courses')
    .set({ attempt_policy: settings.policy, max_attempts: settings.maxAttempts })
    .where('course_id', '=', courseId)
    .execute();
}

/** The course a package import adds a version to, if any. */
export async function findCourse(
  db: Kysely<Database>,
  manifest: ParsedPackage,
  slug: string | undefined,
) {
  if (slug)
    return db
      .selectFrom('courses')
      .select(['id', 'slug', 'kind'])
      .where('slug', '=', slug)
      .executeTakeFirst();
  // Without a slug, a package whose manifest identifier matches an imported course is its new version.
  return db
    .selectFrom('scorm_packages as p')
    .innerJoin('courses as c', 'c.id', 'p.course_id')
    .select(['c.id', 'c.slug', 'c.kind'])
    .where(sql<boolean>`p.manifest->>'identifier' = ${manifest.identifier}`)
    .orderBy('p.id', 'desc')
    .executeTakeFirst();
}

/** A slug for a new course from its title, not yet taken. */
export async function freeSlug(db: Kysely<Database>, title: string): Promise<string> {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'scorm-course';
  const taken = new Set(
    (await db.selectFrom('courses').select('slug').where('slug', 'like', `${base}%`).execute()).map(
      (row) => row.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
