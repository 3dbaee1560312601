import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPackage, locateManifest } from '../../src/scorm/package/index.js';
import {
  buildExternalMetadata2004,
  buildFourthEdition2004,
  buildGolf12,
  buildGolfInFolder,
  buildMalformedXml,
  buildMastery12,
  buildMissingLaunchFile,
  buildMissingResource,
  buildMultiSco12,
  buildNoManifest,
  buildNoOrganization12,
  buildNotZip,
  buildRise2004,
  buildTooManyFiles,
  buildUnsupportedVersion,
  buildXmlBase2004,
  buildZipSlip,
  GOOD_FIXTURES,
  minimalManifest12,
  writeZip,
} from './fixtures.js';
import { listTree, problemsOf, removeDir, tempDir } from './helpers.js';

let dir: string;
let count = 0;
const staging = () => join(dir, `staging-${++count}`);

beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => removeDir(dir));

describe('inspectPackage accepts real-looking packages', () => {
  it('golf-style SCORM 1.2: shared launch page, content in sub-folders', async () => {
    const target = staging();
    const result = await inspectPackage(await buildGolf12(dir), target);
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.manifest).toMatchObject({
      version: 'scorm12',
      identifier: 'com.scorm.golfsamples.runtime.basicruntime.12',
      title: 'Golf Explained - Run-time Basic Calls',
      contentRoot: '',
      organization: { identifier: 'golf_sample_default_org' },
      scos: [
        {
          identifier: 'item_1',
          scormType: 'sco',
          launchUrl: 'shared/launchpage.html',
          launchFile: 'shared/launchpage.html',
        },
      ],
      notices: [],
    });
    expect(result.manifest.edition).toBeUndefined();
    expect(result.files.map((file) => file.path)).toContain('Etiquette/Course.html');
    // The staging folder holds the package, ready to be moved into the content store.
    expect(await listTree(target)).toContain('shared/launchpage.html');
  });

  it('Rise-style SCORM 2004 3rd edition: scormdriver/indexAPI.html framing ../scormcontent/', async () => {
    const target = staging();
    const { manifest } = await inspectPackage(await buildRise2004(dir), target);
    expect(manifest).toMatchObject({
      version: 'scorm2004',
      edition: 3,
      title: 'Protecting Children in Emergencies',
    });
    expect(manifest.scos).toEqual([
      expect.objectContaining({
        identifier: 'Rise_SCO',
        launchUrl: 'scormdriver/indexAPI.html',
        scormType: 'sco',
      }),
    ]);
    expect(await readFile(join(target, 'scormdriver/indexAPI.html'), 'utf8')).toContain(
      '../scormcontent/index.html',
    );
  });

  it('multi-SCO 1.2 with query strings in hrefs and inline metadata', async () => {
    const { manifest } = await inspectPackage(await buildMultiSco12(dir), staging());
    expect(manifest.description).toBe('Each lesson is a SCO of its own.');
    expect(manifest.scos.map((sco) => [sco.identifier, sco.launchUrl, sco.launchFile])).toEqual([
      ['item_playing', 'shared/launchpage.html?content=playing', 'shared/launchpage.html'],
      ['item_etiquette', 'shared/launchpage.html?content=etiquette', 'shared/launchpage.html'],
      [
        'item_handicapping',
        'shared/launchpage.html?content=handicapping',
        'shared/launchpage.html',
      ],
      ['item_havingfun', 'shared/launchpage.html?content=havingfun', 'shared/launchpage.html'],
    ]);
  });

  it('1.2 with a mastery score', async () => {
    const { manifest } = await inspectPackage(await buildMastery12(dir), staging());
    expect(manifest.scos[0]).toMatchObject({
      masteryScore: 80,
      maxTimeAllowed: '00:30:00',
      timeLimitAction: 'exit,message',
      dataFromLms: 'mode=exam;questions=10',
    });
  });

  it('2004 4th edition, nested multi-SCO with sequencing data', async () => {
    const { manifest } = await inspectPackage(await buildFourthEdition2004(dir), staging());
    expect(manifest).toMatchObject({
      version: 'scorm2004',
      edition: 4,
      title: 'Case Management Basics',
    });
    expect(
      manifest.items.map((item) => [
        item.identifier,
        item.resourceIdentifier,
        item.children.length,
      ]),
    ).toEqual([
      ['module_1', undefined, 2],
      ['module_2', undefined, 2],
    ]);
    const byId = Object.fromEntries(manifest.scos.map((sco) => [sco.identifier, sco]));
    expect(Object.keys(byId)).toEqual(['m1_intro', 'm1_practice', 'm2_assessment', 'm2_glossary']);
    expect(byId.m1_intro).toMatchObject({
      resourceIdentifier: 'res_lesson',
      launchUrl: 'lessons/lesson.html?lesson=intro',
      completionThreshold: {
        completedByMeasure: true,
        minProgressMeasure: 0.75,
        progressWeight: 0.5,
      },
      dataFromLms: 'intro-data',
      scaledPassingScore: 0.6,
      maxTimeAllowed: 'PT20M',
      objectives: [
        { id: 'obj_intro', primary: true, satisfiedByMeasure: true, minNormalizedMeasure: 0.6 },
        { id: 'obj_extra', primary: false, satisfiedByMeasure: false, minNormalizedMeasure: 1 },
      ],
    });
    expect(byId.m1_practice).toMatchObject({
      resourceIdentifier: 'res_lesson',
      launchUrl: 'lessons/lesson.html?lesson=practice#start',
      timeLimitAction: 'continue,no message',
      maxTimeAllowed: 'PT20M',
    });
    expect(byId.m2_assessment).toMatchObject({
      attemptLimit: 3,
      maxTimeAllowed: 'PT45M',
      path: ['Module 2: Response'],
    });
    expect(byId.m2_assessment!.scaledPassingScore).toBeUndefined();
    expect(byId.m2_glossary).toMatchObject({
      scormType: 'asset',
      visible: false,
      launchUrl: 'glossary.html',
    });
  });

  it('external metadata file (title and description)', async () => {
    const { manifest } = await inspectPackage(await buildExternalMetadata2004(dir), staging());
    expect(manifest.description).toBe('How to support children in distress after a crisis.');
    expect(manifest.notices).toEqual([]);
  });

  it('xml:base, odd prefixes and item parameters', async () => {
    const { manifest } = await inspectPackage(await buildXmlBase2004(dir), staging());
    expect(manifest).toMatchObject({ version: 'scorm2004', edition: 2 });
    expect(manifest.scos.map((sco) => [sco.launchUrl, sco.launchFile])).toEqual([
      ['content/v2/part1/start.html?from=lms&part=1', 'content/v2/part1/start.html'],
      ['content/v2/part%202/start.html?part=2', 'content/v2/part 2/start.html'],
    ]);
    expect(manifest.notices.map((notice) => notice.code)).toEqual([
      'default_organization_fallback',
    ]);
  });

  it('a manifest inside one top-level folder: that folder is the content root', async () => {
    const { manifest, files } = await inspectPackage(await buildGolfInFolder(dir), staging());
    expect(manifest.contentRoot).toBe('Golf Course');
    expect(manifest.scos[0]!.launchUrl).toBe('shared/launchpage.html');
    expect(files.map((file) => file.path)).toContain('Golf Course/shared/launchpage.html');
    expect(manifest.notices).toEqual([
      {
        code: 'manifest_in_subfolder',
        file: 'Golf Course/imsmanifest.xml',
        params: { folder: 'Golf Course' },
      },
    ]);
  });

  it('no organisation: one item per SCO resource', async () => {
    const { manifest } = await inspectPackage(await buildNoOrganization12(dir), staging());
    expect(manifest.scos.map((sco) => sco.identifier)).toEqual(['sco_a', 'sco_b']);
    expect(manifest.notices.map((notice) => notice.code)).toEqual(['organization_synthesised']);
  });

  it.each(Object.entries(GOOD_FIXTURES))(
    '%s: every SCO launch file was extracted',
    async (name, build) => {
      const target = staging();
      const { manifest } = await inspectPackage(await build(dir, `${name}-check.zip`), target);
      for (const sco of manifest.scos) {
        const content = await readFile(join(target, manifest.contentRoot, sco.launchFile!), 'utf8');
        if (sco.scormType === 'sco') expect(content).toMatch(/<script src="[^"]+"><\/script>/);
      }
    },
  );
});

