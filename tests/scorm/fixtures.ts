/**
 * Test SCORM packages, shaped like real exports, for unit, import and Playwright tests.
 *
 * Every builder takes a folder and returns the path of the zip it wrote there. The SCO pages
 * are minimal but real: they find the LMS API the standard way, initialise, resume from
 * cmi location / suspend_data, record progress and commit, and show what happened in
 * `#scorm-status` (data attributes) so a browser test can assert on it.
 */
import { join } from 'node:path';
import { writeZip, type ZipEntrySpec } from './zip-builder.js';

export { writeZip, zipBuffer, type ZipEntrySpec } from './zip-builder.js';
export * from './broken-fixtures.js';

export type FixtureVersion = 'scorm12' | 'scorm2004';

// ---------------------------------------------------------------------------------------
// SCO content
// ---------------------------------------------------------------------------------------

/**
 * The run-time script of the test SCOs. Exposes `window.LanternSco` with `complete(score)`,
 * `setLocation(value)`, `commit()` and `finish()`; wires `#scorm-complete` and `#scorm-exit`.
 */
export function scoRuntimeScript(version: FixtureVersion): string {
  const is12 = version === 'scorm12';
  const names = is12
    ? {
        api: 'API',
        init: 'LMSInitialize',
        get: 'LMSGetValue',
        set: 'LMSSetValue',
        commit: 'LMSCommit',
        finish: 'LMSFinish',
        error: 'LMSGetLastError',
        location: 'cmi.core.lesson_location',
        entry: 'cmi.core.entry',
        learner: 'cmi.core.student_name',
        exit: 'cmi.core.exit',
        mastery: 'cmi.student_data.mastery_score',
      }
    : {
        api: 'API_1484_11',
        init: 'Initialize',
        get: 'GetValue',
        set: 'SetValue',
        commit: 'Commit',
        finish: 'Terminate',
        error: 'GetLastError',
        location: 'cmi.location',
        entry: 'cmi.entry',
        learner: 'cmi.learner_name',
        exit: 'cmi.exit',
        mastery: 'cmi.scaled_passing_score',
      };
  return `/* Lantern test SCO (${is12 ? 'SCORM 1.2' : 'SCORM 2004'}). */
(function () {
  'use strict';
  var N = ${JSON.stringify(names)};
  var IS12 = ${is12};

  function scan(win) {
    for (var depth = 0; win && depth < 10; depth++) {
      try { if (win[N.api]) return win[N.api]; } catch (e) { /* a cross-origin frame: keep climbing */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  // SCORM 1.2 looks from this window up; the ADL 2004 algorithm starts at the parent.
  // Both then try the window that opened the course.
  function findApi() {
    var api = scan(IS12 ? window : window.parent);
    if (!api && window.top && window.top.opener) api = scan(window.top.opener);
    if (!api && window.opener) api = scan(window.opener);
    return api;
  }

  var api = null;
  var state = { phase: 'loading', entry: '', location: '', visits: 0, learner: '', launchData: '', search: location.search };
  var finished = false;

  function show() {
    var out = document.getElementById('scorm-status');
    if (!out) return;
    out.setAttribute('data-state', state.phase);
    out.setAttribute('data-entry', state.entry);
    out.setAttribute('data-location', state.location);
    out.setAttribute('data-visits', String(state.visits));
    out.setAttribute('data-search', state.search);
    out.textContent = state.phase + ' | entry=' + state.entry + ' | location=' + state.location + ' | visits=' + state.visits;
  }
  function get(key) { return String(api[N.get](key)); }
  function set(key, value) { return String(api[N.set](key, String(value))) === 'true'; }
  function commit() { return String(api[N.commit]('')) === 'true'; }

  function start() {
    api = findApi();
    if (!api) { state.phase = 'no-api'; return show(); }
    if (String(api[N.init]('')) !== 'true') { state.phase = 'error:' + api[N.error](); return show(); }
    state.entry = get(N.entry);
    state.location = get(N.location);
    state.learner = get(N.learner);
    state.launchData = get('cmi.launch_data');
    var saved = {};
    try { saved = JSON.parse(get('cmi.suspend_data') || '{}'); } catch (e) { saved = {}; }
    state.visits = (Number(saved.visits) || 0) + 1;
    var page = document.body.getAttribute('data-page') || 'start';
    if (!state.location) state.location = page;
    set(N.location, state.location);
    set('cmi.suspend_data', JSON.stringify({ visits: state.visits, page: page }));
    if (IS12) { if (get('cmi.core.lesson_status') === 'not attempted') set('cmi.core.lesson_status', 'incomplete'); }
    else if (get('cmi.completion_status') !== 'completed') set('cmi.completion_status', 'incomplete');
    set(N.exit, 'suspend');
    commit();
    state.phase = 'ready';
    show();
  }

  function complete(score) {
    if (!api || finished) return false;
    var raw = typeof score === 'number' ? score : 100;
    var mastery = get(N.mastery);
    set(IS12 ? 'cmi.core.score.min' : 'cmi.score.min', 0);
    set(IS12 ? 'cmi.core.score.max' : 'cmi.score.max', 100);
    set(IS12 ? 'cmi.core.score.raw' : 'cmi.score.raw', raw);
    if (IS12) {
      var status = mastery === '' ? 'completed' : (raw >= Number(mastery) ? 'passed' : 'failed');
      set('cmi.core.lesson_status', status);
    } else {
      set('cmi.score.scaled', raw / 100);
      set('cmi.completion_status', 'completed');
      set('cmi.success_status', mastery === '' || raw / 100 >= Number(mastery) ? 'passed' : 'failed');
    }
    set(N.exit, IS12 ? '' : 'normal');
    var ok = commit();
    state.phase = 'completed';
    show();
    return ok;
  }

  function finish() {
    if (!api || finished) return false;
    finished = true;
    commit();
    var ok = String(api[N.finish]('')) === 'true';
    state.phase = 'finished';
    show();
    return ok;
  }

  function setLocation(value) {
    if (!api) return false;
    state.location = String(value);
    set(N.location, state.location);
    show();
    return commit();
  }

  window.LanternSco = { complete: complete, finish: finish, commit: function () { return commit(); }, setLocation: setLocation, state: state };
  // Many real SCOs finish on unload; a resumed attempt depends on this commit reaching the LMS.
  window.addEventListener('pagehide', function () { if (api && !finished) finish(); });
  document.addEventListener('DOMContentLoaded', function () {
    var done = document.getElementById('scorm-complete');
    if (done) done.addEventListener('click', function () { complete(100); });
    var exit = document.getElementById('scorm-exit');
    if (exit) exit.addEventListener('click', function () { finish(); });
    start();
  });
})();
`;
}

