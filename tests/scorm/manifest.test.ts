import { describe, expect, it } from 'vitest';
import { memoryFiles, parseManifest, type PackageFiles } from '../../src/scorm/package/index.js';
import { problemsOf } from './helpers.js';

const CP12 = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
const CP2004 = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const ADL12 = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const ADL2004 = 'http://www.adlnet.org/xsd/adlcp_v1p3';
const IMSSS = 'http://www.imsglobal.org/xsd/imsss';

function manifest(options: {
  cp?: string;
  adl?: string;
  schemaversion?: string | null;
  extraNs?: string;
  metadata?: string;
  body: string;
}): string {
  const cp = options.cp ?? CP12;
  const adl = options.adl ?? (cp === CP12 ? ADL12 : ADL2004);
  const version =
    options.schemaversion === undefined
      ? cp === CP12
        ? '1.2'
        : '2004 3rd Edition'
      : options.schemaversion;
  const metadata =
    version === null && !options.metadata
      ? ''
      : `<metadata><schema>ADL SCORM</schema>${version !== null ? `<schemaversion>${version}</schemaversion>` : ''}${options.metadata ?? ''}</metadata>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="test.manifest" xmlns="${cp}" xmlns:adlcp="${adl}" ${options.extraNs ?? ''}>
${metadata}
${options.body}
</manifest>`;
}

const oneSco = (href = 'index.html', scormType = 'adlcp:scormtype="sco"') => `
<organizations default="org"><organization identifier="org"><title>Course</title>
  <item identifier="item1" identifierref="res1"><title>Lesson</title></item>
</organization></organizations>
<resources><resource identifier="res1" type="webcontent" ${scormType} href="${href}"/></resources>`;

const files = (...paths: string[]): PackageFiles =>
  memoryFiles(Object.fromEntries(paths.map((path) => [path, '<html></html>'])));
const parse = (xml: string, available: PackageFiles = files('index.html')) =>
  parseManifest(xml, available);

describe('version detection', () => {
  it.each([
    ['1.2', CP12, 'scorm12', undefined],
    ['CAM 1.3', CP2004, 'scorm2004', 2],
    ['2004 3rd Edition', CP2004, 'scorm2004', 3],
    ['2004 4th Edition', CP2004, 'scorm2004', 4],
    [' 2004  4th edition ', CP2004, 'scorm2004', 4],
  ])('schemaversion %j → %s %s', async (schemaversion, cp, version, edition) => {
    const parsed = await parse(manifest({ cp, schemaversion, body: oneSco() }));
    expect(parsed.version).toBe(version);
    expect(parsed.edition).toBe(edition);
    expect(parsed.notices).toEqual([]);
  });

  it('infers 1.2 from the ADL namespace when schemaversion is missing', async () => {
    const parsed = await parse(manifest({ schemaversion: null, body: oneSco() }));
    expect(parsed).toMatchObject({
      version: 'scorm12',
      notices: [{ code: 'version_inferred', params: { version: 'SCORM 1.2' } }],
    });
  });

  it('infers 2004 from the namespaces, 4th edition when its features are used', async () => {
    const third = await parse(
      manifest({
        cp: CP2004,
        schemaversion: null,
        body: oneSco('index.html', 'adlcp:scormType="sco"'),
      }),
    );
    expect(third).toMatchObject({
      version: 'scorm2004',
      edition: 3,
      notices: [{ code: 'version_inferred' }],
    });
    const body = oneSco('index.html', 'adlcp:scormType="sco"').replace(
      '<title>Lesson</title>',
      '<title>Lesson</title><adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.5"/>',
    );
    const fourth = await parse(manifest({ cp: CP2004, schemaversion: null, body }));
    expect(fourth).toMatchObject({ version: 'scorm2004', edition: 4 });
  });

  it('falls back to namespaces on an unknown schemaversion, with a notice', async () => {
    const parsed = await parse(
      manifest({ cp: CP2004, schemaversion: 'SCORM 2004', body: oneSco() }),
    );
    expect(parsed).toMatchObject({
      version: 'scorm2004',
      notices: [
        {
          code: 'unknown_schemaversion',
          element: 'schemaversion',
          params: { schemaversion: 'SCORM 2004' },
        },
      ],
    });
  });

  it('refuses SCORM 1.1 → unsupported_version', async () => {
    const problems = await problemsOf(() =>
      parse(
        manifest({
          schemaversion: '1.1',
          adl: 'http://www.adlnet.org/xsd/adlcp_rootv1p1',
          body: oneSco(),
        }),
      ),
    );
    expect(problems).toEqual([
      {
        code: 'unsupported_version',
        file: 'imsmanifest.xml',
        element: 'schemaversion',
        params: { schemaversion: '1.1' },
      },
    ]);
  });

  it('refuses a Common Cartridge manifest → unsupported_version', async () => {
    const cc = 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1';
    const problems = await problemsOf(() =>
      parse(manifest({ cp: cc, adl: ADL2004, schemaversion: '1.1.0', body: oneSco() })),
    );
    expect(problems).toEqual([
      {
        code: 'unsupported_version',
        file: 'imsmanifest.xml',
        element: 'manifest',
        params: { namespace: cc },
      },
    ]);
  });

  it('refuses a plain IMS content package without any SCORM sign', async () => {
    const xml = `<manifest identifier="x" xmlns="${CP2004}"><organizations/><resources/></manifest>`;
    const problems = await problemsOf(() => parse(xml));
    expect(problems).toEqual([expect.objectContaining({ code: 'unsupported_version' })]);
  });
});