describe('inspectPackage refuses broken packages and empties the staging folder', () => {
  const cases = [
    {
      name: 'not a zip',
      build: buildNotZip,
      problems: [expect.objectContaining({ code: 'not_zip' })],
    },
    {
      name: 'no manifest',
      build: buildNoManifest,
      problems: [{ code: 'no_manifest', file: 'imsmanifest.xml' }],
    },
    {
      name: 'malformed XML',
      build: buildMalformedXml,
      problems: [
        {
          code: 'malformed_xml',
          file: 'imsmanifest.xml',
          line: 6,
          params: { reason: expect.stringContaining('"item" != "organization"') },
        },
      ],
    },
    {
      name: 'missing launch file',
      build: buildMissingLaunchFile,
      problems: [
        expect.objectContaining({
          code: 'missing_launch_file',
          file: 'imsmanifest.xml',
          element: 'item[identifier=one]',
          params: expect.objectContaining({ path: 'index.html', didYouMean: 'Index.html' }),
        }),
        expect.objectContaining({
          code: 'missing_launch_file',
          file: 'imsmanifest.xml',
          element: 'item[identifier=two]',
          params: expect.objectContaining({ path: 'lesson2/start.html' }),
        }),
      ],
    },
    {
      name: 'missing resource',
      build: buildMissingResource,
      problems: [
        {
          code: 'missing_resource',
          file: 'imsmanifest.xml',
          element: 'item[identifier=item]',
          line: 5,
          params: { item: 'item', identifierref: 'res_gone' },
        },
      ],
    },
    {
      name: 'unsupported version',
      build: buildUnsupportedVersion,
      problems: [
        {
          code: 'unsupported_version',
          file: 'imsmanifest.xml',
          element: 'schemaversion',
          params: { schemaversion: '1.1' },
        },
      ],
    },
    {
      name: 'zip-slip',
      build: buildZipSlip,
      problems: [{ code: 'unsafe_path', file: '../evil.js', params: { reason: 'parent_segment' } }],
    },
  ];

  for (const { name, build, problems } of cases) {
    it(name, async () => {
      const target = staging();
      expect(await problemsOf(async () => inspectPackage(await build(dir), target))).toEqual(
        problems,
      );
      expect(await listTree(target)).toEqual([]);
    });
  }

  it('honours limit overrides', async () => {
    const zip = await buildTooManyFiles(dir, 25);
    expect(await problemsOf(() => inspectPackage(zip, staging(), { maxFiles: 20 }))).toEqual([
      { code: 'limit_file_count', params: { limit: 20, count: 27 } },
    ]);
    expect((await inspectPackage(zip, staging())).files).toHaveLength(27);
  });

  it('caps the size of the manifest it will parse', async () => {
    const zip = await buildGolf12(dir, 'golf-manifest-cap.zip');
    expect(
      await problemsOf(() => inspectPackage(zip, staging(), { maxManifestBytes: 100 })),
    ).toEqual([{ code: 'limit_manifest_size', file: 'imsmanifest.xml', params: { limit: 100 } }]);
  });
});