export interface ScoPageOptions {
  title: string;
  /** Script URL relative to the page. */
  script: string;
  /** Default cmi location; also shown for orientation. */
  page?: string;
  body?: string;
  css?: string;
}

export function scoPage(options: ScoPageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${options.title}</title>
${options.css ? `<link rel="stylesheet" href="${options.css}">\n` : ''}<script src="${options.script}"></script>
</head>
<body data-page="${options.page ?? 'start'}">
<main>
<h1>${options.title}</h1>
${options.body ?? ''}
<output id="scorm-status" data-state="loading">Loading…</output>
<p><button id="scorm-complete" type="button">Complete</button> <button id="scorm-exit" type="button">Exit</button></p>
</main>
</body>
</html>
`;
}

/** A content page without SCORM calls (what a SCO frames, or an asset). */
export function contentPage(title: string, text: string, css?: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>${css ? `<link rel="stylesheet" href="${css}">` : ''}</head>
<body><h1>${title}</h1><p>${text}</p></body>
</html>
`;
}

const CSS = 'body { font-family: sans-serif; margin: 2rem; }\n';

/** Schema files real exports ship next to the manifest; their content does not matter here. */
function schemaStubs(names: string[], prefix = ''): ZipEntrySpec[] {
  return names.map((name) => ({
    name: prefix + name,
    data: `<?xml version="1.0"?>\n<!-- ${name} (stub) -->\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>\n`,
  }));
}

const XSD_12 = [
  'adlcp_rootv1p2.xsd',
  'ims_xml.xsd',
  'imscp_rootv1p1p2.xsd',
  'imsmd_rootv1p2p1.xsd',
];
const XSD_2004 = [
  'adlcp_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'imscp_v1p1.xsd',
  'imsss_v1p0.xsd',
];