describe('namespaces, not prefixes', () => {
  it('reads SCORM attributes whatever their prefix and case', async () => {
    const xml = `<?xml version="1.0"?>
<cp:manifest identifier="m" xmlns:cp="${CP2004}" xmlns:x="${ADL2004}">
  <cp:metadata><cp:schema>ADL SCORM</cp:schema><cp:schemaversion>2004 3rd Edition</cp:schemaversion></cp:metadata>
  <cp:organizations default="o"><cp:organization identifier="o"><cp:title>T</cp:title>
    <cp:item identifier="a" identifierref="ra"><cp:title>A</cp:title></cp:item>
    <cp:item identifier="b" identifierref="rb"><cp:title>B</cp:title></cp:item>
    <cp:item identifier="c" identifierref="rc"><cp:title>C</cp:title></cp:item>
  </cp:organization></cp:organizations>
  <cp:resources>
    <cp:resource identifier="ra" type="webcontent" x:scormType="sco" href="index.html"/>
    <cp:resource identifier="rb" type="webcontent" x:SCORMTYPE="SCO" href="index.html"/>
    <cp:resource identifier="rc" type="webcontent" x:scormtype="asset" href="index.html"/>
  </cp:resources>
</cp:manifest>`;
    const parsed = await parse(xml);
    expect(parsed.scos.map((sco) => sco.scormType)).toEqual(['sco', 'sco', 'asset']);
  });

  it('ignores an attribute that merely looks like adlcp:scormtype', async () => {
    const body = oneSco('index.html', 'adlcp:scormtype="sco"').replace(
      'adlcp:scormtype',
      'fake:scormtype',
    );
    const parsed = await parse(
      manifest({ body, extraNs: 'xmlns:fake="http://example.org/not-adl"' }),
    );
    expect(parsed.scos[0]!.scormType).toBe('asset');
  });

  it('ignores elements in foreign namespaces', async () => {
    const body = oneSco().replace(
      '<title>Lesson</title>',
      '<title>Lesson</title><other:item xmlns:other="urn:x" identifier="ghost" identifierref="nowhere"/>',
    );
    const parsed = await parse(manifest({ body }));
    expect(parsed.scos.map((sco) => sco.identifier)).toEqual(['item1']);
  });
});