describe('locateManifest', () => {
  it('prefers the root', () => {
    expect(locateManifest(['imsmanifest.xml', 'a/imsmanifest.xml'])).toMatchObject({
      ok: true,
      contentRoot: '',
      manifestPath: 'imsmanifest.xml',
    });
  });

  it('accepts one top-level folder, ignoring archiver junk', () => {
    expect(
      locateManifest([
        'pkg/imsmanifest.xml',
        'pkg/index.html',
        '__MACOSX/pkg/._index.html',
        '.DS_Store',
      ]),
    ).toMatchObject({
      ok: true,
      contentRoot: 'pkg',
      manifestPath: 'pkg/imsmanifest.xml',
    });
  });

  it('refuses a manifest in one of several folders, saying where it is', () => {
    expect(locateManifest(['a/imsmanifest.xml', 'b/index.html'])).toEqual({
      ok: false,
      problem: {
        code: 'no_manifest',
        file: 'imsmanifest.xml',
        params: { found: 'a/imsmanifest.xml' },
      },
    });
  });

  it('refuses a folder that also has files beside it', () => {
    expect(locateManifest(['pkg/imsmanifest.xml', 'readme.txt'])).toMatchObject({ ok: false });
  });

  it('accepts a manifest named in another case, with a notice', () => {
    expect(locateManifest(['IMSManifest.xml'])).toEqual({
      ok: true,
      contentRoot: '',
      manifestPath: 'IMSManifest.xml',
      notices: [
        {
          code: 'manifest_name_case',
          file: 'IMSManifest.xml',
          params: { name: 'IMSManifest.xml' },
        },
      ],
    });
  });

  it('works end to end with a package zipped with its folder and a case-variant name', async () => {
    const zip = await writeZip(join(dir, 'case.zip'), [
      { name: 'Course/IMSMANIFEST.XML', data: minimalManifest12() },
      { name: 'Course/index.html', data: '<!DOCTYPE html>' },
    ]);
    const { manifest } = await inspectPackage(zip, staging());
    expect(manifest.contentRoot).toBe('Course');
    expect(manifest.notices.map((notice) => notice.code)).toEqual([
      'manifest_in_subfolder',
      'manifest_name_case',
    ]);
  });
});
