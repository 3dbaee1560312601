/**
 * The database side of an import, in one transaction: the course (new, or a new version of an
 * imported one), its package row, and the package's SCOs as the course's items.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Locale } from '../db/database.js';
import { recomputeProgress } from '../learn/progress.js';
import type { ObjectStorage } from '../storage/index.js';
import { retireCourseStructure, upsertItem, upsertModule } from '../content/structure.js';
import { findCourse, freeSlug } from './queries.js';
import {
  learningMinutes,
  type EntryProgress,
  type PackageLimits,
  type PackageNotice,
  type ParsedPackage,
} from './package/index.js';

export type ImportOptions = {
  /** Local working folders (staging) live under `dataDir/scorm`. */
  dataDir: string;
  /** Where the package's files go; local disk under `dataDir/scorm` when not given. */
  storage?: ObjectStorage;
  /** The course to add a version to, or the slug for a new course. */
  slug?: string;
  /** Language of the package's content (the catalogue filters on it). */
  locale?: Locale;
  actorId?: number | null;
  limits?: Partial<PackageLimits>;
  onEntry?: (progress: EntryProgress) => void;
};

export type ImportResult = {
  outcome: 'created' | 'new_version' | 'unchanged';
  courseId: number;
  slug: string;
  packageId: number;
  versionNumber: number;
  title: string;
  scormVersion: ParsedPackage['version'];
  scoCount: number;
  /** SCORM 2004: the sequencing features the package uses, and those Lantern ignores. */
  sequencing?: { features: string[]; unsupported: string[] };
  notices: PackageNotice[];
};

export class ImportRefused extends Error {
  constructor(
    readonly reason: 'slug_taken_by_native' | 'invalid_slug',
    readonly slug: string,
  ) {
    super(
      reason === 'invalid_slug'
        ? `"${slug}" is not a valid course slug: use lowercase letters, digits and hyphens.`
        : `The course "${slug}" is a native course; a SCORM package cannot replace it.`,
    );
  }
}

export async function recordPackage(
  trx: Transaction<Database>,
  manifest: ParsedPackage,
  hash: string,
  fileCount: number,
  totalBytes: number,
  options: ImportOptions,
): Promise<ImportResult> {
  const locale = options.locale ?? 'en';
  const existing = await findCourse(trx, manifest, options.slug);
  if (existing && existing.kind !== 'scorm')
    throw new ImportRefused('slug_taken_by_native', existing.slug);

  const base = {
    title: manifest.title,
    scormVersion: manifest.version,
    scoCount: manifest.scos.length,
    ...(manifest.sequencing
      ? {
          sequencing: {
            features: manifest.sequencing.features,
            unsupported: manifest.sequencing.unsupported.map((u) => `${u.feature} (${u.item})`),
          },
        }
      : {}),
    notices: manifest.notices,
  };
  if (existing) {
    const same = await trx
      .selectFrom('scorm_packages')
      .select(['id', 'version_number'])
      .where('course_id', '=', existing.id)
      .where('hash', '=', hash)
      .orderBy('version_number', 'desc')
      .executeTakeFirst();
    const current = await trx
      .selectFrom('scorm_courses')
      .select('package_id')
      .where('course_id', '=', existing.id)
      .executeTakeFirst();
    if (same && current?.package_id === same.id) {
      return {
        ...base,
        outcome: 'unchanged',
        courseId: existing.id,
        slug: existing.slug,
        packageId: same.id,
        versionNumber: same.version_number,
      };
    }
  }

  const slug = existing?.slug ?? options.slug ?? (await freeSlug(trx, manifest.title));
  // Views fall back to English: a package in another language shows its own title to everyone.
  const title = JSON.stringify({ en: manifest.title, [locale]: manifest.title });
  const description = JSON.stringify({
    en: manifest.description ?? '',
    [locale]: manifest.description ?? '',
  });
  // The catalogue's duration: the package's typical learning time, or nothing (0) without one.
  const estimatedMinutes = learningMinutes(manifest.typicalLearningSeconds);
  const course = existing
    ? await trx
        .updateTable('courses')
        .set({
          title,
          description,
          content_hash: hash,
          locales: [locale],
          estimated_minutes: estimatedMinutes,
          updated_at: sql`now()`,
        })
        .where('id', '=', existing.id)
        .returning('id')
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('courses')
        .values({
          slug,
          kind: 'scorm',
          locales: [locale],
          title,
          description,
          topics: [],
          estimated_minutes: estimatedMinutes,
          pass_mark: 0,
          certificate: true,
          content_hash: hash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

  const previous = await trx
    .selectFrom('scorm_packages')
    .select(sql<number>`coalesce(max(version_number), 0)`.as('n'))
    .where('course_id', '=', course.id)
    .executeTakeFirstOrThrow();
  const versionNumber = Number(previous.n) + 1;
  const pkg = await trx
    .insertInto('scorm_packages')
    .values({
      course_id: course.id,
      version_number: versionNumber,
      hash,
      scorm_version: manifest.version,
      edition: manifest.edition ?? null,
      title: manifest.title,
      content_root: manifest.contentRoot,
      manifest: JSON.stringify(manifest),
      file_count: fileCount,
      total_bytes: totalBytes,
      imported_by: options.actorId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('scorm_courses')
    .values({ course_id: course.id, package_id: pkg.id })
    .onConflict((conflict) => conflict.column('course_id').doUpdateSet({ package_id: pkg.id }))
    .execute();

  await replaceItems(trx, course.id, manifest);
  await recomputeProgress(trx, { courseId: course.id });
  return {
    ...base,
    outcome: existing ? 'new_version' : 'created',
    courseId: course.id,
    slug,
    packageId: pkg.id,
    versionNumber,
  };
}

/** The SCOs become the course's items (one module), keyed by item identifier so progress survives new versions. */
async function replaceItems(
  trx: Kysely<Database>,
  courseId: number,
  manifest: ParsedPackage,
): Promise<void> {
  await retireCourseStructure(trx, courseId);
  const moduleId = await upsertModule(trx, {
    courseId,
    slug: 'package',
    position: 0,
    title: JSON.stringify({ en: manifest.organization.title || manifest.title }),
  });
  for (const [position, sco] of manifest.scos.entries()) {
    await upsertItem(trx, {
      course_id: courseId,
      module_id: moduleId,
      kind: 'sco',
      slug: sco.identifier,
      position,
      required: sco.visible,
      minutes: 0,
      title: JSON.stringify({ en: sco.title }),
      html: null,
      quiz: null,
    });
  }
}