describe('organisations and items', () => {
  const twoOrgs = (defaultAttr: string) => `
<organizations ${defaultAttr}>
  <organization identifier="first"><title>First</title><item identifier="i1" identifierref="r"><title>One</title></item></organization>
  <organization identifier="second"><title>Second</title><item identifier="i2" identifierref="r"><title>Two</title></item></organization>
</organizations>
<resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"/></resources>`;

  it('honours organizations@default', async () => {
    const parsed = await parse(manifest({ body: twoOrgs('default="second"') }));
    expect(parsed.organization).toEqual({ identifier: 'second', title: 'Second' });
    expect(parsed.title).toBe('Second');
    expect(parsed.scos.map((sco) => sco.identifier)).toEqual(['i2']);
    expect(parsed.notices).toEqual([]);
  });

  it('falls back to the first organisation when the default is wrong', async () => {
    const parsed = await parse(manifest({ body: twoOrgs('default="third"') }));
    expect(parsed.organization.identifier).toBe('first');
    expect(parsed.notices).toEqual([
      expect.objectContaining({
        code: 'default_organization_fallback',
        element: 'organizations',
        params: { used: 'first', requested: 'third' },
      }),
    ]);
  });

  it('falls back to the first organisation when there is no default', async () => {
    const parsed = await parse(manifest({ body: twoOrgs('') }));
    expect(parsed.organization.identifier).toBe('first');
    expect(parsed.notices).toEqual([
      expect.objectContaining({ code: 'default_organization_fallback', params: { used: 'first' } }),
    ]);
  });

  it('synthesises one item per SCO resource when there is no organisation', async () => {
    const body = `<organizations/>
<resources>
  <resource identifier="a" type="webcontent" adlcp:scormtype="sco" href="a.html"/>
  <resource identifier="lib" type="webcontent" adlcp:scormtype="asset" href="lib.js"/>
  <resource identifier="b" type="webcontent" adlcp:scormtype="sco" href="b.html"/>
</resources>`;
    const parsed = await parse(manifest({ body }), files('a.html', 'b.html', 'lib.js'));
    expect(parsed.scos.map((sco) => [sco.identifier, sco.launchUrl])).toEqual([
      ['a', 'a.html'],
      ['b', 'b.html'],
    ]);
    expect(parsed.items.map((item) => item.resourceIdentifier)).toEqual(['a', 'b']);
    expect(parsed.notices).toEqual([
      expect.objectContaining({ code: 'organization_synthesised', params: { count: 2 } }),
    ]);
  });

  it('keeps the tree: containers group items, launchable items are flattened in order', async () => {
    const body = `
<organizations default="o"><organization identifier="o"><title>Course</title>
  <item identifier="m1"><title>Module 1</title>
    <item identifier="m1a" identifierref="r" parameters="p=a"><title>Part A</title></item>
    <item identifier="m1s"><title>Section</title>
      <item identifier="m1s1" identifierref="r" parameters="p=deep" isvisible="false"><title>Deep</title></item>
    </item>
  </item>
  <item identifier="end" identifierref="r"><title>End</title></item>
</organization></organizations>
<resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html"/></resources>`;
    const parsed = await parse(manifest({ body }));
    expect(parsed.items).toEqual([
      {
        identifier: 'm1',
        title: 'Module 1',
        visible: true,
        children: [
          {
            identifier: 'm1a',
            title: 'Part A',
            visible: true,
            resourceIdentifier: 'r',
            parameters: 'p=a',
            children: [],
          },
          {
            identifier: 'm1s',
            title: 'Section',
            visible: true,
            children: [
              {
                identifier: 'm1s1',
                title: 'Deep',
                visible: false,
                resourceIdentifier: 'r',
                parameters: 'p=deep',
                children: [],
              },
            ],
          },
        ],
      },
      { identifier: 'end', title: 'End', visible: true, resourceIdentifier: 'r', children: [] },
    ]);
    // Three items share one resource; each is tracked under its own identifier.
    expect(
      parsed.scos.map((sco) => [
        sco.identifier,
        sco.resourceIdentifier,
        sco.launchUrl,
        sco.depth,
        sco.path,
        sco.visible,
      ]),
    ).toEqual([
      ['m1a', 'r', 'index.html?p=a', 1, ['Module 1'], true],
      ['m1s1', 'r', 'index.html?p=deep', 2, ['Module 1', 'Section'], false],
      ['end', 'r', 'index.html', 0, [], true],
    ]);
  });

  it('uses the identifier when an item has no title', async () => {
    const parsed = await parse(manifest({ body: oneSco().replace('<title>Lesson</title>', '') }));
    expect(parsed.scos[0]!.title).toBe('item1');
  });

  it('combines xml:base of manifest, resources and resource', async () => {
    const xml = manifest({
      body: oneSco('start.html?x=1')
        .replace('<resources>', '<resources xml:base="v2/">')
        .replace('identifier="res1"', 'identifier="res1" xml:base="sco/"'),
    }).replace('identifier="test.manifest"', 'identifier="test.manifest" xml:base="content/"');
    const parsed = await parse(xml, files('content/v2/sco/start.html'));
    expect(parsed.scos[0]).toMatchObject({
      launchUrl: 'content/v2/sco/start.html?x=1',
      launchFile: 'content/v2/sco/start.html',
    });
  });

  it('launches an external address with a notice', async () => {
    const parsed = await parse(manifest({ body: oneSco('https://example.org/course/index.html') }));
    expect(parsed.scos[0]).toMatchObject({ launchUrl: 'https://example.org/course/index.html' });
    expect(parsed.scos[0]!.launchFile).toBeUndefined();
    expect(parsed.notices).toEqual([
      expect.objectContaining({ code: 'external_launch_url', element: 'item[identifier=item1]' }),
    ]);
  });
});