const NS_12 = `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"`;
const NS_2004 = `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`;

// ---------------------------------------------------------------------------------------
// SCORM 1.2
// ---------------------------------------------------------------------------------------

const GOLF_PAGES = [
  { folder: 'Playing', file: 'Playing.html', title: 'Playing the Game' },
  { folder: 'Etiquette', file: 'Course.html', title: 'Etiquette' },
  { folder: 'Handicapping', file: 'Overview.html', title: 'Handicapping' },
  { folder: 'HavingFun', file: 'HowToHaveFun.html', title: 'Having Fun' },
];

/** The files of a golf-style course: a shared launch page framing pages in sub-folders. */
function golfFiles(prefix = ''): ZipEntrySpec[] {
  const links = GOLF_PAGES.map(
    (p) => `<li><a href="../${p.folder}/${p.file}" target="content">${p.title}</a></li>`,
  ).join('');
  return [
    {
      name: `${prefix}shared/launchpage.html`,
      data: scoPage({
        title: 'Golf Explained',
        script: 'scormfunctions.js',
        css: 'style.css',
        page: 'playing',
        body: `<nav><ul>${links}</ul></nav>\n<iframe name="content" title="Lesson" src="../Playing/Playing.html"></iframe>`,
      }),
    },
    { name: `${prefix}shared/scormfunctions.js`, data: scoRuntimeScript('scorm12') },
    { name: `${prefix}shared/style.css`, data: CSS },
    ...GOLF_PAGES.map((p) => ({
      name: `${prefix}${p.folder}/${p.file}`,
      data: contentPage(p.title, `All about ${p.title.toLowerCase()}.`, '../shared/style.css'),
    })),
    { name: `${prefix}Playing/rules.jpg`, data: Buffer.alloc(64, 7), compress: false },
  ];
}

