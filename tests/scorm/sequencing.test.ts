/**
 * The SCORM 2004 sequencing import: manifest sequencing → scorm-again activity tree. The unit
 * tests read manifest strings; the engine tests hand the converted tree to scorm-again's real
 * Scorm2004API and drive a learner through it.
 */
import type { Element } from '@xmldom/xmldom';
import { Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import type { PackageNotice } from '../../src/scorm/package/errors.js';
import {
  readSequencingTree,
  type ActivitySettings,
  type SequencingImport,
} from '../../src/scorm/package/sequencing.js';
import {
  attribute,
  childElement,
  childElements,
  CP,
  IMSSS,
  parseXml,
} from '../../src/scorm/package/xml.js';

const NAMESPACES = [
  'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
  'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
  'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
  'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
  'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
].join(' ');

/** A 4th edition manifest around an organisation body (items and the root's sequencing). */
function manifest(body: string, options: { orgAttributes?: string; collection?: string } = {}) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" ${NAMESPACES}>
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org" ${options.orgAttributes ?? ''}><title>Course</title>${body}</organization>
  </organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="a.html"/></resources>
  ${options.collection ? `<imsss:sequencingCollection>${options.collection}</imsss:sequencingCollection>` : ''}
</manifest>`;
}

const sco = (id: string, inner = '', attributes = '') =>
  `<item identifier="${id}" identifierref="r" ${attributes}><title>${id} title</title>${inner}</item>`;

function convert(
  xml: string,
  notices: PackageNotice[] = [],
): SequencingImport & { notices: PackageNotice[] } {
  const parsed = parseXml(xml, 'imsmanifest.xml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  const root = parsed.doc.documentElement!;
  const organization = childElement(childElement(root, CP, 'organizations')!, CP, 'organization')!;
  const collection = new Map<string, Element>();
  const container = childElement(root, IMSSS, 'sequencingCollection');
  for (const sequencing of container ? childElements(container, IMSSS, 'sequencing') : [])
    collection.set(attribute(sequencing, null, 'ID')!, sequencing);
  return {
    ...readSequencingTree(organization, { collection, notices, file: 'imsmanifest.xml' }),
    notices,
  };
}

const child = (tree: ActivitySettings, id: string): ActivitySettings => {
  const found = tree.children?.find((activity) => activity.id === id);
  if (!found) throw new Error(`no activity ${id}`);
  return found;
};

describe('sequencing import: defaults and tree', () => {
  it('builds a tree with the IMS SS defaults when the manifest has no sequencing', () => {
    const result = convert(
      manifest(
        `<item identifier="module"><title>Module</title>${sco('a')}${sco('b')}</item>${sco('c')}`,
      ),
    );
    expect(result.features).toEqual([]);
    expect(result.unsupported).toEqual([]);
    expect(result.notices).toEqual([]);
    expect(result.objectivesGlobalToSystem).toBe(true);
    const tree = result.activityTree;
    expect(tree.id).toBe('org');
    expect(tree.title).toBe('Course');
    expect(tree.children?.map((activity) => activity.id)).toEqual(['module', 'c']);
    expect(child(tree, 'module').children?.map((activity) => activity.title)).toEqual([
      'a title',
      'b title',
    ]);
    expect(child(tree, 'c').children).toBeUndefined();
    expect(tree.sequencingControls).toEqual({
      choice: true,
      choiceExit: true,
      flow: false,
      forwardOnly: false,
      useCurrentAttemptObjectiveInfo: true,
      useCurrentAttemptProgressInfo: true,
      rollupObjectiveSatisfied: true,
      rollupProgressCompletion: true,
      objectiveMeasureWeight: 1,
      preventActivation: false,
      constrainChoice: false,
      selectionTiming: 'never',
      selectCount: null,
      randomizationTiming: 'never',
      randomizeChildren: false,
    });
    expect(tree.deliveryControls).toEqual({
      tracked: true,
      completionSetByContent: false,
      objectiveSetByContent: false,
    });
    expect(tree.rollupConsiderations).toEqual({
      requiredForSatisfied: 'always',
      requiredForNotSatisfied: 'always',
      requiredForCompleted: 'always',
      requiredForIncomplete: 'always',
      measureSatisfactionIfActive: true,
    });
    expect(child(tree, 'c').isVisible).toBe(true);
    expect(tree.isVisible).toBeUndefined();
  });

  it('reads control modes, delivery controls, choice and rollup considerations, randomisation', () => {
    const result = convert(
      manifest(
        `<imsss:sequencing>
          <imsss:controlMode choice="false" flow="true" forwardOnly="true" useCurrentAttemptObjectiveInfo="false"/>
          <imsss:randomizationControls selectCount="1" selectionTiming="onEachNewAttempt" reorderChildren="true" randomizationTiming="once"/>
          <imsss:rollupRules rollupProgressCompletion="false" objectiveMeasureWeight="0.5"/>
          <adlseq:constrainedChoiceConsiderations preventActivation="true" constrainChoice="true"/>
          <adlseq:rollupConsiderations requiredForSatisfied="ifNotSkipped" measureSatisfactionIfActive="false"/>
        </imsss:sequencing>
        ${sco('a', '<imsss:sequencing><imsss:deliveryControls tracked="false" completionSetByContent="true"/></imsss:sequencing>')}`,
      ),
    );
    const controls = result.activityTree.sequencingControls;
    expect(controls).toMatchObject({
      choice: false,
      choiceExit: true,
      flow: true,
      forwardOnly: true,
      useCurrentAttemptObjectiveInfo: false,
      rollupObjectiveSatisfied: true,
      rollupProgressCompletion: false,
      objectiveMeasureWeight: 0.5,
      preventActivation: true,
      constrainChoice: true,
      selectionTiming: 'onEachNewAttempt',
      selectCount: 1,
      randomizationTiming: 'once',
      randomizeChildren: true,
    });
    expect(result.activityTree.rollupConsiderations).toMatchObject({
      requiredForSatisfied: 'ifNotSkipped',
      requiredForCompleted: 'always',
      measureSatisfactionIfActive: false,
    });
    expect(child(result.activityTree, 'a').deliveryControls).toEqual({
      tracked: false,
      completionSetByContent: true,
      objectiveSetByContent: false,
    });
    expect(result.features).toEqual(
      expect.arrayContaining([
        'controlMode.flow',
        'controlMode.choice',
        'randomizationControls.reorderChildren',
        'rollupRules.objectiveMeasureWeight',
        'constrainedChoiceConsiderations.constrainChoice',
        'rollupConsiderations.requiredForSatisfied',
        'deliveryControls.tracked',
      ]),
    );
    expect(result.features).not.toContain('controlMode.choiceExit');
    expect(result.notices).toEqual([]);
  });
});

describe('sequencing import: rules', () => {
  it('converts pre-, exit- and post-condition rules with their conditions', () => {
    const rules = `<imsss:sequencing><imsss:sequencingRules>
      <imsss:preConditionRule>
        <imsss:ruleConditions conditionCombination="any">
          <imsss:ruleCondition referencedObjective="pre" operator="not" condition="satisfied"/>
          <imsss:ruleCondition condition="objectiveMeasureGreaterThan" measureThreshold="0.6"/>
        </imsss:ruleConditions>
        <imsss:ruleAction action="disabled"/>
      </imsss:preConditionRule>
      <imsss:exitConditionRule>
        <imsss:ruleConditions><imsss:ruleCondition condition="completed"/></imsss:ruleConditions>
        <imsss:ruleAction action="exit"/>
      </imsss:exitConditionRule>
      <imsss:postConditionRule>
        <imsss:ruleConditions><imsss:ruleCondition condition="attemptLimitExceeded"/></imsss:ruleConditions>
        <imsss:ruleAction action="retry"/>
      </imsss:postConditionRule>
    </imsss:sequencingRules></imsss:sequencing>`;
    const result = convert(manifest(sco('a', rules)));
    expect(child(result.activityTree, 'a').sequencingRules).toEqual({
      preConditionRules: [
        {
          action: 'disabled',
          conditionCombination: 'any',
          conditions: [
            { condition: 'satisfied', operator: 'not', referencedObjective: 'pre' },
            { condition: 'objectiveMeasureGreaterThan', parameters: { threshold: 0.6 } },
          ],
        },
      ],
      exitConditionRules: [
        { action: 'exit', conditionCombination: 'all', conditions: [{ condition: 'completed' }] },
      ],
      postConditionRules: [
        {
          action: 'retry',
          conditionCombination: 'all',
          conditions: [{ condition: 'attemptLimitExceeded' }],
        },
      ],
    });
    expect(result.features).toEqual(
      expect.arrayContaining(['preConditionRule', 'exitConditionRule', 'postConditionRule']),
    );
  });

  it('converts rollup rules: percent as a percentage, activityProgressKnown renamed', () => {
    const rollup = `<imsss:sequencing><imsss:rollupRules>
      <imsss:rollupRule childActivitySet="atLeastPercent" minimumPercent="0.6">
        <imsss:rollupConditions conditionCombination="all">
          <imsss:rollupCondition condition="activityProgressKnown"/>
          <imsss:rollupCondition operator="not" condition="attempted"/>
        </imsss:rollupConditions>
        <imsss:rollupAction action="incomplete"/>
      </imsss:rollupRule>
      <imsss:rollupRule childActivitySet="atLeastCount" minimumCount="2">
        <imsss:rollupConditions><imsss:rollupCondition condition="satisfied"/></imsss:rollupConditions>
        <imsss:rollupAction action="satisfied"/>
      </imsss:rollupRule>
      <imsss:rollupRule>
        <imsss:rollupConditions><imsss:rollupCondition condition="timeLimitExceeded"/></imsss:rollupConditions>
        <imsss:rollupAction action="notSatisfied"/>
      </imsss:rollupRule>
    </imsss:rollupRules></imsss:sequencing>`;
    const result = convert(manifest(`${rollup}${sco('a')}${sco('b')}`));
    expect(result.activityTree.rollupRules).toEqual({
      rules: [
        {
          action: 'incomplete',
          consideration: 'atLeastPercent',
          minimumCount: 0,
          minimumPercent: 60,
          conditionCombination: 'all',
          conditions: [
            { condition: 'progressKnown', operator: 'noOp' },
            { condition: 'attempted', operator: 'not' },
          ],
        },
        {
          action: 'satisfied',
          consideration: 'atLeastCount',
          minimumCount: 2,
          minimumPercent: 0,
          conditionCombination: 'any',
          conditions: [{ condition: 'satisfied', operator: 'noOp' }],
        },
      ],
    });
    expect(result.unsupported).toEqual([
      { item: 'org', feature: 'rollupCondition.timeLimitExceeded' },
    ]);
    expect(result.features).toContain('rollupRule');
  });

  it('drops a rule it cannot read, notices why, and keeps going', () => {
    const rules = `<imsss:sequencing>
      <imsss:controlMode flow="yes"/>
      <imsss:sequencingRules>
        <imsss:preConditionRule>
          <imsss:ruleConditions><imsss:ruleCondition condition="always"/></imsss:ruleConditions>
          <imsss:ruleAction action="explode"/>
        </imsss:preConditionRule>
        <imsss:preConditionRule>
          <imsss:ruleConditions><imsss:ruleCondition condition="always" measureThreshold="2"/></imsss:ruleConditions>
          <imsss:ruleAction action="Skip"/>
        </imsss:preConditionRule>
      </imsss:sequencingRules>
      <imsss:limitConditions attemptLimit="-1"/>
    </imsss:sequencing>`;
    const result = convert(manifest(sco('a', rules)));
    const a = child(result.activityTree, 'a');
    expect(a.sequencingControls.flow).toBe(false);
    expect(a.sequencingRules).toEqual({
      preConditionRules: [
        { action: 'skip', conditionCombination: 'all', conditions: [{ condition: 'always' }] },
      ],
    });
    expect(a.attemptLimit).toBeUndefined();
    expect(result.notices.map((notice) => [notice.code, notice.params])).toEqual([
      ['sequencing_value_invalid', { item: 'a', field: 'flow', value: 'yes', used: 'false' }],
      ['sequencing_value_invalid', { item: 'a', field: 'attemptLimit', value: '-1', used: '0' }],
      ['sequencing_element_ignored', { item: 'a', field: 'ruleAction@action', value: 'explode' }],
      ['sequencing_value_invalid', { item: 'a', field: 'measureThreshold', value: '2', used: '0' }],
    ]);
    expect(result.notices[0]).toMatchObject({
      element: 'item[identifier=a]',
      file: 'imsmanifest.xml',
    });
    expect(result.notices[0]!.line).toBeGreaterThan(1);
  });
});

describe('sequencing import: objectives, limits, collection, item data', () => {
  it('writes every map flag, merging adlseq maps into the same global objective', () => {
    const objectives = `<imsss:sequencing>
      <imsss:objectives>
        <imsss:primaryObjective objectiveID="main" satisfiedByMeasure="true">
          <imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>
          <imsss:mapInfo targetObjectiveID="g.main" writeSatisfiedStatus="true" readNormalizedMeasure="false"/>
        </imsss:primaryObjective>
        <imsss:objective objectiveID="other"><imsss:minNormalizedMeasure>0.3</imsss:minNormalizedMeasure></imsss:objective>
        <imsss:objective><imsss:mapInfo targetObjectiveID="lost"/></imsss:objective>
      </imsss:objectives>
      <adlseq:objectives>
        <adlseq:objective objectiveID="main">
          <adlseq:mapInfo targetObjectiveID="g.main" writeRawScore="true" readCompletionStatus="false"/>
        </adlseq:objective>
        <adlseq:objective objectiveID="other"><adlseq:mapInfo targetObjectiveID="g.other"/></adlseq:objective>
        <adlseq:objective objectiveID="nowhere"><adlseq:mapInfo targetObjectiveID="g.x"/></adlseq:objective>
      </adlseq:objectives>
    </imsss:sequencing>`;
    const result = convert(manifest(sco('a', objectives)));
    const a = child(result.activityTree, 'a');
    expect(a.primaryObjective).toEqual({
      objectiveID: 'main',
      isPrimary: true,
      satisfiedByMeasure: true,
      minNormalizedMeasure: 0.8,
      mapInfo: [
        {
          targetObjectiveID: 'g.main',
          readSatisfiedStatus: true,
          readNormalizedMeasure: false,
          writeSatisfiedStatus: true,
          writeNormalizedMeasure: false,
          readRawScore: true,
          readMinScore: true,
          readMaxScore: true,
          readCompletionStatus: false,
          readProgressMeasure: true,
          writeRawScore: true,
          writeMinScore: false,
          writeMaxScore: false,
          writeCompletionStatus: false,
          writeProgressMeasure: false,
        },
      ],
    });
    // Not satisfied by measure: its minimum is meaningless and must not set a passing score.
    expect(a.objectives).toEqual([
      {
        objectiveID: 'other',
        isPrimary: false,
        satisfiedByMeasure: false,
        mapInfo: [
          expect.objectContaining({
            targetObjectiveID: 'g.other',
            readSatisfiedStatus: false,
            readNormalizedMeasure: false,
            readRawScore: true,
            readProgressMeasure: true,
            writeProgressMeasure: false,
          }),
        ],
      },
    ]);
    expect(result.notices.map((notice) => notice.params)).toEqual([
      { item: 'a', field: 'objective@objectiveID', value: '' },
      { item: 'a', field: 'adlseq:objective@objectiveID', value: 'nowhere' },
    ]);
    expect(result.features).toEqual(
      expect.arrayContaining([
        'objectives',
        'objectiveMap',
        'adlseqObjectives',
        'satisfiedByMeasure',
      ]),
    );
  });

  it('gives an id-less primary objective satisfied by measure an id the engine keeps', () => {
    const objectives = `<imsss:sequencing><imsss:objectives>
      <imsss:primaryObjective satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.5</imsss:minNormalizedMeasure></imsss:primaryObjective>
    </imsss:objectives></imsss:sequencing>`;
    const { activityTree } = convert(
      manifest(sco('a', objectives) + sco('b', objectives.replace('true', 'false'))),
    );
    expect(child(activityTree, 'a').primaryObjective).toMatchObject({
      objectiveID: 'a.primary',
      minNormalizedMeasure: 0.5,
    });
    expect(child(activityTree, 'b').primaryObjective).toBeUndefined();
  });

  it('converts the attempt limit and the attempt duration limit, and reports the other limits', () => {
    const limits = `<imsss:sequencing><imsss:limitConditions attemptLimit="3" attemptAbsoluteDurationLimit="PT1H" activityExperiencedDurationLimit="PT2H"/></imsss:sequencing>`;
    const result = convert(manifest(sco('a', limits)));
    const a = child(result.activityTree, 'a');
    expect(a.attemptLimit).toBe(3);
    expect(a.attemptAbsoluteDurationLimit).toBe('PT1H');
    expect(result.unsupported).toEqual([
      { item: 'a', feature: 'limitConditions.activityExperiencedDurationLimit' },
    ]);
    expect(result.features).toEqual(
      expect.arrayContaining([
        'limitConditions.attemptLimit',
        'limitConditions.attemptAbsoluteDurationLimit',
      ]),
    );
  });

  it('refuses a duration limit that is not a time interval, naming it', () => {
    const limits = `<imsss:sequencing><imsss:limitConditions attemptAbsoluteDurationLimit="45 minutes"/></imsss:sequencing>`;
    const result = convert(manifest(sco('a', limits)));
    expect(child(result.activityTree, 'a')).not.toHaveProperty('attemptAbsoluteDurationLimit');
    expect(result.notices.map((notice) => [notice.code, notice.params])).toEqual([
      [
        'sequencing_value_invalid',
        { item: 'a', field: 'attemptAbsoluteDurationLimit', value: '45 minutes', used: 'none' },
      ],
    ]);
  });

  it('takes what an item does not state from the collection entry it names', () => {
    const collection = `<imsss:sequencing ID="shared">
      <imsss:controlMode flow="true" choice="false"/>
      <imsss:deliveryControls tracked="false"/>
    </imsss:sequencing>`;
    const own = `<imsss:sequencing IDRef="shared"><imsss:controlMode flow="true"/></imsss:sequencing>`;
    const notices: PackageNotice[] = [
      // item-data.ts reports the same missing reference while reading the SCO.
      {
        code: 'sequencing_reference_missing',
        file: 'imsmanifest.xml',
        element: 'item[identifier=c]',
        params: { item: 'c', idref: 'gone' },
      },
    ];
    const result = convert(
      manifest(
        sco('a', '<imsss:sequencing IDRef="shared"/>') +
          sco('b', own) +
          sco('c', '<imsss:sequencing IDRef="gone"/>'),
        { collection },
      ),
      notices,
    );
    const [a, b, c] = ['a', 'b', 'c'].map((id) => child(result.activityTree, id));
    expect(a!.sequencingControls).toMatchObject({ flow: true, choice: false });
    expect(a!.deliveryControls.tracked).toBe(false);
    // Its own controlMode replaces the collection's whole element: choice is back to default.
    expect(b!.sequencingControls).toMatchObject({ flow: true, choice: true });
    expect(b!.deliveryControls.tracked).toBe(false);
    expect(c!.sequencingControls.flow).toBe(false);
    expect(result.notices).toHaveLength(1);
    expect(result.features).toContain('sequencingCollection');
  });

  it('reads completion thresholds, hidden LMS UI, visibility, shared data, global objectives', () => {
    const result = convert(
      manifest(
        sco(
          'a',
          `<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.75" progressWeight="0.5"/>
           <adlnav:presentation><adlnav:navigationInterface>
             <adlnav:hideLMSUI>continue</adlnav:hideLMSUI><adlnav:hideLMSUI>suspendAll</adlnav:hideLMSUI>
             <adlnav:hideLMSUI>everything</adlnav:hideLMSUI>
           </adlnav:navigationInterface></adlnav:presentation>
           <adlcp:data><adlcp:map targetID="notes" writeSharedData="true"/></adlcp:data>`,
          'isvisible="false"',
        ) + sco('b', '<adlcp:completionThreshold>0.6</adlcp:completionThreshold>'),
        {
          orgAttributes:
            'adlseq:objectivesGlobalToSystem="false" adlcp:sharedDataGlobalToSystem="false"',
        },
      ),
    );
    const [a, b] = ['a', 'b'].map((id) => child(result.activityTree, id));
    expect(a!.isVisible).toBe(false);
    expect(a!.completionThreshold).toEqual({
      completedByMeasure: true,
      minProgressMeasure: 0.75,
      progressWeight: 0.5,
    });
    expect(a!.hideLmsUi).toEqual(['continue', 'suspendAll']);
    expect(a!.sharedDataMaps).toEqual([
      { targetID: 'notes', readSharedData: true, writeSharedData: true },
    ]);
    expect(b!.completionThreshold).toEqual({
      completedByMeasure: true,
      minProgressMeasure: 0.6,
      progressWeight: 1,
    });
    expect(result.objectivesGlobalToSystem).toBe(false);
    expect(result.features).toEqual(
      expect.arrayContaining([
        'completionThreshold',
        'hideLMSUI',
        'isvisible',
        'sharedData',
        'organization.objectivesGlobalToSystem',
        'organization.sharedDataGlobalToSystem',
      ]),
    );
    expect(result.notices.map((notice) => notice.params)).toEqual([
      { item: 'a', field: 'hideLMSUI', value: 'everything' },
    ]);
  });
});

/** The part of scorm-again's Scorm2004API these tests use (its types resolve to `any` here). */
interface Engine {
  processNavigationRequest(request: string, target?: string): boolean;
  Initialize(parameter: ''): string;
  SetValue(element: string, value: string): string;
  Terminate(parameter: ''): string;
}
const EngineApi = Scorm2004API as unknown as new (settings: object) => Engine;

/** A run-time on the converted tree that records each delivered activity. */
function engineFor(xml: string): { api: Engine; delivered: string[] } {
  const { activityTree, notices, unsupported } = convert(xml);
  expect(notices).toEqual([]);
  expect(unsupported).toEqual([]);
  const delivered: string[] = [];
  const api = new EngineApi({
    autocommit: false,
    logLevel: 5,
    sequencing: {
      activityTree,
      eventListeners: {
        onActivityDelivery: (activity: { id: string }) => delivered.push(activity.id),
      },
    },
  });
  return { api, delivered };
}

/** One SCO session: it reports its outcome and asks the LMS to continue. */
function finish(api: Engine, status: Record<string, string>): void {
  expect(api.Initialize('')).toBe('true');
  for (const [element, value] of Object.entries(status)) api.SetValue(element, value);
  api.SetValue('adl.nav.request', 'continue');
  expect(api.Terminate('')).toBe('true');
}

const forced = `<imsss:sequencing><imsss:controlMode choice="false" flow="true"/></imsss:sequencing>`;

describe('sequencing import: the converted tree in scorm-again', () => {
  it('delivers forced-sequential SCOs one after the other on continue', () => {
    const { api, delivered } = engineFor(manifest(`${sco('one')}${sco('two')}${forced}`));
    expect(api.processNavigationRequest('start')).toBe(true);
    expect(delivered).toEqual(['one']);
    finish(api, { 'cmi.completion_status': 'completed' });
    expect(delivered).toEqual(['one', 'two']);
  });

  it('without flow in the manifest (IMS SS default), continue delivers nothing', () => {
    const { api, delivered } = engineFor(manifest(`${sco('one')}${sco('two')}`));
    api.processNavigationRequest('choice', 'one');
    expect(delivered).toEqual(['one']);
    finish(api, {});
    expect(delivered).toEqual(['one']);
  });

  it('accepts a tree using every converted feature', () => {
    const everything = `<imsss:sequencing>
      <imsss:limitConditions attemptLimit="2"/>
      <imsss:rollupRules objectiveMeasureWeight="0.5"><imsss:rollupRule childActivitySet="atLeastPercent" minimumPercent="0.5">
        <imsss:rollupConditions><imsss:rollupCondition condition="activityProgressKnown"/></imsss:rollupConditions>
        <imsss:rollupAction action="completed"/>
      </imsss:rollupRule></imsss:rollupRules>
      <imsss:objectives><imsss:primaryObjective satisfiedByMeasure="true">
        <imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>
      </imsss:primaryObjective></imsss:objectives>
      <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
      <adlseq:constrainedChoiceConsiderations preventActivation="true"/>
      <adlseq:rollupConsiderations requiredForCompleted="ifAttempted"/>
    </imsss:sequencing>`;
    const presentation = `<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>
      <adlnav:presentation><adlnav:navigationInterface><adlnav:hideLMSUI>previous</adlnav:hideLMSUI></adlnav:navigationInterface></adlnav:presentation>
      <adlcp:data><adlcp:map targetID="shared.notes"/></adlcp:data>`;
    const objectives = `<imsss:sequencing><imsss:objectives>
        <imsss:primaryObjective objectiveID="p"><imsss:mapInfo targetObjectiveID="g.p" writeSatisfiedStatus="true"/></imsss:primaryObjective>
      </imsss:objectives>
      <adlseq:objectives><adlseq:objective objectiveID="p">
        <adlseq:mapInfo targetObjectiveID="g.p" writeCompletionStatus="true" writeRawScore="true"/>
      </adlseq:objective></adlseq:objectives></imsss:sequencing>`;
    const { api, delivered } = engineFor(
      manifest(`${sco('one', presentation + everything)}${sco('two', objectives)}${forced}`),
    );
    expect(api.processNavigationRequest('start')).toBe(true);
    finish(api, { 'cmi.completion_status': 'completed', 'cmi.score.scaled': '0.9' });
    expect(delivered).toEqual(['one', 'two']);
  });

  // Why attemptAbsoluteDurationLimit is left out of the tree. When this fails, scorm-again
  // reads attempt durations right again and sequencing.ts can pass the limit on.
  it('(scorm-again 3.4.3) never delivers an activity that has an attemptAbsoluteDurationLimit', () => {
    const start = (limit: object) => {
      const api = new EngineApi({
        logLevel: 5,
        sequencing: {
          activityTree: {
            id: 'org',
            title: 'Course',
            sequencingControls: { flow: true },
            children: [{ id: 'one', title: 'One', ...limit }],
          },
        },
      });
      return api.processNavigationRequest('start');
    };
    expect(start({})).toBe(true);
    expect(start({ attemptAbsoluteDurationLimit: 'PT1H' })).toBe(false);
  });

  const skipWhenMastered = (outcome: string) => {
    const writes = `<imsss:sequencing><imsss:objectives>
      <imsss:primaryObjective objectiveID="p1"><imsss:mapInfo targetObjectiveID="g.pretest" writeSatisfiedStatus="true"/></imsss:primaryObjective>
    </imsss:objectives></imsss:sequencing>`;
    const skips = `<imsss:sequencing>
      <imsss:sequencingRules><imsss:preConditionRule>
        <imsss:ruleConditions><imsss:ruleCondition referencedObjective="mastered" condition="satisfied"/></imsss:ruleConditions>
        <imsss:ruleAction action="skip"/>
      </imsss:preConditionRule></imsss:sequencingRules>
      <imsss:objectives>
        <imsss:primaryObjective objectiveID="p2"/>
        <imsss:objective objectiveID="mastered"><imsss:mapInfo targetObjectiveID="g.pretest"/></imsss:objective>
      </imsss:objectives>
    </imsss:sequencing>`;
    const { api, delivered } = engineFor(
      manifest(`${sco('pretest', writes)}${sco('lesson', skips)}${sco('exam')}${forced}`),
    );
    api.processNavigationRequest('start');
    finish(api, { 'cmi.completion_status': 'completed', 'cmi.success_status': outcome });
    return delivered;
  };

  it('skips the lesson when the pretest, through a global objective, says it is mastered', () => {
    expect(skipWhenMastered('passed')).toEqual(['pretest', 'exam']);
    expect(skipWhenMastered('failed')).toEqual(['pretest', 'lesson']);
  });
});
