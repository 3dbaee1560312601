/**
 * importPackage against a real database and data folder: what an admin and the learners notice
 * after an import (a course with one item per SCO, files stored under the zip's hash), what a
 * repeated or newer zip does, and that a refused package leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, type TestContext } from '../helpers/app.js';
import { openAttempt, recordCommit } from '../../src/scorm/attempts.js';
import { ImportRefused, importPackage } from '../../src/scorm/import.js';
import { packageDir } from '../../src/scorm/package-places.js';
import type { PackageProblem, ParsedPackage } from '../../src/scorm/package/index.js';
import { parseCommit } from '../../src/scorm/runtime/commit.js';
import {
  BROKEN_FIXTURES,
  buildGolf12,
  GOOD_FIXTURES,
  minimalManifest12,
  writeZip,
} from './fixtures.js';
import { problemsOf, removeDir, tempDir } from './helpers.js';
import { filesUnder, importFixture, stagingDir, storedFolders, treeOf } from './integration.js';

let ctx: TestContext;
let dir: string;

beforeAll(async () => {
  ctx = await createTestApp();
  dir = await tempDir('lantern-scorm-import-');
});
afterAll(async () => {
  await ctx?.close();
  await removeDir(dir);
});

const db = () => ctx.database.db;

/** Rows and folders an import may add: compared before and after to prove it added nothing. */
async function footprint() {
  const count = async (
    table: 'courses' | 'scorm_packages' | 'scorm_courses' | 'course_items' | 'modules',
  ) =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    courses: await count('courses'),
    packages: await count('scorm_packages'),
    scormCourses: await count('scorm_courses'),
    items: await count('course_items'),
    modules: await count('modules'),
    folders: (await storedFolders(ctx.config.dataDir)).filter(
      (name) => name !== '.staging' && name !== '.uploads',
    ),
    staging: await treeOf(stagingDir(ctx.config.dataDir)),
  };
}

async function scoItems(courseId: number) {
  return db()
    .selectFrom('course_items')
    .select(['id', 'slug', 'kind', 'required'])
    .where('course_id', '=', courseId)
    .where('removed_at', 'is', null)
    .orderBy('position')
    .execute();
}