function golfManifest(): string {
  const files = [
    'shared/launchpage.html',
    'shared/scormfunctions.js',
    'shared/style.css',
    ...GOLF_PAGES.map((p) => `${p.folder}/${p.file}`),
  ];
  return `<?xml version="1.0" standalone="no" ?>
<manifest identifier="com.scorm.golfsamples.runtime.basicruntime.12" version="1" ${NS_12}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="golf_sample_default_org">
    <organization identifier="golf_sample_default_org">
      <title>Golf Explained - Run-time Basic Calls</title>
      <item identifier="item_1" identifierref="resource_1">
        <title>Golf Explained</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="resource_1" type="webcontent" adlcp:scormtype="sco" href="shared/launchpage.html">
${files.map((f) => `      <file href="${f}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** SCORM 1.2, one SCO: `shared/launchpage.html` framing content in sub-folders. */
export function buildGolf12(dir: string, fileName = 'golf-12.zip'): Promise<string> {
  return writeZip(join(dir, fileName), [
    { name: 'imsmanifest.xml', data: golfManifest() },
    ...golfFiles(),
    ...schemaStubs(XSD_12),
  ]);
}

/** The golf course zipped as its folder (plus Finder junk), as people often upload it. */
export function buildGolfInFolder(dir: string, fileName = 'golf-in-folder.zip'): Promise<string> {
  const prefix = 'Golf Course/';
  return writeZip(join(dir, fileName), [
    { name: prefix, directory: true },
    { name: `${prefix}imsmanifest.xml`, data: golfManifest() },
    ...golfFiles(prefix),
    ...schemaStubs(XSD_12, prefix),
    { name: '__MACOSX/Golf Course/._imsmanifest.xml', data: Buffer.alloc(32) },
  ]);
}

/**
 * SCORM 1.2, four SCOs sharing one launch page that picks its content from the query string
 * (the golf "multi-SCO" shape), with inline IMS metadata.
 */
export function buildMultiSco12(dir: string, fileName = 'multi-sco-12.zip'): Promise<string> {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="com.example.golf.multisco" version="1.0" ${NS_12}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <lom xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1">
      <general>
        <title><langstring xml:lang="en-US">Golf in Four Lessons</langstring></title>
        <description><langstring xml:lang="en-US">Each lesson is a SCO of its own.</langstring></description>
      </general>
    </lom>
  </metadata>
  <organizations default="golf_org">
    <organization identifier="golf_org">
      <title>Golf in Four Lessons</title>
${GOLF_PAGES.map((p, i) => `      <item identifier="item_${p.folder.toLowerCase()}" identifierref="res_${i + 1}"><title>${p.title}</title></item>`).join('\n')}
    </organization>
  </organizations>
  <resources>
${GOLF_PAGES.map(
  (
    p,
    i,
  ) => `    <resource identifier="res_${i + 1}" type="webcontent" adlcp:scormtype="sco" href="shared/launchpage.html?content=${p.folder.toLowerCase()}">
      <file href="shared/launchpage.html"/>
      <dependency identifierref="common_files"/>
    </resource>`,
).join('\n')}
    <resource identifier="common_files" type="webcontent" adlcp:scormtype="asset">
      <file href="shared/scormfunctions.js"/>
      <file href="shared/style.css"/>
    </resource>
  </resources>
</manifest>
`;
  return writeZip(join(dir, fileName), [
    { name: 'imsmanifest.xml', data: manifest },
    ...golfFiles(),
    ...schemaStubs(XSD_12),
  ]);
}

/** SCORM 1.2 quiz with mastery score, time limit and launch data (`adlcp:scormType` spelling). */
export function buildMastery12(dir: string, fileName = 'mastery-12.zip'): Promise<string> {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="quiz.mastery" version="1.0" ${NS_12}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG">
    <organization identifier="ORG">
      <title>Child Safeguarding Quiz</title>
      <item identifier="quiz" identifierref="quiz_res" isvisible="true">
        <title>Final quiz</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
        <adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed>
        <adlcp:timelimitaction>exit,message</adlcp:timelimitaction>
        <adlcp:datafromlms>mode=exam;questions=10</adlcp:datafromlms>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="quiz_res" type="webcontent" adlcp:scormType="sco" href="quiz/index.html">
      <file href="quiz/index.html"/>
    </resource>
  </resources>
</manifest>
`;
  return writeZip(join(dir, fileName), [
    { name: 'imsmanifest.xml', data: manifest },
    {
      name: 'quiz/index.html',
      data: scoPage({ title: 'Final quiz', script: 'sco.js', page: 'question-1' }),
    },
    { name: 'quiz/sco.js', data: scoRuntimeScript('scorm12') },
  ]);
}

// ---------------------------------------------------------------------------------------
// SCORM 2004
// ---------------------------------------------------------------------------------------

/**
 * SCORM 2004 3rd edition in the shape of an Articulate Rise export: the launch page is
 * `scormdriver/indexAPI.html`, which frames `../scormcontent/index.html`.
 */
export function buildRise2004(dir: string, fileName = 'rise-2004.zip'): Promise<string> {
  const manifest = `<?xml version="1.0" standalone="no" ?>
<manifest identifier="Rise_Protecting_Children_SCORM2004" version="1" ${NS_2004} xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 3rd Edition</schemaversion>
  </metadata>
  <organizations default="Rise_ORG">
    <organization identifier="Rise_ORG">
      <title>Protecting Children in Emergencies</title>
      <item identifier="Rise_SCO" identifierref="Rise_RES">
        <title>Protecting Children in Emergencies</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="Rise_RES" type="webcontent" adlcp:scormType="sco" href="scormdriver/indexAPI.html">
      <file href="scormdriver/indexAPI.html"/>
      <file href="scormdriver/scormdriver.js"/>
      <file href="scormcontent/index.html"/>
    </resource>
  </resources>
</manifest>
`;
  return writeZip(join(dir, fileName), [
    { name: 'imsmanifest.xml', data: manifest },
    {
      name: 'scormdriver/indexAPI.html',
      data: scoPage({
        title: 'Protecting Children in Emergencies',
        script: 'scormdriver.js',
        page: 'lesson-1',
        body: '<iframe id="content-frame" title="Course" src="../scormcontent/index.html"></iframe>',
      }),
    },
    { name: 'scormdriver/scormdriver.js', data: scoRuntimeScript('scorm2004') },
    {
      name: 'scormcontent/index.html',
      data: contentPage(
        'Protecting Children in Emergencies',
        'Lesson 1: what to do first.',
        'lib/main.css',
      ),
    },
    { name: 'scormcontent/lib/main.css', data: CSS },
    { name: 'scormcontent/assets/cover.png', data: Buffer.alloc(128, 3), compress: false },
    ...schemaStubs(XSD_2004),
  ]);
}

/**
 * SCORM 2004 4th edition, several SCOs in nested modules: completion thresholds, primary and
 * other objectives, time limits through a sequencing collection, item parameters, two items
 * sharing one resource, a hidden item and an asset.
 */
export function buildFourthEdition2004(dir: string, fileName = 'fourth-2004.zip'): Promise<string> {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="lantern.fourth" version="1.3" ${NS_2004}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org_main">
    <organization identifier="org_main" adlseq:objectivesGlobalToSystem="false">
      <title>Case Management Basics</title>
      <item identifier="module_1">
        <title>Module 1: Identification</title>
        <item identifier="m1_intro" identifierref="res_lesson" parameters="?lesson=intro">
          <title>Introduction</title>
          <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.75" progressWeight="0.5"/>
          <adlcp:dataFromLMS>intro-data</adlcp:dataFromLMS>
          <imsss:sequencing IDRef="common_seq">
            <imsss:objectives>
              <imsss:primaryObjective objectiveID="obj_intro" satisfiedByMeasure="true">
                <imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>
              </imsss:primaryObjective>
              <imsss:objective objectiveID="obj_extra"/>
            </imsss:objectives>
          </imsss:sequencing>
        </item>
        <item identifier="m1_practice" identifierref="res_lesson" parameters="lesson=practice#start">
          <title>Practice</title>
          <adlcp:timeLimitAction>continue,no message</adlcp:timeLimitAction>
          <imsss:sequencing IDRef="common_seq"/>
        </item>
      </item>
      <item identifier="module_2">
        <title>Module 2: Response</title>
        <item identifier="m2_assessment" identifierref="res_assessment">
          <title>Assessment</title>
          <imsss:sequencing>
            <imsss:limitConditions attemptLimit="3" attemptAbsoluteDurationLimit="PT45M"/>
            <imsss:objectives>
              <imsss:primaryObjective satisfiedByMeasure="false"/>
            </imsss:objectives>
          </imsss:sequencing>
        </item>
        <item identifier="m2_glossary" identifierref="res_glossary" isvisible="false">
          <title>Glossary</title>
        </item>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_lesson" type="webcontent" adlcp:scormType="sco" href="lessons/lesson.html">
      <file href="lessons/lesson.html"/>
    </resource>
    <resource identifier="res_assessment" type="webcontent" adlcp:scormType="sco" href="assessment/index.html">
      <file href="assessment/index.html"/>
    </resource>
    <resource identifier="res_glossary" type="webcontent" adlcp:scormType="asset" href="glossary.html">
      <file href="glossary.html"/>
    </resource>
  </resources>
  <imsss:sequencingCollection>
    <imsss:sequencing ID="common_seq">
      <imsss:limitConditions attemptAbsoluteDurationLimit="PT20M"/>
    </imsss:sequencing>
  </imsss:sequencingCollection>
</manifest>
`;
  return writeZip(join(dir, fileName), [
    { name: 'imsmanifest.xml', data: manifest },
    {
      name: 'lessons/lesson.html',
      data: scoPage({ title: 'Lesson', script: '../scripts/sco.js', page: 'lesson' }),
    },
    {
      name: 'assessment/index.html',
      data: scoPage({ title: 'Assessment', script: '../scripts/sco.js', page: 'q1' }),
    },
    { name: 'scripts/sco.js', data: scoRuntimeScript('scorm2004') },
    { name: 'glossary.html', data: contentPage('Glossary', 'Case management: …') },
  ]);
}

/** SCORM 2004 whose title and description live in an external LOM file. */
export function buildExternalMetadata2004(
  dir: string,
  fileName = 'external-metadata-2004.zip',
): Promise<string> {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="lantern.metadata" ${NS_2004}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 3rd Edition</schemaversion>
    <adlcp:location>metadata/course%20metadata.xml</adlcp:location>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Psychological First Aid</title>
      <item identifier="pfa" identifierref="pfa_res"><title>Psychological First Aid</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="pfa_res" type="webcontent" adlcp:scormType="sco" href="index.html"><file href="index.html"/></resource>
  </resources>
</manifest>
`;
  const lom = `<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <title><string language="en">Psychological First Aid for Children</string></title>
    <description><string language="en">How to support children in distress after a crisis.</string></description>
  </general>
</lom>
`;
  return writeZip(join(dir, fileName), [
    { name: 'imsmanifest.xml', data: manifest },
    { name: 'metadata/course metadata.xml', data: lom },
    { name: 'index.html', data: scoPage({ title: 'Psychological First Aid', script: 'sco.js' }) },
    { name: 'sco.js', data: scoRuntimeScript('scorm2004') },
  ]);
}

/**
 * SCORM 2004 written with unusual prefixes (the CP namespace on `cp:`, ADL on `scorm:`),
 * `xml:base` on manifest, resources and resource, and item parameters.
 */
export function buildXmlBase2004(dir: string, fileName = 'xml-base-2004.zip'): Promise<string> {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<cp:manifest identifier="lantern.xmlbase" xml:base="content/"
    xmlns:cp="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:scorm="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:ss="http://www.imsglobal.org/xsd/imsss">
  <cp:metadata><cp:schema>ADL SCORM</cp:schema><cp:schemaversion>CAM 1.3</cp:schemaversion></cp:metadata>
  <cp:organizations>
    <cp:organization identifier="org">
      <cp:title>Referral Pathways</cp:title>
      <cp:item identifier="part_1" identifierref="res_1" parameters="?part=1"><cp:title>Part 1</cp:title></cp:item>
      <cp:item identifier="part_2" identifierref="res_2" parameters="part=2"><cp:title>Part 2</cp:title></cp:item>
    </cp:organization>
  </cp:organizations>
  <cp:resources xml:base="v2/">
    <cp:resource identifier="res_1" type="webcontent" scorm:SCORMTYPE="sco" xml:base="part1/" href="start.html?from=lms"><cp:file href="start.html"/></cp:resource>
    <cp:resource identifier="res_2" type="webcontent" scorm:scormType="sco" href="part%202/start.html"><cp:file href="part 2/start.html"/></cp:resource>
  </cp:resources>
</cp:manifest>
`;
  return writeZip(join(dir, fileName), [
    { name: 'imsmanifest.xml', data: manifest },
    {
      name: 'content/v2/part1/start.html',
      data: scoPage({ title: 'Part 1', script: '../../sco.js' }),
    },
    {
      name: 'content/v2/part 2/start.html',
      data: scoPage({ title: 'Part 2', script: '../../sco.js' }),
    },
    { name: 'content/sco.js', data: scoRuntimeScript('scorm2004') },
  ]);
}

/** A 1.2 manifest without `<organizations>` content: the importer makes one item per SCO. */
export function buildNoOrganization12(
  dir: string,
  fileName = 'no-organization-12.zip',
): Promise<string> {
  const manifest = `<?xml version="1.0"?>
<manifest identifier="bare" ${NS_12}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations/>
  <resources>
    <resource identifier="sco_a" type="webcontent" adlcp:scormtype="sco" href="a.html"><file href="a.html"/></resource>
    <resource identifier="sco_b" type="webcontent" adlcp:scormtype="sco" href="b.html"><file href="b.html"/></resource>
    <resource identifier="shared" type="webcontent" adlcp:scormtype="asset"><file href="sco.js"/></resource>
  </resources>
</manifest>
`;
  return writeZip(join(dir, fileName), [
    { name: 'imsmanifest.xml', data: manifest },
    { name: 'a.html', data: scoPage({ title: 'A', script: 'sco.js' }) },
    { name: 'b.html', data: scoPage({ title: 'B', script: 'sco.js' }) },
    { name: 'sco.js', data: scoRuntimeScript('scorm12') },
  ]);
}

/** Every well-formed fixture, by name, for tests that loop over them. */
export const GOOD_FIXTURES = {
  golf12: buildGolf12,
  golfInFolder: buildGolfInFolder,
  multiSco12: buildMultiSco12,
  mastery12: buildMastery12,
  rise2004: buildRise2004,
  fourthEdition2004: buildFourthEdition2004,
  externalMetadata2004: buildExternalMetadata2004,
  xmlBase2004: buildXmlBase2004,
  noOrganization12: buildNoOrganization12,
} satisfies Record<string, (dir: string) => Promise<string>>;