describe('SCORM data per item', () => {
  it('1.2: mastery score, time limit, launch data', async () => {
    const body = oneSco().replace(
      '<title>Lesson</title>',
      `<title>Lesson</title>
       <adlcp:masteryscore> 75 </adlcp:masteryscore>
       <adlcp:maxtimeallowed>01:00:00</adlcp:maxtimeallowed>
       <adlcp:timelimitaction>Exit, Message</adlcp:timelimitaction>
       <adlcp:dataFromLMS>level=2</adlcp:dataFromLMS>`,
    );
    const [sco] = (await parse(manifest({ body }))).scos;
    expect(sco).toMatchObject({
      masteryScore: 75,
      maxTimeAllowed: '01:00:00',
      timeLimitAction: 'exit,message',
      dataFromLms: 'level=2',
    });
  });

  it('1.2: ignores a mastery score that is not a number between 0 and 100', async () => {
    const body = oneSco().replace(
      '<title>Lesson</title>',
      '<title>Lesson</title><adlcp:masteryscore>eighty</adlcp:masteryscore>',
    );
    const [sco] = (await parse(manifest({ body }))).scos;
    expect(sco!.masteryScore).toBeUndefined();
  });

  const sco2004 = (itemExtra: string, manifestExtra = '') =>
    manifest({
      cp: CP2004,
      extraNs: `xmlns:imsss="${IMSSS}"`,
      body: `
<organizations default="org"><organization identifier="org"><title>Course</title>
  <item identifier="item1" identifierref="res1"><title>Lesson</title>${itemExtra}</item>
</organization></organizations>
<resources><resource identifier="res1" type="webcontent" adlcp:scormType="sco" href="index.html"/></resources>
${manifestExtra}`,
    });

  it('2004 3rd edition: completion threshold as text', async () => {
    const [sco] = (
      await parse(sco2004('<adlcp:completionThreshold>0.8</adlcp:completionThreshold>'))
    ).scos;
    expect(sco!.completionThreshold).toEqual({ completedByMeasure: true, minProgressMeasure: 0.8 });
  });

  it('2004 4th edition: completion threshold attributes with their defaults', async () => {
    const [sco] = (await parse(sco2004('<adlcp:completionThreshold progressWeight="2"/>'))).scos;
    expect(sco!.completionThreshold).toEqual({
      completedByMeasure: false,
      minProgressMeasure: 1,
      progressWeight: 2,
    });
  });

  it('2004: objectives, scaled passing score, limits, launch data and time limit action', async () => {
    const [sco] = (
      await parse(
        sco2004(`
      <adlcp:dataFromLMS>  chapter=3  </adlcp:dataFromLMS>
      <adlcp:timeLimitAction>exit,no message</adlcp:timeLimitAction>
      <imsss:sequencing>
        <imsss:limitConditions attemptLimit="2" attemptAbsoluteDurationLimit="PT1H30M"/>
        <imsss:objectives>
          <imsss:primaryObjective objectiveID="pass" satisfiedByMeasure="true">
            <imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>
          </imsss:primaryObjective>
          <imsss:objective objectiveID="skill_a" satisfiedByMeasure="true"/>
          <imsss:objective objectiveID="skill_b"/>
        </imsss:objectives>
      </imsss:sequencing>`),
      )
    ).scos;
    expect(sco).toMatchObject({
      dataFromLms: 'chapter=3',
      timeLimitAction: 'exit,no message',
      attemptLimit: 2,
      maxTimeAllowed: 'PT1H30M',
      scaledPassingScore: 0.7,
      objectives: [
        { id: 'pass', primary: true, satisfiedByMeasure: true, minNormalizedMeasure: 0.7 },
        { id: 'skill_a', primary: false, satisfiedByMeasure: true, minNormalizedMeasure: 1 },
        { id: 'skill_b', primary: false, satisfiedByMeasure: false, minNormalizedMeasure: 1 },
      ],
    });
  });

  it('2004: sequencing from the collection, overridden by the item', async () => {
    const collection = `<imsss:sequencingCollection>
      <imsss:sequencing ID="shared">
        <imsss:limitConditions attemptAbsoluteDurationLimit="PT10M"/>
        <imsss:objectives><imsss:primaryObjective objectiveID="shared_obj"/></imsss:objectives>
      </imsss:sequencing>
    </imsss:sequencingCollection>`;
    const inherited = (await parse(sco2004('<imsss:sequencing IDRef="shared"/>', collection)))
      .scos[0]!;
    expect(inherited).toMatchObject({
      maxTimeAllowed: 'PT10M',
      objectives: [{ id: 'shared_obj', primary: true }],
    });
    const overridden = (
      await parse(
        sco2004(
          '<imsss:sequencing IDRef="shared"><imsss:objectives><imsss:primaryObjective objectiveID="own"/></imsss:objectives></imsss:sequencing>',
          collection,
        ),
      )
    ).scos[0]!;
    expect(overridden).toMatchObject({
      maxTimeAllowed: 'PT10M',
      objectives: [{ id: 'own', primary: true }],
    });
  });

  it('2004: a sequencing reference to nothing is a notice', async () => {
    const parsed = await parse(sco2004('<imsss:sequencing IDRef="ghost"/>'));
    expect(parsed.notices).toEqual([
      expect.objectContaining({
        code: 'sequencing_reference_missing',
        element: 'item[identifier=item1]',
        params: { item: 'item1', idref: 'ghost' },
      }),
    ]);
  });
});

