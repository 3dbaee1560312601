/**
 * The vocabularies and defaults of SCORM 2004 sequencing as the manifest states them (IMS SS
 * with the ADL extensions, CAM 4th edition), and how each attribute is parsed: what
 * sequencing.ts reads an activity with.
 */
import { NS, type NsSet } from './xml.js';

export const ADLSEQ: NsSet = new Set([NS.adlseq]);
export const ADLNAV: NsSet = new Set([NS.adlnav]);
/** The organisation's flags are adlseq: (objectives) and adlcp: (shared data; some 2nd ed.). */
export const GLOBAL_NS: NsSet = new Set([NS.adlseq, NS.adlcp2004]);

export type Parse<T> = (raw: string) => T | undefined;
export const bool: Parse<boolean> = (raw) =>
  raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : undefined;
export const count: Parse<number> = (raw) => (/^\+?\d+$/.test(raw) ? Number(raw) : undefined);
export const decimalIn =
  (min: number, max: number): Parse<number> =>
  (raw) => {
    const value = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(raw) ? Number(raw) : Number.NaN;
    return value >= min && value <= max ? value : undefined;
  };
/** A SCORM 2004 time interval (ISO 8601 duration: P1DT2H, PT45M, PT1.5S), kept as written. */
export const timeInterval: Parse<string> = (raw) =>
  /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/.test(raw)
    ? raw
    : undefined;
/** Vocabulary tokens, forgiving case (some tools write `Satisfied`). */
export const token =
  <T extends string>(allowed: readonly T[]): Parse<T> =>
  (raw) =>
    allowed.find((word) => word.toLowerCase() === raw.toLowerCase());

export type Words<S extends string> = S extends `${infer Head} ${infer Rest}`
  ? Head | Words<Rest>
  : S;
/** A vocabulary written as space-separated words (one line each), typed word by word. */
export function words<const S extends string[]>(...lines: S): Array<Words<S[number]>> {
  return lines.join(' ').split(' ') as Array<Words<S[number]>>;
}

export const TIMINGS = words('never once onEachNewAttempt');
export const ALL_OR_ANY = words('all any');
export const HIDE_LMS_UI = words('continue previous exit exitAll abandon abandonAll suspendAll');
export const RULE_CONDITIONS = words(
  'satisfied objectiveStatusKnown objectiveMeasureKnown objectiveMeasureGreaterThan',
  'objectiveMeasureLessThan completed activityProgressKnown attempted attemptLimitExceeded',
  'timeLimitExceeded outsideAvailableTimeRange always',
);
export const RULE_ACTIONS = {
  preConditionRule: words('skip disabled hiddenFromChoice stopForwardTraversal'),
  exitConditionRule: words('exit'),
  postConditionRule: words('exitParent exitAll retry retryAll continue previous'),
};
export const ROLLUP_CONDITIONS = words(
  'satisfied objectiveStatusKnown objectiveMeasureKnown completed activityProgressKnown',
  'attempted attemptLimitExceeded timeLimitExceeded outsideAvailableTimeRange',
);
export const ROLLUP_ACTIONS = words('satisfied notSatisfied completed incomplete');
/** scorm-again's rollup evaluates neither (it takes them as false), so such rules are left out. */
export const UNEVALUATED_ROLLUP: string[] = words('timeLimitExceeded outsideAvailableTimeRange');
/** Elements whose stated attributes are reported as features, `element.attribute`. */
export const ATTRIBUTE_FEATURES: string[] = words(
  'controlMode rollupRules constrainedChoiceConsiderations randomizationControls',
  'deliveryControls rollupConsiderations limitConditions organization',
);

// Per element, attribute → [parser, default]: the IMS SS / ADL defaults of CAM 4th ed.
export type Field<T, D = T> = readonly [Parse<T>, D];
export type Spec = Record<string, Field<unknown, unknown>>;
export type Values<S extends Spec> = {
  -readonly [K in keyof S]: S[K] extends Field<infer T, infer D> ? T | D : never;
};
export const on: Field<boolean> = [bool, true];
export const off: Field<boolean> = [bool, false];
export const fraction = (fallback: number): Field<number> => [decimalIn(0, 1), fallback];
export const oneOf = <T extends string>(list: T[], fallback: T): Field<T> => [
  token(list),
  fallback,
];
/** Objective map flags: read by default, never written. */
export function mapFlags<const S extends string[]>(...lines: S) {
  const entries = words(...lines).map((name) => [name, name.startsWith('read') ? on : off]);
  return Object.fromEntries(entries) as Record<Words<S[number]>, Field<boolean>>;
}

export const CONTROL_MODE = { choice: on, choiceExit: on, flow: off, forwardOnly: off };
export const ATTEMPT_INFO = {
  useCurrentAttemptObjectiveInfo: on,
  useCurrentAttemptProgressInfo: on,
};
export const ROLLUP_CONTROLS = {
  rollupObjectiveSatisfied: on,
  rollupProgressCompletion: on,
  objectiveMeasureWeight: fraction(1),
};
export const CHOICE_CONSIDERATIONS = { preventActivation: off, constrainChoice: off };
export const DELIVERY_CONTROLS = {
  tracked: on,
  completionSetByContent: off,
  objectiveSetByContent: off,
};
export const RANDOMIZATION = {
  selectionTiming: oneOf(TIMINGS, 'never'),
  selectCount: [count, null] as Field<number, null>,
  randomizationTiming: oneOf(TIMINGS, 'never'),
  reorderChildren: off,
};
export const requirement = oneOf(words('always ifAttempted ifNotSkipped ifNotSuspended'), 'always');
export const ROLLUP_CONSIDERATIONS = {
  requiredForSatisfied: requirement,
  requiredForNotSatisfied: requirement,
  requiredForCompleted: requirement,
  requiredForIncomplete: requirement,
  measureSatisfactionIfActive: on,
};
export const THRESHOLD = {
  completedByMeasure: off,
  minProgressMeasure: fraction(1),
  progressWeight: fraction(1),
};
export const SHARED_DATA = { readSharedData: on, writeSharedData: off };
export const MEASURE: Field<number> = [decimalIn(-1, 1), 1];
export const MAP_INFO = mapFlags(
  'readSatisfiedStatus readNormalizedMeasure writeSatisfiedStatus writeNormalizedMeasure',
);
export const ADLSEQ_MAP_INFO = mapFlags(
  'readRawScore readMinScore readMaxScore readCompletionStatus readProgressMeasure',
  'writeRawScore writeMinScore writeMaxScore writeCompletionStatus writeProgressMeasure',
);
export const CONDITION = {
  operator: oneOf(words('noOp not'), 'noOp'),
  referencedObjective: [(raw: string) => raw || undefined, undefined] as Field<string, undefined>,
  measureThreshold: [decimalIn(-1, 1), 0] as Field<number>,
};
export const ROLLUP_RULE = {
  childActivitySet: oneOf(words('all any none atLeastCount atLeastPercent'), 'all'),
  minimumCount: [count, 0] as Field<number>,
  minimumPercent: fraction(0),
};