/** A one-SCO 1.2 package whose launch page says `text`: the same manifest, other bytes. */
function onePagePackage(identifier: string, text: string) {
  return (target: string, fileName = `${identifier}-${text.replace(/\W+/g, '-')}.zip`) =>
    writeZip(join(target, fileName), [
      {
        name: 'imsmanifest.xml',
        data: minimalManifest12().replace('identifier="minimal"', `identifier="${identifier}"`),
      },
      { name: 'index.html', data: `<!DOCTYPE html><title>${text}</title><p>${text}</p>` },
    ]);
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe('importing well-formed packages', () => {
  const expected: Record<
    keyof typeof GOOD_FIXTURES,
    { version: 'scorm12' | 'scorm2004'; scos: string[] }
  > = {
    golf12: { version: 'scorm12', scos: ['item_1'] },
    golfInFolder: { version: 'scorm12', scos: ['item_1'] },
    multiSco12: {
      version: 'scorm12',
      scos: ['item_playing', 'item_etiquette', 'item_handicapping', 'item_havingfun'],
    },
    mastery12: { version: 'scorm12', scos: ['quiz'] },
    rise2004: { version: 'scorm2004', scos: ['Rise_SCO'] },
    fourthEdition2004: {
      version: 'scorm2004',
      scos: ['m1_intro', 'm1_practice', 'm2_assessment', 'm2_glossary'],
    },
    externalMetadata2004: { version: 'scorm2004', scos: ['pfa'] },
    xmlBase2004: { version: 'scorm2004', scos: ['part_1', 'part_2'] },
    noOrganization12: { version: 'scorm12', scos: ['sco_a', 'sco_b'] },
  };

  it.each(Object.entries(GOOD_FIXTURES))(
    '%s becomes a SCORM course with one item per SCO and its files stored by hash',
    async (name, build) => {
      const slug = `fixture-${name.replace(/[A-Z0-9]+/g, (part) => `-${part.toLowerCase()}`)}`;
      const zip = await build(dir, `${name}.zip`);
      const result = await importPackage(db(), zip, { dataDir: ctx.config.dataDir, slug });
      const { version, scos } = expected[name as keyof typeof GOOD_FIXTURES];
      expect(result).toMatchObject({
        outcome: 'created',
        slug,
        versionNumber: 1,
        scormVersion: version,
        scoCount: scos.length,
      });

      const course = await db()
        .selectFrom('courses')
        .select(['id', 'kind', 'published'])
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow();
      expect(course).toEqual({ id: result.courseId, kind: 'scorm', published: true });
      const items = await scoItems(course.id);
      expect(items.map((item) => [item.kind, item.slug])).toEqual(scos.map((sco) => ['sco', sco]));

      const pkg = await db()
        .selectFrom('scorm_packages')
        .selectAll()
        .where('id', '=', result.packageId)
        .executeTakeFirstOrThrow();
      expect(pkg).toMatchObject({
        course_id: course.id,
        version_number: 1,
        scorm_version: version,
        hash: await sha256(zip),
      });
      const current = await db()
        .selectFrom('scorm_courses')
        .selectAll()
        .where('course_id', '=', course.id)
        .executeTakeFirstOrThrow();
      expect(current).toMatchObject({
        package_id: pkg.id,
        attempt_policy: 'when_finished',
        max_attempts: null,
      });

      // Every launch file is on disk under DATA_DIR/scorm/<hash>/<content root>/.
      const manifest = pkg.manifest as { contentRoot: string; scos: Array<{ launchFile: string }> };
      for (const sco of manifest.scos)
        expect(
          existsSync(
            join(packageDir(ctx.config.dataDir, pkg.hash), manifest.contentRoot, sco.launchFile),
          ),
        ).toBe(true);
      expect(await filesUnder(packageDir(ctx.config.dataDir, pkg.hash))).toHaveLength(
        pkg.file_count,
      );
      expect(await treeOf(stagingDir(ctx.config.dataDir))).toEqual([]);
    },
  );

  it('keeps a hidden item out of the required ones (2004 4th edition glossary)', async () => {
    const course = await db()
      .selectFrom('courses')
      .select('id')
      .where('slug', '=', 'fixture-fourth-edition-2004')
      .executeTakeFirstOrThrow();
    expect((await scoItems(course.id)).map((item) => [item.slug, item.required])).toEqual([
      ['m1_intro', true],
      ['m1_practice', true],
      ['m2_assessment', true],
      ['m2_glossary', false],
    ]);
  });

  it('stores the 2004 activity tree with the package version, and reports the sequencing it uses', async () => {
    const stored = await db()
      .selectFrom('scorm_packages as p')
      .innerJoin('courses as c', 'c.id', 'p.course_id')
      .select('p.manifest')
      .where('c.slug', '=', 'fixture-fourth-edition-2004')
      .executeTakeFirstOrThrow();
    const sequencing = (stored.manifest as ParsedPackage).sequencing!;
    expect(sequencing.activityTree.children?.map((module) => module.id)).toEqual([
      'module_1',
      'module_2',
    ]);
    expect(sequencing.features).toEqual(
      expect.arrayContaining(['sequencingCollection', 'objectives', 'isvisible']),
    );
    // Its limits (attempts and attempt duration) are the ones SCORM 2004 asks an LMS to honour.
    expect(sequencing.unsupported).toEqual([]);
  });

  it('importing the same zip again changes nothing', async () => {
    const zip = await buildGolf12(dir, 'golf-twice.zip');
    const first = await importPackage(db(), zip, {
      dataDir: ctx.config.dataDir,
      slug: 'golf-twice',
    });
    const before = await footprint();
    const again = await importPackage(db(), zip, {
      dataDir: ctx.config.dataDir,
      slug: 'golf-twice',
    });
    expect(again).toMatchObject({
      outcome: 'unchanged',
      courseId: first.courseId,
      packageId: first.packageId,
      versionNumber: 1,
    });
    expect(await footprint()).toEqual(before);
  });

  it('recognises a package already imported by its manifest identifier when no slug is given', async () => {
    const build = onePagePackage('recognised.by.identifier', 'first');
    const first = await importFixture(ctx, dir, build);
    expect(first).toMatchObject({ outcome: 'created', slug: 'minimal' });
    const again = await importFixture(ctx, dir, build);
    expect(again).toMatchObject({
      outcome: 'unchanged',
      courseId: first.courseId,
      slug: 'minimal',
    });
  });

  it('gives a second course from the same title a free slug', async () => {
    const other = await importFixture(ctx, dir, onePagePackage('another.identifier', 'other'));
    expect(other).toMatchObject({ outcome: 'created', slug: 'minimal-2' });
  });
});

describe('a new version of a course', () => {
  const slug = 'versioned-course';
  const learner = { id: 0, name: 'Vera Version' };
  let v1: Awaited<ReturnType<typeof importPackage>>;

  beforeAll(async () => {
    learner.id = (await makeUser(ctx, 'learner', { name: learner.name })).id;
    v1 = await importFixture(ctx, dir, onePagePackage('versioned.course', 'version one'), { slug });
  });

  async function itemId() {
    return (
      await db()
        .selectFrom('course_items')
        .select('id')
        .where('course_id', '=', v1.courseId)
        .where('slug', '=', 'item')
        .executeTakeFirstOrThrow()
    ).id;
  }

  it('keeps attempts on the version they began with, and starts new ones on the newest', async () => {
    const item = await itemId();
    const started = await openAttempt(db(), learner, v1.courseId, item, 'item');
    expect(started).toMatchObject({ attemptNumber: 1, packageId: v1.packageId });

    const v2 = await importFixture(ctx, dir, onePagePackage('versioned.course', 'version two'), {
      slug,
    });
    expect(v2).toMatchObject({
      outcome: 'new_version',
      courseId: v1.courseId,
      slug,
      versionNumber: 2,
    });
    expect(v2.packageId).not.toBe(v1.packageId);
    // Same item (progress is keyed by the item identifier), both versions' files kept.
    expect(await itemId()).toBe(item);
    const packages = await db()
      .selectFrom('scorm_packages')
      .select(['id', 'hash', 'version_number'])
      .where('course_id', '=', v1.courseId)
      .orderBy('version_number')
      .execute();
    expect(packages.map((row) => row.version_number)).toEqual([1, 2]);
    for (const row of packages)
      expect(existsSync(join(packageDir(ctx.config.dataDir, row.hash), 'index.html'))).toBe(true);
    expect(
      (
        await db()
          .selectFrom('scorm_courses')
          .select('package_id')
          .where('course_id', '=', v1.courseId)
          .executeTakeFirstOrThrow()
      ).package_id,
    ).toBe(v2.packageId);

    // The unfinished attempt resumes on version 1.
    const resumed = await openAttempt(db(), learner, v1.courseId, item, 'item');
    expect(resumed).toMatchObject({
      attemptId: started!.attemptId,
      attemptNumber: 1,
      packageId: v1.packageId,
      packageHash: packages[0]!.hash,
    });

    // Once it is finished, the next launch is a new attempt on version 2.
    const passed = parseCommit('scorm12', {
      seq: resumed!.seqBase + 1,
      cmi: { core: { lesson_status: 'passed' } },
    });
    if (!passed.ok) throw new Error(passed.problems.join('; '));
    expect(await recordCommit(db(), resumed!.attemptId, learner.id, passed.commit)).toBe('stored');
    const next = await openAttempt(db(), learner, v1.courseId, item, 'item');
    expect(next).toMatchObject({
      attemptNumber: 2,
      packageId: v2.packageId,
      packageHash: packages[1]!.hash,
    });
    expect(next!.cmi.cmi).toMatchObject({ core: { entry: 'ab-initio' } });
  });
});

describe('refused packages leave nothing behind', () => {
  /** Where each fault is reported: the file inside the zip, and the manifest element when there is one. */
  const expectations: Record<keyof typeof BROKEN_FIXTURES, Partial<PackageProblem>> = {
    notZip: { code: 'not_zip' },
    noManifest: { code: 'no_manifest', file: 'imsmanifest.xml' },
    malformedXml: { code: 'malformed_xml', file: 'imsmanifest.xml', line: 6 },
    missingLaunchFile: {
      code: 'missing_launch_file',
      file: 'imsmanifest.xml',
      element: 'item[identifier=one]',
    },
    missingResource: {
      code: 'missing_resource',
      file: 'imsmanifest.xml',
      element: 'item[identifier=item]',
    },
    unsupportedVersion: {
      code: 'unsupported_version',
      file: 'imsmanifest.xml',
      element: 'schemaversion',
    },
    zipSlip: { code: 'unsafe_path', file: '../evil.js' },
    absolutePath: { code: 'unsafe_path', file: '/tmp/evil.js' },
    backslashPath: { code: 'unsafe_path', file: '..\\evil.js' },
    zipBomb: { code: 'limit_ratio', file: 'assets/video.mp4' },
    lyingZipBomb: { code: 'corrupt_zip', file: 'assets/video.mp4' },
    symlink: { code: 'symlink', file: 'shared/passwd' },
    duplicateNames: { code: 'duplicate_name', file: 'index.html' },
    duplicateNamesCase: { code: 'duplicate_name', file: 'Index.html' },
    encryptedEntry: { code: 'encrypted_entry', file: 'secret.html' },
    tooManyFiles: { code: 'limit_file_count' },
  };
  // 52 files are a fine package under the default limit; the limit is lowered to refuse it.
  const limits = { tooManyFiles: { maxFiles: 20 } } as Partial<
    Record<keyof typeof BROKEN_FIXTURES, { maxFiles: number }>
  >;

  it.each(Object.entries(BROKEN_FIXTURES))(
    '%s is refused with the file (and element) at fault',
    async (name, build) => {
      const key = name as keyof typeof BROKEN_FIXTURES;
      const zip = await build(dir);
      const before = await footprint();
      const problems = await problemsOf(() =>
        importPackage(db(), zip, {
          dataDir: ctx.config.dataDir,
          slug: `broken-${name.toLowerCase()}`,
          limits: limits[key] ?? {},
        }),
      );
      expect(problems[0]).toMatchObject(expectations[key]);
      expect(await footprint()).toEqual(before);
      expect(
        await db()
          .selectFrom('courses')
          .select('id')
          .where('slug', '=', `broken-${name.toLowerCase()}`)
          .executeTakeFirst(),
      ).toBeUndefined();
      // Nothing was written outside the data folder's package store either.
      expect((await treeOf(ctx.config.dataDir)).filter((path) => path.endsWith('evil.js'))).toEqual(
        [],
      );
    },
  );

  it('reports every launch file that is missing, with a suggestion for a case mistake', async () => {
    const problems = await problemsOf(async () =>
      importPackage(db(), await BROKEN_FIXTURES.missingLaunchFile(dir, 'missing-again.zip'), {
        dataDir: ctx.config.dataDir,
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        element: 'item[identifier=one]',
        params: expect.objectContaining({ path: 'index.html', didYouMean: 'Index.html' }),
      }),
      expect.objectContaining({
        element: 'item[identifier=two]',
        params: expect.objectContaining({ path: 'lesson2/start.html' }),
      }),
    ]);
  });

  it('refuses a slug that belongs to a native course, and keeps no files', async () => {
    const before = await footprint();
    const zip = await onePagePackage('wants.native.slug', 'native')(dir);
    const refused = await importPackage(db(), zip, {
      dataDir: ctx.config.dataDir,
      slug: 'example-course',
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect(refused).toMatchObject({ reason: 'slug_taken_by_native', slug: 'example-course' });
    expect(await footprint()).toEqual(before);
    expect(existsSync(packageDir(ctx.config.dataDir, await sha256(zip)))).toBe(false);
    const native = await db()
      .selectFrom('courses')
      .select(['kind', 'content_hash'])
      .where('slug', '=', 'example-course')
      .executeTakeFirstOrThrow();
    expect(native.kind).toBe('native');
  });

  it('refuses a slug that is not a course address', async () => {
    const zip = await onePagePackage('bad.slug', 'bad slug')(dir);
    await expect(
      importPackage(db(), zip, { dataDir: ctx.config.dataDir, slug: 'Not A Slug' }),
    ).rejects.toMatchObject({ reason: 'invalid_slug' });
  });
});

describe('the duration learners see', () => {
  const IMSMD = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
  /** A one-SCO 1.2 package with this metadata in the manifest and this inside its item. */
  const packageWith = (name: string, metadata: string, itemExtra = '') =>
    writeZip(join(dir, `${name}.zip`), [
      {
        name: 'imsmanifest.xml',
        data: minimalManifest12()
          .replace('identifier="minimal"', `identifier="${name}" xmlns:imsmd="${IMSMD}"`)
          .replace('</schemaversion>', `</schemaversion>${metadata}`)
          .replace('<title>Minimal</title></item>', `<title>Minimal</title>${itemExtra}</item>`),
      },
      { name: 'index.html', data: `<!DOCTYPE html><title>${name}</title><p>${name}</p>` },
    ]);
  const typicalTime = (value: string) =>
    `<imsmd:lom><imsmd:educational><imsmd:typicallearningtime><imsmd:datetime>${value}</imsmd:datetime></imsmd:typicallearningtime></imsmd:educational></imsmd:lom>`;
  const cardOf = (catalogue: string, slug: string) =>
    catalogue
      .split('<li class="card">')
      .find((card) => card.includes(`href="/courses/${slug}"`))
      ?.split('</li>')[0] ?? '';
  const metaOf = async (slug: string) =>
    /<p class="meta">[\s\S]*?<\/p>/.exec(
      (await ctx.app.inject({ url: `/courses/${slug}` })).body,
    )?.[0] ?? '';

  it('is the typical learning time of the manifest, and nothing (never "About 0 minutes") without one', async () => {
    await importPackage(db(), await packageWith('timed', typicalTime('PT45M')), {
      dataDir: ctx.config.dataDir,
      slug: 'timed-package',
    });
    // A time limit is not a duration.
    await importPackage(
      db(),
      await packageWith('limited', '', '<adlcp:maxtimeallowed>01:00:00</adlcp:maxtimeallowed>'),
      { dataDir: ctx.config.dataDir, slug: 'limited-package' },
    );
    const catalogue = (await ctx.app.inject({ url: '/' })).body;
    expect(cardOf(catalogue, 'timed-package')).toContain('About 45 minutes');
    expect(cardOf(catalogue, 'limited-package')).toContain('href="/courses/limited-package"');
    expect(cardOf(catalogue, 'limited-package')).not.toMatch(/About|minute/);
    expect(await metaOf('timed-package')).toContain('About 45 minutes');
    expect(await metaOf('limited-package')).not.toMatch(/About|minute/);

    // Each version says its own: a new one without a typical learning time shows none.
    const second = await importPackage(db(), await packageWith('timed', ''), {
      dataDir: ctx.config.dataDir,
      slug: 'timed-package',
    });
    expect(second.outcome).toBe('new_version');
    expect(await metaOf('timed-package')).not.toMatch(/About|minute/);
    const third = await importPackage(db(), await packageWith('timed', typicalTime('01:30:00')), {
      dataDir: ctx.config.dataDir,
      slug: 'timed-package',
    });
    expect(third.outcome).toBe('new_version');
    expect(await metaOf('timed-package')).toContain('About 2 hours');
  });
});
