/**
 * Importing a SCORM package: inspect the zip (src/scorm/package), store its files by hash under
 * DATA_DIR/scorm, and record it as a version of a course whose items are the package's SCOs.
 * All or nothing: a refused or failed import leaves no rows and no new files.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Locale } from '../db/database.js';
import { recomputeProgress } from '../learn/progress.js';
import { inspectPackage, type EntryProgress, type PackageLimits, type PackageNotice, type ParsedPackage } from './package/index.js';

export type ImportOptions = {
  dataDir: string;
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
  notices: PackageNotice[];
};

export class ImportRefused extends Error {
  constructor(readonly reason: 'slug_taken_by_native' | 'invalid_slug', readonly slug: string) {
    super(reason === 'invalid_slug' ? `"${slug}" is not a valid course slug: use lowercase letters, digits and hyphens.` : `The course "${slug}" is a native course; a SCORM package cannot replace it.`);
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const scormRoot = (dataDir: string) => join(dataDir, 'scorm');
export const packageDir = (dataDir: string, hash: string) => join(scormRoot(dataDir), hash);

export async function importPackage(db: Kysely<Database>, zipPath: string, options: ImportOptions): Promise<ImportResult> {
  if (options.slug !== undefined && !SLUG.test(options.slug)) throw new ImportRefused('invalid_slug', options.slug);
  const staging = join(scormRoot(options.dataDir), '.staging', randomBytes(8).toString('hex'));
  await mkdir(join(scormRoot(options.dataDir), '.staging'), { recursive: true });
  const inspected = await inspectPackage(zipPath, staging, options.limits, options.onEntry);

  // Same zip, same folder: a second import of identical bytes reuses the stored files.
  const target = packageDir(options.dataDir, inspected.hash);
  const alreadyStored = await stat(target).then(() => true, () => false);
  if (alreadyStored) await rm(staging, { recursive: true, force: true });
  else {
    await rename(staging, target).catch(async (error: unknown) => {
      // Another import of the same zip won the race: its copy is identical.
      await rm(staging, { recursive: true, force: true });
      if (!(await stat(target).then(() => true, () => false))) throw error;
    });
  }

  try {
    return await db.transaction().execute((trx) => recordPackage(trx, inspected.manifest, inspected.hash, inspected.files.length, inspected.totalBytes, options));
  } catch (error) {
    if (!alreadyStored) await removeIfUnreferenced(db, options.dataDir, inspected.hash);
    throw error;
  }
}

async function recordPackage(trx: Transaction<Database>, manifest: ParsedPackage, hash: string, fileCount: number, totalBytes: number, options: ImportOptions): Promise<ImportResult> {
  const locale = options.locale ?? 'en';
  const existing = await findCourse(trx, manifest, options.slug);
  if (existing && existing.kind !== 'scorm') throw new ImportRefused('slug_taken_by_native', existing.slug);

  const base = { title: manifest.title, scormVersion: manifest.version, scoCount: manifest.scos.length, notices: manifest.notices };
  if (existing) {
    const same = await trx.selectFrom('scorm_packages').select(['id', 'version_number']).where('course_id', '=', existing.id).where('hash', '=', hash).orderBy('version_number', 'desc').executeTakeFirst();
    const current = await trx.selectFrom('scorm_courses').select('package_id').where('course_id', '=', existing.id).executeTakeFirst();
    if (same && current?.package_id === same.id) {
      return { ...base, outcome: 'unchanged', courseId: existing.id, slug: existing.slug, packageId: same.id, versionNumber: same.version_number };
    }
  }

  const slug = existing?.slug ?? options.slug ?? (await freeSlug(trx, manifest.title));
  // Views fall back to English: a package in another language shows its own title to everyone.
  const title = JSON.stringify({ en: manifest.title, [locale]: manifest.title });
  const description = JSON.stringify({ en: manifest.description ?? '', [locale]: manifest.description ?? '' });
  const course = existing
    ? await trx.updateTable('courses').set({ title, description, content_hash: hash, locales: [locale], updated_at: sql`now()` }).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()
    : await trx
        .insertInto('courses')
        .values({ slug, kind: 'scorm', locales: [locale], title, description, topics: [], estimated_minutes: 0, pass_mark: 0, certificate: true, content_hash: hash })
        .returning('id')
        .executeTakeFirstOrThrow();

  const previous = await trx.selectFrom('scorm_packages').select(sql<number>`coalesce(max(version_number), 0)`.as('n')).where('course_id', '=', course.id).executeTakeFirstOrThrow();
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
  return { ...base, outcome: existing ? 'new_version' : 'created', courseId: course.id, slug, packageId: pkg.id, versionNumber };
}

/** The SCOs become the course's items (one module), keyed by item identifier so progress survives new versions. */
async function replaceItems(trx: Kysely<Database>, courseId: number, manifest: ParsedPackage): Promise<void> {
  await trx.updateTable('modules').set({ removed_at: sql<Date>`now()` }).where('course_id', '=', courseId).where('removed_at', 'is', null).execute();
  await trx.updateTable('course_items').set({ removed_at: sql<Date>`now()` }).where('course_id', '=', courseId).where('removed_at', 'is', null).execute();
  const module = await trx
    .insertInto('modules')
    .values({ course_id: courseId, slug: 'package', position: 0, title: JSON.stringify({ en: manifest.organization.title || manifest.title }), removed_at: null })
    .onConflict((conflict) => conflict.columns(['course_id', 'slug']).doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), removed_at: null })))
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [position, sco] of manifest.scos.entries()) {
    await trx
      .insertInto('course_items')
      .values({ course_id: courseId, module_id: module.id, kind: 'sco', slug: sco.identifier, position, required: sco.visible, minutes: 0, title: JSON.stringify({ en: sco.title }), html: null, quiz: null, removed_at: null })
      .onConflict((conflict) =>
        conflict.columns(['course_id', 'kind', 'slug']).doUpdateSet((eb) => ({ module_id: eb.ref('excluded.module_id'), position: eb.ref('excluded.position'), required: eb.ref('excluded.required'), title: eb.ref('excluded.title'), removed_at: null })),
      )
      .execute();
  }
}

async function findCourse(trx: Kysely<Database>, manifest: ParsedPackage, slug: string | undefined) {
  if (slug) return trx.selectFrom('courses').select(['id', 'slug', 'kind']).where('slug', '=', slug).executeTakeFirst();
  // Without a slug, a package whose manifest identifier matches an imported course is its new version.
  return trx
    .selectFrom('scorm_packages as p')
    .innerJoin('courses as c', 'c.id', 'p.course_id')
    .select(['c.id', 'c.slug', 'c.kind'])
    .where(sql<boolean>`p.manifest->>'identifier' = ${manifest.identifier}`)
    .orderBy('p.id', 'desc')
    .executeTakeFirst();
}

async function freeSlug(trx: Kysely<Database>, title: string): Promise<string> {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'scorm-course';
  const taken = new Set((await trx.selectFrom('courses').select('slug').where('slug', 'like', `${base}%`).execute()).map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function removeIfUnreferenced(db: Kysely<Database>, dataDir: string, hash: string): Promise<void> {
  const used = await db.selectFrom('scorm_packages').select('id').where('hash', '=', hash).executeTakeFirst().catch(() => ({ id: -1 }));
  if (!used) await rm(packageDir(dataDir, hash), { recursive: true, force: true });
}

