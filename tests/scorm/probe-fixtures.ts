/**
 * "Probe" packages for browser tests of the runtime: each SCO page only finds the LMS API the
 * standard way and leaves it on `window.lms`; the test then makes the calls a real SCO makes, in
 * one synchronous burst (as content does right after Initialize), and reads the answers.
 */
import { join } from 'node:path';
import { writeZip } from './zip-builder.js';

const NS_12 = `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"`;
const NS_2004 = `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"`;

function probeScript(apiName: 'API' | 'API_1484_11'): string {
  return `(function () {
  // SCORM 1.2 looks from this window up; the 2004 algorithm starts at the parent.
  var win = ${apiName === 'API' ? 'window' : 'window.parent'};
  for (var depth = 0; win && depth < 10; depth++) {
    try { if (win.${apiName}) { window.lms = win.${apiName}; break; } } catch (e) {}
    if (win.parent === win) break;
    win = win.parent;
  }
  document.documentElement.setAttribute('data-api', window.lms ? 'found' : 'missing');
})();
`;
}

/**
 * Writes a probe package: a manifest around the organisation's items (every SCO launches the one
 * probe page), and that page with the probe script.
 */
function writeProbe(
  dir: string,
  name: string,
  version: '1.2' | '2004 4th Edition',
  organization: { title: string; body: string; attributes?: string },
): Promise<string> {
  const is12 = version === '1.2';
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="lantern.${name}" version="1" ${is12 ? NS_12 : NS_2004}>
  <metadata><schema>ADL SCORM</schema><schemaversion>${version}</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"${organization.attributes ?? ''}>
      <title>${organization.title}</title>
${organization.body}
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_probe" type="webcontent" adlcp:${is12 ? 'scormtype' : 'scormType'}="sco" href="probe.html">
      <file href="probe.html"/><file href="probe.js"/>
    </resource>
  </resources>
</manifest>
`;
  return writeZip(join(dir, `${name}.zip`), [
    { name: 'imsmanifest.xml', data: manifest },
    { name: 'probe.html', data: page(organization.title) },
    { name: 'probe.js', data: probeScript(is12 ? 'API' : 'API_1484_11') },
  ]);
}

const page = (title: string) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><script src="probe.js"></script></head>
<body><h1>${title}</h1></body></html>
`;

/**
 * SCORM 2004 4th edition, two SCOs with default delivery controls, in flow (so a SCO may ask for
 * "continue"): "Objectives" has a primary objective and a second one the content looks up by id,
 * "Closing" is a plain page.
 */
export function buildProbe2004(dir: string): Promise<string> {
  return writeProbe(dir, 'probe-2004', '2004 4th Edition', {
    title: 'Probe 2004',
    body: `      <item identifier="sco_objectives" identifierref="res_probe">
        <title>Objectives</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="obj_main"/>
            <imsss:objective objectiveID="obj_extra"/>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
      <item identifier="sco_closing" identifierref="res_probe" parameters="?page=closing">
        <title>Closing</title>
      </item>
      <imsss:sequencing><imsss:controlMode flow="true"/></imsss:sequencing>`,
  });
}

/** SCORM 1.2, one SCO without a mastery score: it ends "completed" if it only finishes. */
export function buildProbe12(dir: string): Promise<string> {
  return writeProbe(dir, 'probe-12', '1.2', {
    title: 'Probe 1.2',
    body: `      <item identifier="sco_finish" identifierref="res_probe"><title>Finish only</title></item>`,
  });
}

/**
 * SCORM 2004 4th edition under sequencing: two SCOs in forced order (flow, no choice), the course
 * complete when both are (the default rollup); the first hides the LMS's "suspend all" control.
 */
export function buildProbeSequenced2004(dir: string): Promise<string> {
  return writeProbe(dir, 'probe-sequenced', '2004 4th Edition', {
    title: 'Probe in order',
    body: `      <item identifier="sco_one" identifierref="res_probe"><title>First part</title>
        <adlnav:presentation><adlnav:navigationInterface>
          <adlnav:hideLMSUI>suspendAll</adlnav:hideLMSUI>
        </adlnav:navigationInterface></adlnav:presentation>
      </item>
      <item identifier="sco_two" identifierref="res_probe" parameters="?part=2"><title>Second part</title></item>
      <imsss:sequencing><imsss:controlMode choice="false" flow="true"/></imsss:sequencing>`,
  });
}

/** A lesson skipped (precondition) when the global objective g.mastery is satisfied. */
const lessonSkippedWhenMastered = (
  title: string,
) => `      <item identifier="sco_lesson" identifierref="res_probe" parameters="?part=lesson">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:sequencingRules><imsss:preConditionRule>
            <imsss:ruleConditions><imsss:ruleCondition referencedObjective="known" condition="satisfied"/></imsss:ruleConditions>
            <imsss:ruleAction action="skip"/>
          </imsss:preConditionRule></imsss:sequencingRules>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="lesson"/>
            <imsss:objective objectiveID="known"><imsss:mapInfo targetObjectiveID="g.mastery"/></imsss:objective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>`;

/**
 * SCORM 2004 4th edition, a pre-test pattern: the pre-test writes its result to a global
 * objective, the lesson is skipped when that objective is satisfied, the post-test follows and
 * reads the same global objective into one of its own.
 */
export function buildProbePretest2004(
  dir: string,
  options: { name?: string; globalToSystem?: boolean } = {},
): Promise<string> {
  return writeProbe(dir, options.name ?? 'probe-pretest', '2004 4th Edition', {
    title: 'Probe with a pre-test',
    attributes:
      options.globalToSystem === false ? ' adlseq:objectivesGlobalToSystem="false"' : undefined,
    body: `      <item identifier="sco_pre" identifierref="res_probe" parameters="?part=pre">
        <title>Pre-test</title>
        <imsss:sequencing><imsss:objectives>
          <imsss:primaryObjective objectiveID="pre">
            <imsss:mapInfo targetObjectiveID="g.mastery" writeSatisfiedStatus="true"/>
          </imsss:primaryObjective>
        </imsss:objectives></imsss:sequencing>
      </item>
${lessonSkippedWhenMastered('Lesson')}
      <item identifier="sco_post" identifierref="res_probe" parameters="?part=post">
        <title>Post-test</title>
        <imsss:sequencing><imsss:objectives>
          <imsss:primaryObjective objectiveID="post"/>
          <imsss:objective objectiveID="from_pretest"><imsss:mapInfo targetObjectiveID="g.mastery"/></imsss:objective>
        </imsss:objectives></imsss:sequencing>
      </item>
      <imsss:sequencing><imsss:controlMode choice="false" flow="true"/></imsss:sequencing>`,
  });
}

/**
 * SCORM 2004 4th edition, remediation: a quiz retried until its objective is satisfied
 * (post-condition retry), at most two attempts, then the closing activity.
 */
export function buildProbeRetry2004(dir: string): Promise<string> {
  return writeProbe(dir, 'probe-retry', '2004 4th Edition', {
    title: 'Probe with a retry',
    body: `      <item identifier="sco_quiz" identifierref="res_probe" parameters="?part=quiz">
        <title>Quiz</title>
        <imsss:sequencing>
          <imsss:sequencingRules><imsss:postConditionRule>
            <imsss:ruleConditions><imsss:ruleCondition operator="not" condition="satisfied"/></imsss:ruleConditions>
            <imsss:ruleAction action="retry"/>
          </imsss:postConditionRule></imsss:sequencingRules>
          <imsss:limitConditions attemptLimit="2"/>
        </imsss:sequencing>
      </item>
      <item identifier="sco_end" identifierref="res_probe" parameters="?part=end"><title>Closing</title></item>
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>`,
  });
}

/**
 * SCORM 2004 4th edition, a second course reading the pre-test's global objective (global to
 * the system, the default): its lesson is skipped for a learner who already mastered it.
 */
export function buildProbeGlobal2004(dir: string): Promise<string> {
  return writeProbe(dir, 'probe-global', '2004 4th Edition', {
    title: 'Probe sharing an objective',
    body: `${lessonSkippedWhenMastered('Same lesson')}
      <item identifier="sco_wrap" identifierref="res_probe" parameters="?part=wrap"><title>Wrap-up</title></item>
      <imsss:sequencing><imsss:controlMode choice="false" flow="true"/></imsss:sequencing>`,
  });
}

/**
 * SCORM 2004 4th edition, random selection: one of two tests is chosen for each new attempt
 * (randomizationControls selectCount=1); the course is complete when the chosen one is.
 */
export function buildProbeRandom2004(dir: string): Promise<string> {
  return writeProbe(dir, 'probe-random', '2004 4th Edition', {
    title: 'Probe with a random test',
    body: `      <item identifier="tests">
        <title>Tests</title>
        <item identifier="sco_a" identifierref="res_probe" parameters="?part=a"><title>Test A</title></item>
        <item identifier="sco_b" identifierref="res_probe" parameters="?part=b"><title>Test B</title></item>
        <imsss:sequencing>
          <imsss:controlMode choice="false" flow="true"/>
          <imsss:randomizationControls selectCount="1" selectionTiming="onEachNewAttempt"/>
        </imsss:sequencing>
      </item>
      <imsss:sequencing><imsss:controlMode choice="false" flow="true"/></imsss:sequencing>`,
  });
}

/**
 * SCORM 2004 4th edition, a timed activity: an exercise whose attempt may last at most six
 * seconds (attemptAbsoluteDurationLimit), then a closing activity; the learner may choose freely.
 */
export function buildProbeTimed2004(dir: string): Promise<string> {
  return writeProbe(dir, 'probe-timed', '2004 4th Edition', {
    title: 'Probe with a time limit',
    body: `      <item identifier="sco_timed" identifierref="res_probe" parameters="?part=timed">
        <title>Timed exercise</title>
        <imsss:sequencing><imsss:limitConditions attemptAbsoluteDurationLimit="PT6S"/></imsss:sequencing>
      </item>
      <item identifier="sco_close" identifierref="res_probe" parameters="?part=close"><title>Closing</title></item>
      <imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>`,
  });
}