describe('metadata', () => {
  it('reads inline IMS metadata, used as title when the organisation has none', async () => {
    const lom = `<lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"><general>
      <title><langstring xml:lang="fr"></langstring><langstring xml:lang="en">Inline title</langstring></title>
      <description><langstring>Inline description</langstring></description></general></lom>`;
    const parsed = await parse(
      manifest({ metadata: lom, body: oneSco().replace('<title>Course</title>', '') }),
    );
    expect(parsed).toMatchObject({ title: 'Inline title', description: 'Inline description' });
  });

  it('reads an external metadata file (adlcp:location)', async () => {
    const lom = `<?xml version="1.0"?><lom xmlns="http://ltsc.ieee.org/xsd/LOM"><general><description><string language="en">From a file</string></description></general></lom>`;
    const available = memoryFiles({ 'index.html': '', 'meta/course.xml': lom });
    const parsed = await parse(
      manifest({ metadata: '<adlcp:location>meta/course.xml</adlcp:location>', body: oneSco() }),
      available,
    );
    expect(parsed.description).toBe('From a file');
  });

  it('a missing or broken metadata file is a notice, not an error', async () => {
    const missing = await parse(
      manifest({ metadata: '<adlcp:location>meta.xml</adlcp:location>', body: oneSco() }),
    );
    expect(missing.notices).toEqual([
      { code: 'metadata_file_missing', file: 'meta.xml', params: { path: 'meta.xml' } },
    ]);
    const broken = await parse(
      manifest({ metadata: '<adlcp:location>meta.xml</adlcp:location>', body: oneSco() }),
      memoryFiles({ 'index.html': '', 'meta.xml': '<lom><general>' }),
    );
    expect(broken.notices).toEqual([
      { code: 'metadata_file_malformed', file: 'meta.xml', params: { path: 'meta.xml' } },
    ]);
  });
});

