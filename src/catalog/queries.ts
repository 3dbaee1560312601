import { sql, type Kysely } from 'kysely';
import { prepared } from '../db/connect.js';
import { containsPattern } from '../db/like.js';
import type { Database, EnrolmentStatus, Locale, LocalizedText } from '../db/database.js';
import { availableIn, languageCoverage, type LanguageCoverage } from './languages.js';

/** The learner opened an item of the course or has anything recorded in it (enrolments as `e`). */
const startedInCourse =
  sql<boolean>`e.last_item_id is not null or exists (select 1 from item_progress p where p.user_id = e.user_id and p.course_id = e.course_id)`.as(
    'started',
  );

export type CatalogueFilters = { search: string; language: Locale | ''; topic: string };
export type CatalogueCourse = {
  id: number;
  slug: string;
  title: LocalizedText;
  description: LocalizedText;
  locales: Locale[];
  /** What exists of the course in each declared language (see languages.ts). */
  languages: LanguageCoverage[];
  topics: string[];
  estimated_minutes: number;
  status: EnrolmentStatus | null;
  progress_percent: number | null;
  /** Whether the learner has opened or recorded anything in the course (it then reads "in progress", not "not started"). */
  started: boolean | null;
};

/**
 * Published courses, those available in the learner's language first, with the learner's own
 * enrolment on each card. Search matches title and description in the interface language or English.
 * The language filter keeps the courses whose every lesson and quiz exists in that language.
 */
export async function listCatalogue(
  db: Kysely<Database>,
  options: { locale: Locale; userId: number | null; filters: CatalogueFilters },
): Promise<CatalogueCourse[]> {
  const { locale, userId, filters } = options;
  let query = db
    .selectFrom('courses as c')
    .leftJoin('enrolments as e', (join) =>
      join.onRef('e.course_id', '=', 'c.id').on('e.user_id', '=', userId ?? -1),
    )
    .select([
      'c.id',
      'c.slug',
      'c.title',
      'c.description',
      'c.locales',
      languageCoverage.as('languages'),
      'c.topics',
      'c.estimated_minutes',
      'e.status',
      'e.progress_percent',
      startedInCourse,
    ])
    .where('c.published', '=', true);
  if (filters.language) query = query.where(availableIn(filters.language));
  if (filters.topic) query = query.where(sql<boolean>`${filters.topic} = any(c.topics)`);
  if (filters.search) {
    const pattern = containsPattern(filters.search);
    query = query.where((eb) =>
      eb.or([
        eb(sql`c.title->>${locale}`, 'ilike', pattern),
        eb(sql`c.description->>${locale}`, 'ilike', pattern),
        eb(sql`c.title->>'en'`, 'ilike', pattern),
        eb(sql`c.description->>'en'`, 'ilike', pattern),
      ]),
    );
  }
  return query
    .orderBy(availableIn(locale), 'desc')
    .orderBy(sql`${locale} = any(c.locales)`, 'desc')
    .orderBy(sql`coalesce(c.title->>${locale}, c.title->>'en')`)
    .execute();
}

/**
 * What a visitor's catalogue depends on, in a few bytes: every course's content hash (which
 * changes with its items and languages at sync or import), publication and last update.
 */
export async function catalogueVersion(db: Kysely<Database>): Promise<string> {
  const result = await sql<{ version: string }>`${sql.raw(prepared('catalogue-version'))}
    select md5(coalesce(string_agg(concat_ws(':', id, content_hash, published, updated_at), ',' order by id), '')) as version
      from courses`.execute(db);
  return result.rows[0]?.version ?? '';
}

/** Every topic used by a published course, for the filter. */
export async function listTopics(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{
    topic: string;
  }>`select distinct unnest(topics) as topic from courses where published order by topic`.execute(
    db,
  );
  return rows.rows.map((row) => row.topic);
}

export function findCourseBySlug(db: Kysely<Database>, slug: string) {
  return db
    .selectFrom('courses')
    .selectAll()
    .where('slug', '=', slug)
    .where('published', '=', true)
    .executeTakeFirst();
}

export function findEnrolment(db: Kysely<Database>, userId: number, courseId: number) {
  return db
    .selectFrom('enrolments')
    .selectAll()
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .executeTakeFirst();
}

/** Enrols, or re-activates a withdrawn enrolment with its progress intact. Safe to repeat. */
export async function enrol(db: Kysely<Database>, userId: number, courseId: number): Promise<void> {
  await db
    .insertInto('enrolments')
    .values({ user_id: userId, course_id: courseId })
    .onConflict((conflict) =>
      conflict.columns(['user_id', 'course_id']).doUpdateSet({
        status: sql`case when enrolments.status = 'withdrawn' then (case when enrolments.completed_at is null then 'active' else 'completed' end) else enrolments.status end`,
        last_activity_at: sql`now()`,
      }),
    )
    .execute();
}

/** Un-enrols: the enrolment is kept as "withdrawn" so coming back later restores the progress. */
export async function unenrol(
  db: Kysely<Database>,
  userId: number,
  courseId: number,
): Promise<void> {
  await db
    .updateTable('enrolments')
    .set({ status: 'withdrawn' })
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .execute();
}

export type MyCourse = {
  slug: string;
  title: LocalizedText;
  status: EnrolmentStatus;
  progress_percent: number;
  started: boolean;
  last_activity_at: Date;
  certificate_code: string | null;
  /** Where "Continue" takes the learner: the item they last opened, if it is still in the course. */
  last_item_title: LocalizedText | null;
};

/** The learner's courses, most recently used first. */
export function myCourses(db: Kysely<Database>, userId: number): Promise<MyCourse[]> {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('courses as c', 'c.id', 'e.course_id')
    .leftJoin('certificates as cert', (join) =>
      join.onRef('cert.course_id', '=', 'e.course_id').onRef('cert.user_id', '=', 'e.user_id'),
    )
    .leftJoin('course_items as last', (join) =>
      join.onRef('last.id', '=', 'e.last_item_id').on('last.removed_at', 'is', null),
    )
    .select([
      'c.slug',
      'c.title',
      'last.title as last_item_title',
      'e.status',
      'e.progress_percent',
      startedInCourse,
      'e.last_activity_at',
      'cert.code as certificate_code',
    ])
    .where('e.user_id', '=', userId)
    .where('e.status', '!=', 'withdrawn')
    .orderBy('e.last_activity_at', 'desc')
    .execute();
}

export function findCertificate(db: Kysely<Database>, userId: number, courseId: number) {
  return db
    .selectFrom('certificates')
    .select(['code', 'issued_at'])
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .executeTakeFirst();
}

/** An image of a native course, by its name in the course's media folder. */
export function courseMediaFile(db: Kysely<Database>, courseSlug: string, name: string) {
  return db
    .selectFrom('course_media as m')
    .innerJoin('courses as c', 'c.id', 'm.course_id')
    .select(['m.bytes', 'm.content_type', 'm.hash'])
    .where('c.slug', '=', courseSlug)
    .where('m.name', '=', name)
    .executeTakeFirst();
}
