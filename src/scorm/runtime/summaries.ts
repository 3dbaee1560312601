/**
 * The per-version summaries of a commit's CMI: SCORM 1.2 and 2004 name and place things
 * differently, and both come out in the 2004 vocabularies.
 */
import type { CommitInteraction, CommitObjective, ScormVersion, Summary } from './commit-types.js';
import type { Json, Problems } from './problems.js';
import {
  readChoice,
  readDecimal,
  readList,
  readObject,
  readResult,
  readScore,
  readText,
  readTimespan,
  type ListEntry,
} from './values.js';
import {
  COMMIT_LIMITS,
  COMPLETION_STATUS,
  FROM_LESSON_STATUS,
  IDENTIFIER,
  INTERACTION_TYPES,
  LESSON_LOCATION_12,
  LESSON_STATUS,
  NAMES,
  SUCCESS_STATUS,
} from './vocabulary.js';

export function summarise12(cmi: Json, problems: Problems): Summary {
  const core = readObject(cmi.core, 'cmi.core', problems);
  if (cmi.core === undefined)
    problems.add(
      'cmi.core',
      'cmi.core is missing; a SCORM 1.2 commit keeps lesson_status, score and times there (is this package SCORM 2004?)',
    );
  const status = readChoice(
    core.lesson_status,
    'cmi.core.lesson_status',
    LESSON_STATUS,
    'not attempted',
    problems,
  );
  const [completionStatus, successStatus] = FROM_LESSON_STATUS[status];
  const score = readScore('scorm12', core.score, 'cmi.core.score', problems);
  readTimespan('scorm12', core.session_time, 'cmi.core.session_time', problems);
  return {
    completionStatus,
    successStatus,
    scoreScaled: score.scaled,
    scoreRaw: score.raw,
    totalTimeSeconds: readTimespan('scorm12', core.total_time, 'cmi.core.total_time', problems),
    location: readText(
      core.lesson_location,
      'cmi.core.lesson_location',
      LESSON_LOCATION_12,
      problems,
    ),
    ...readShared('scorm12', cmi, problems),
  };
}

export function summarise2004(cmi: Json, problems: Problems): Summary {
  if (cmi.core !== undefined)
    problems.add(
      'cmi.core',
      'cmi.core belongs to SCORM 1.2, but this package runs SCORM 2004; start the player for the version the package declares',
    );
  const completionStatus = readChoice(
    cmi.completion_status,
    'cmi.completion_status',
    COMPLETION_STATUS,
    'unknown',
    problems,
  );
  const successStatus = readChoice(
    cmi.success_status,
    'cmi.success_status',
    SUCCESS_STATUS,
    'unknown',
    problems,
  );
  const score = readScore('scorm2004', cmi.score, 'cmi.score', problems);
  readDecimal(cmi.progress_measure, 'cmi.progress_measure', problems, [0, 1]);
  readTimespan('scorm2004', cmi.session_time, 'cmi.session_time', problems);
  return {
    completionStatus,
    successStatus,
    scoreScaled: score.scaled,
    scoreRaw: score.raw,
    totalTimeSeconds: readTimespan('scorm2004', cmi.total_time, 'cmi.total_time', problems),
    location: readText(cmi.location, 'cmi.location', COMMIT_LIMITS.maxLocation, problems),
    ...readShared('scorm2004', cmi, problems),
  };
}

function readShared(
  version: ScormVersion,
  cmi: Json,
  problems: Problems,
): Pick<Summary, 'suspendData' | 'interactions' | 'objectives'> {
  return {
    suspendData: readText(
      cmi.suspend_data,
      'cmi.suspend_data',
      COMMIT_LIMITS.maxSuspendData,
      problems,
    ),
    interactions: readList(
      cmi.interactions,
      'cmi.interactions',
      COMMIT_LIMITS.maxInteractions,
      problems,
    ).map((entry) => readInteraction(version, entry, problems)),
    objectives: readList(
      cmi.objectives,
      'cmi.objectives',
      COMMIT_LIMITS.maxObjectives,
      problems,
    ).map((entry) => readObjective(version, entry, problems)),
  };
}

function readInteraction(
  version: ScormVersion,
  { index, element, value }: ListEntry,
  problems: Problems,
): CommitInteraction {
  const names = NAMES[version];
  const text = (key: string, max: number = COMMIT_LIMITS.maxTextField) =>
    readText(value[key], `${element}.${key}`, max, problems);
  readTimespan(version, value.latency, `${element}.latency`, problems);
  for (const objective of readList(value.objectives, `${element}.objectives`, Infinity, problems)) {
    readText(objective.value.id, `${objective.element}.id`, IDENTIFIER[version], problems);
  }
  // Several patterns are alternative correct answers (2004 allows up to 10 for choice).
  const patterns = readList(
    value.correct_responses,
    `${element}.correct_responses`,
    Infinity,
    problems,
  );
  return {
    index,
    id: text('id', IDENTIFIER[version]),
    type: readChoice(value.type, `${element}.type`, INTERACTION_TYPES[version], '', problems),
    learnerResponse: text(names.learnerResponse),
    correctResponse: patterns
      .map((pattern) =>
        readText(
          pattern.value.pattern,
          `${pattern.element}.pattern`,
          COMMIT_LIMITS.maxTextField,
          problems,
        ),
      )
      .join(' | '),
    result: readResult(version, value.result, `${element}.result`, problems),
    weighting: readDecimal(value.weighting, `${element}.weighting`, problems),
    latency: typeof value.latency === 'string' ? value.latency : '',
    timestamp: text(names.timestamp),
    description: version === 'scorm2004' ? text('description') : '',
  };
}

function readObjective(
  version: ScormVersion,
  { index, element, value }: ListEntry,
  problems: Problems,
): CommitObjective {
  const id = readText(value.id, `${element}.id`, IDENTIFIER[version], problems);
  const score = readScore(version, value.score, `${element}.score`, problems);
  const [completionStatus, successStatus] =
    version === 'scorm12'
      ? FROM_LESSON_STATUS[
          readChoice(value.status, `${element}.status`, LESSON_STATUS, 'not attempted', problems)
        ]
      : [
          readChoice(
            value.completion_status,
            `${element}.completion_status`,
            COMPLETION_STATUS,
            'unknown',
            problems,
          ),
          readChoice(
            value.success_status,
            `${element}.success_status`,
            SUCCESS_STATUS,
            'unknown',
            problems,
          ),
        ];
  if (version === 'scorm2004')
    readDecimal(value.progress_measure, `${element}.progress_measure`, problems, [0, 1]);
  return {
    index,
    id,
    successStatus,
    completionStatus,
    scoreScaled: score.scaled,
    scoreRaw: score.raw,
  };
}