describe('problems are collected and located', () => {
  it('reports every problem of the manifest at once', async () => {
    const body = `
<organizations default="org"><organization identifier="org"><title>Course</title>
  <item identifier="a" identifierref="gone"><title>A</title></item>
  <item identifier="b" identifierref="no_href"><title>B</title></item>
  <item identifier="c" identifierref="ok"><title>C</title></item>
  <item identifier="c" identifierref="ok"><title>C again</title></item>
  <item identifier="d" identifierref="missing_file"><title>D</title></item>
</organization></organizations>
<resources>
  <resource identifier="no_href" type="webcontent" adlcp:scormtype="sco"/>
  <resource identifier="ok" type="webcontent" adlcp:scormtype="sco" href="index.html"/>
  <resource identifier="missing_file" type="webcontent" adlcp:scormtype="sco" href="lessons/Start.html"/>
  <resource identifier="ok" type="webcontent" adlcp:scormtype="sco" href="index.html"/>
</resources>`;
    const problems = await problemsOf(() =>
      parse(manifest({ body }), files('index.html', 'lessons/start.html')),
    );
    expect(problems).toEqual([
      {
        code: 'duplicate_identifier',
        file: 'imsmanifest.xml',
        element: 'resource[identifier=ok]',
        line: 16,
        params: { identifier: 'ok' },
      },
      {
        code: 'missing_resource',
        file: 'imsmanifest.xml',
        element: 'item[identifier=a]',
        line: 6,
        params: { item: 'a', identifierref: 'gone' },
      },
      {
        code: 'resource_without_href',
        file: 'imsmanifest.xml',
        element: 'item[identifier=b]',
        line: 7,
        params: { item: 'b', resource: 'no_href' },
      },
      {
        code: 'duplicate_identifier',
        file: 'imsmanifest.xml',
        element: 'item[identifier=c]',
        line: 9,
        params: { identifier: 'c' },
      },
      {
        code: 'missing_launch_file',
        file: 'imsmanifest.xml',
        element: 'item[identifier=d]',
        line: 10,
        params: {
          item: 'd',
          resource: 'missing_file',
          path: 'lessons/Start.html',
          didYouMean: 'lessons/start.html',
        },
      },
    ]);
  });

  it('malformed XML → malformed_xml with the line of the unclosed element', async () => {
    const problems = await problemsOf(() =>
      parse('<?xml version="1.0"?>\n<manifest>\n  <organizations>\n</manifest>', files()),
    );
    expect(problems).toEqual([
      {
        code: 'malformed_xml',
        file: 'imsmanifest.xml',
        line: 3,
        params: { reason: expect.stringContaining('mismatch') },
      },
    ]);
  });

  it('an undeclared prefix or entity is malformed too', async () => {
    expect(await problemsOf(() => parse('<manifest><adlcp:x/></manifest>', files()))).toEqual([
      expect.objectContaining({ code: 'malformed_xml', line: 1 }),
    ]);
    expect(await problemsOf(() => parse('<manifest>&nbsp;</manifest>', files()))).toEqual([
      expect.objectContaining({ code: 'malformed_xml' }),
    ]);
    expect(await problemsOf(() => parse('', files()))).toEqual([
      expect.objectContaining({ code: 'malformed_xml' }),
    ]);
  });

  it('another root element → not_a_manifest', async () => {
    expect(await problemsOf(() => parse('<html><body/></html>', files()))).toEqual([
      {
        code: 'not_a_manifest',
        file: 'imsmanifest.xml',
        element: 'html',
        params: { root: 'html' },
      },
    ]);
  });

  it('nothing to launch → no_launchable_item / no_organization', async () => {
    const containersOnly = `<organizations default="o"><organization identifier="o"><title>T</title><item identifier="x"><title>X</title></item></organization></organizations><resources/>`;
    expect(await problemsOf(() => parse(manifest({ body: containersOnly })))).toEqual([
      { code: 'no_launchable_item', file: 'imsmanifest.xml', element: 'organization' },
    ]);
    expect(
      await problemsOf(() => parse(manifest({ body: '<organizations/><resources/>' }))),
    ).toEqual([{ code: 'no_organization', file: 'imsmanifest.xml', element: 'organizations' }]);
    const withResource = containersOnly.replace(
      '<resources/>',
      '<resources><resource identifier="r" type="webcontent" href="index.html"/></resources>',
    );
    expect(await problemsOf(() => parse(manifest({ body: withResource })))).toEqual([
      { code: 'no_launchable_item', file: 'imsmanifest.xml', element: 'organization' },
    ]);
  });

  it('reports problems against the manifest path it was given', async () => {
    const problems = await problemsOf(() =>
      parseManifest(manifest({ body: oneSco('gone.html') }), files(), {
        manifestFile: 'Course/imsmanifest.xml',
        contentRoot: 'Course',
      }),
    );
    expect(problems[0]).toMatchObject({
      code: 'missing_launch_file',
      file: 'Course/imsmanifest.xml',
    });
  });
});

describe('encodings', () => {
  it('reads UTF-16 with a byte order mark', async () => {
    const xml = manifest({
      body: oneSco().replace('<title>Course</title>', '<title>Protección</title>'),
    });
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(xml.replace('UTF-8', 'UTF-16'), 'utf16le'),
    ]);
    expect((await parseManifest(bytes, files('index.html'))).title).toBe('Protección');
  });

  it('honours an ISO-8859-1 declaration', async () => {
    const xml = manifest({
      body: oneSco().replace('<title>Course</title>', '<title>Sécurité</title>'),
    }).replace('UTF-8', 'ISO-8859-1');
    expect((await parseManifest(Buffer.from(xml, 'latin1'), files('index.html'))).title).toBe(
      'Sécurité',
    );
  });

  it('skips a UTF-8 byte order mark', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(manifest({ body: oneSco() })),
    ]);
    expect((await parseManifest(bytes, files('index.html'))).version).toBe('scorm12');
  });
});
