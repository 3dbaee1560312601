/**
 * Commits from the SCORM player. scorm-again 3 runs in the browser with `dataCommitFormat: 'json'`,
 * `sendFullCommit: true` and `renderCommonCommitFields: false`; its requestHandler posts
 * `{ seq, cmi }`, where `cmi` is the nested data model (`renderCommitCMI()`). Lists such as
 * `cmi.interactions` arrive as objects keyed "0", "1", … (arrays are accepted too), and every
 * value the SCO set arrives as a string, scores included.
 *
 * `parseCommit` checks what the route is about to store and boils it down to the summary the
 * attempt, interaction and objective tables keep, in the SCORM 2004 vocabularies for both versions.
 */
import type { ScormVersion } from '../package/types.js';

export type { ScormVersion };

export interface CommitInteraction { index: number; id: string; type: string; learnerResponse: string; correctResponse: string; result: string; weighting: number | null; latency: string; timestamp: string; description: string }
export interface CommitObjective { index: number; id: string; successStatus: string; completionStatus: string; scoreScaled: number | null; scoreRaw: number | null }
type Completion = 'completed' | 'incomplete' | 'not attempted' | 'unknown';
type Success = 'passed' | 'failed' | 'unknown';

export interface ParsedCommit {
  seq: number;
  /** The CMI exactly as received ({ cmi: ... }), re-serialisable, to store and hand back to loadFromJSON at the next launch. */
  cmi: Record<string, unknown>;
  /** Normalised to the 2004 vocabularies: 1.2 lesson_status passed/failed/completed/incomplete/browsed/not attempted maps to completion (completed|incomplete|not attempted|unknown) and success (passed|failed|unknown). */
  completionStatus: Completion;
  successStatus: Success;
  /** 0..1 or null: 2004 score.scaled (a negative one counts as 0); 1.2 raw scaled by min/max (default 0..100). */
  scoreScaled: number | null;
  scoreRaw: number | null;
  /** cmi.total_time in seconds, to the hundredth; 0 when absent (scorm-again sends it on Terminate, or always with alwaysSendTotalTime). */
  totalTimeSeconds: number;
  location: string;
  suspendData: string;
  interactions: CommitInteraction[];
  objectives: CommitObjective[];
}

export type CommitResult = { ok: true; commit: ParsedCommit } | { ok: false; problems: string[] };

/**
 * Limits on what one commit may carry. suspend_data allows 64,000 characters in both versions, as
 * scorm-again does: real SCORM 1.2 packages exceed the 1.2 spec's 4,096. `maxLocation` is 2004's
 * cmi.location; 1.2's cmi.core.lesson_location is CMIString255 and keeps 255 (scorm-again agrees).
 * Other text fields follow the specs' SPM (smallest permitted maximum): identifiers are 255 in 1.2
 * (CMIIdentifier) and 4,000 in 2004 (CMILongIdentifier); responses, patterns, descriptions and times
 * take `maxTextField`, the largest SPM either spec gives them (2004 long-fill-in responses and
 * patterns). The smaller SPMs (1.2 CMIFeedback 255, 2004 description 250) are not enforced:
 * scorm-again relaxes them too, and a refused commit loses the learner's progress.
 */
export const COMMIT_LIMITS = {
  maxBodyBytes: 1_048_576,
  maxSuspendData: 64_000,
  maxLocation: 1_000,
  maxInteractions: 250,
  maxObjectives: 100,
  maxTextField: 4_000,
} as const satisfies Record<string, number>;

const LESSON_LOCATION_12 = 255;
const IDENTIFIER = { scorm12: 255, scorm2004: 4_000 } as const;
/** scorm-again nests five levels under cmi (cmi.interactions.0.correct_responses.0.pattern). */
const MAX_DEPTH = 10;
const MAX_PROBLEMS = 50;

const LESSON_STATUS = ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'] as const;
type LessonStatus = (typeof LESSON_STATUS)[number];
/** "failed" means the learner reached the end of the test and did not pass: finished, not successful. */
const FROM_LESSON_STATUS: Record<LessonStatus, [Completion, Success]> = {
  passed: ['completed', 'passed'],
  completed: ['completed', 'unknown'],
  failed: ['completed', 'failed'],
  incomplete: ['incomplete', 'unknown'],
  browsed: ['incomplete', 'unknown'],
  'not attempted': ['not attempted', 'unknown'],
};
const COMPLETION_STATUS: readonly Completion[] = ['completed', 'incomplete', 'not attempted', 'unknown'];
const SUCCESS_STATUS: readonly Success[] = ['passed', 'failed', 'unknown'];
const INTERACTION_TYPES = {
  scorm12: ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'],
  scorm2004: ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'],
} as const;
/** 1.2 says "wrong" where 2004 says "incorrect"; 1.2 content writes both. Either version also allows a number. */
const RESULTS = {
  scorm12: ['correct', 'wrong', 'incorrect', 'unanticipated', 'neutral'],
  scorm2004: ['correct', 'incorrect', 'unanticipated', 'neutral'],
} as const;
/** The element names that differ between the versions. */
const NAMES = {
  scorm12: { learnerResponse: 'student_response', timestamp: 'time' },
  scorm2004: { learnerResponse: 'learner_response', timestamp: 'timestamp' },
} as const;

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;
const INDEX = /^(?:0|[1-9]\d{0,5})$/;
const TIMESPAN_12 = /^(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/;
const N = String.raw`(\d+(?:[.,]\d+)?)`;
const DURATION_2004 = new RegExp(`^P(?:${N}Y)?(?:${N}M)?(?:${N}W)?(?:${N}D)?(?:T(?:${N}H)?(?:${N}M)?(?:${N}S)?)?$`);
/** Years and months have no fixed length; like scorm-again, a year is 365 days and a month 30. */
const DURATION_UNITS = [365 * 86_400, 30 * 86_400, 7 * 86_400, 86_400, 3_600, 60, 1];
/** Postgres cannot store NUL in text or jsonb, nor a lone surrogate in jsonb. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Json = Record<string, unknown>;

/** One sentence per CMI element, the first problem found with it. */
class Problems {
  readonly sentences: string[] = [];
  private readonly elements = new Set<string>();

  add(element: string, sentence: string): void {
    if (this.elements.has(element)) return;
    this.elements.add(element);
    this.sentences.push(sentence);
  }
}

/**
 * Checks a commit posted by the player and summarises it. Never throws: whatever is wrong comes
 * back as English sentences naming the CMI element, e.g.
 * `cmi.suspend_data is 70001 characters; at most 64000 are accepted`.
 */
export function parseCommit(version: ScormVersion, body: unknown): CommitResult {
  try {
    return parse(version, body);
  } catch (error) {
    return { ok: false, problems: [`The commit could not be read (${error instanceof Error ? error.message : String(error)}); send plain JSON data`] };
  }
}

function parse(version: ScormVersion, body: unknown): CommitResult {
  if (version !== 'scorm12' && version !== 'scorm2004') return { ok: false, problems: [`${String(version)} is not a SCORM version Lantern runs; use scorm12 or scorm2004`] };
  if (!isPlainObject(body)) return { ok: false, problems: [`The commit body is ${kindOf(body)}; send an object { "seq": 1, "cmi": { … } } as the player's requestHandler builds it`] };
  const problems = new Problems();
  const { seq, cmi } = body;
  if (seq === undefined) problems.add('seq', 'seq is missing; number each commit 1, 2, 3… so that a late one cannot overwrite a newer one');
  else if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) problems.add('seq', `seq is ${show(seq)}; it must be a positive whole number`);
  for (const key of Object.keys(body)) {
    if (key !== 'seq' && key !== 'cmi') problems.add(key, `The commit has an unexpected field ${show(key)}; only "seq" and "cmi" are accepted (run scorm-again with renderCommonCommitFields: false)`);
  }
  if (!isPlainObject(cmi)) {
    problems.add('cmi', cmi === undefined ? 'cmi is missing; send the data model as scorm-again renderCommitCMI() gives it' : `cmi is ${kindOf(cmi)}; it must be an object`);
    return refuse(problems);
  }
  const summary = version === 'scorm12' ? summarise12(cmi, problems) : summarise2004(cmi, problems);
  checkPlainData(cmi, 'cmi', 0, new Set(), problems);
  const bytes = jsonBytes(body);
  if (bytes > COMMIT_LIMITS.maxBodyBytes) problems.add('body', `The commit is ${bytes} bytes as JSON; at most ${COMMIT_LIMITS.maxBodyBytes} are accepted`);
  if (problems.sentences.length > 0) return refuse(problems);
  return { ok: true, commit: { seq: seq as number, cmi: { cmi }, ...summary } };
}

type Summary = Omit<ParsedCommit, 'seq' | 'cmi'>;

function summarise12(cmi: Json, problems: Problems): Summary {
  const core = readObject(cmi.core, 'cmi.core', problems);
  if (cmi.core === undefined) problems.add('cmi.core', 'cmi.core is missing; a SCORM 1.2 commit keeps lesson_status, score and times there (is this package SCORM 2004?)');
  const status = readChoice(core.lesson_status, 'cmi.core.lesson_status', LESSON_STATUS, 'not attempted', problems);
  const [completionStatus, successStatus] = FROM_LESSON_STATUS[status];
  const score = readScore('scorm12', core.score, 'cmi.core.score', problems);
  readTimespan('scorm12', core.session_time, 'cmi.core.session_time', problems);
  return {
    completionStatus,
    successStatus,
    scoreScaled: score.scaled,
    scoreRaw: score.raw,
    totalTimeSeconds: readTimespan('scorm12', core.total_time, 'cmi.core.total_time', problems),
    location: readText(core.lesson_location, 'cmi.core.lesson_location', LESSON_LOCATION_12, problems),
    ...readShared('scorm12', cmi, problems),
  };
}

function summarise2004(cmi: Json, problems: Problems): Summary {
  if (cmi.core !== undefined) problems.add('cmi.core', 'cmi.core belongs to SCORM 1.2, but this package runs SCORM 2004; start the player for the version the package declares');
  const completionStatus = readChoice(cmi.completion_status, 'cmi.completion_status', COMPLETION_STATUS, 'unknown', problems);
  const successStatus = readChoice(cmi.success_status, 'cmi.success_status', SUCCESS_STATUS, 'unknown', problems);
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

function readShared(version: ScormVersion, cmi: Json, problems: Problems): Pick<Summary, 'suspendData' | 'interactions' | 'objectives'> {
  return {
    suspendData: readText(cmi.suspend_data, 'cmi.suspend_data', COMMIT_LIMITS.maxSuspendData, problems),
    interactions: readList(cmi.interactions, 'cmi.interactions', COMMIT_LIMITS.maxInteractions, problems).map((entry) => readInteraction(version, entry, problems)),
    objectives: readList(cmi.objectives, 'cmi.objectives', COMMIT_LIMITS.maxObjectives, problems).map((entry) => readObjective(version, entry, problems)),
  };
}

interface ListEntry { index: number; element: string; value: Json }

function readInteraction(version: ScormVersion, { index, element, value }: ListEntry, problems: Problems): CommitInteraction {
  const names = NAMES[version];
  const text = (key: string, max: number = COMMIT_LIMITS.maxTextField) => readText(value[key], `${element}.${key}`, max, problems);
  readTimespan(version, value.latency, `${element}.latency`, problems);
  for (const objective of readList(value.objectives, `${element}.objectives`, Infinity, problems)) {
    readText(objective.value.id, `${objective.element}.id`, IDENTIFIER[version], problems);
  }
  // Several patterns are alternative correct answers (2004 allows up to 10 for choice).
  const patterns = readList(value.correct_responses, `${element}.correct_responses`, Infinity, problems);
  return {
    index,
    id: text('id', IDENTIFIER[version]),
    type: readChoice(value.type, `${element}.type`, INTERACTION_TYPES[version], '', problems),
    learnerResponse: text(names.learnerResponse),
    correctResponse: patterns.map((pattern) => readText(pattern.value.pattern, `${pattern.element}.pattern`, COMMIT_LIMITS.maxTextField, problems)).join(' | '),
    result: readResult(version, value.result, `${element}.result`, problems),
    weighting: readDecimal(value.weighting, `${element}.weighting`, problems),
    latency: typeof value.latency === 'string' ? value.latency : '',
    timestamp: text(names.timestamp),
    description: version === 'scorm2004' ? text('description') : '',
  };
}

function readObjective(version: ScormVersion, { index, element, value }: ListEntry, problems: Problems): CommitObjective {
  const id = readText(value.id, `${element}.id`, IDENTIFIER[version], problems);
  const score = readScore(version, value.score, `${element}.score`, problems);
  const [completionStatus, successStatus] =
    version === 'scorm12'
      ? FROM_LESSON_STATUS[readChoice(value.status, `${element}.status`, LESSON_STATUS, 'not attempted', problems)]
      : [
          readChoice(value.completion_status, `${element}.completion_status`, COMPLETION_STATUS, 'unknown', problems),
          readChoice(value.success_status, `${element}.success_status`, SUCCESS_STATUS, 'unknown', problems),
        ];
  if (version === 'scorm2004') readDecimal(value.progress_measure, `${element}.progress_measure`, problems, [0, 1]);
  return { index, id, successStatus, completionStatus, scoreScaled: score.scaled, scoreRaw: score.raw };
}

/** 2004 reports score.scaled; a 1.2 raw score is placed between min and max (0 and 100 when unset). */
function readScore(version: ScormVersion, value: unknown, element: string, problems: Problems): { raw: number | null; scaled: number | null } {
  const score = readObject(value, element, problems);
  const raw = readDecimal(score.raw, `${element}.raw`, problems);
  const min = readDecimal(score.min, `${element}.min`, problems);
  const max = readDecimal(score.max, `${element}.max`, problems);
  if (version === 'scorm2004') {
    const scaled = readDecimal(score.scaled, `${element}.scaled`, problems, [-1, 1]);
    return { raw, scaled: scaled === null ? null : clamp(scaled) };
  }
  const [low, high] = [min ?? 0, max ?? 100];
  return { raw, scaled: raw === null || high <= low ? null : clamp((raw - low) / (high - low)) };
}

function readText(value: unknown, element: string, max: number, problems: Problems): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    problems.add(element, `${element} is ${kindOf(value)}; it must be text`);
    return '';
  }
  if (value.length > max) problems.add(element, `${element} is ${value.length} characters; at most ${max} are accepted`);
  return value;
}

/** An absent or empty vocabulary element takes the data model's initial value. */
function readChoice<T extends string>(value: unknown, element: string, allowed: readonly T[], initial: T, problems: Problems): T {
  if (value === undefined || value === null || value === '') return initial;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  problems.add(element, `${element} is ${show(value)}; it must be one of ${allowed.join(', ')}`);
  return initial;
}

function readResult(version: ScormVersion, value: unknown, element: string, problems: Problems): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && (DECIMAL.test(value) || (RESULTS[version] as readonly string[]).includes(value))) return value === 'wrong' ? 'incorrect' : value;
  problems.add(element, `${element} is ${show(value)}; it must be one of ${RESULTS[version].join(', ')}, or a number`);
  return '';
}

/** Numbers arrive as strings from scorm-again; an empty one means "not set" (no score). */
function readDecimal(value: unknown, element: string, problems: Problems, range?: [number, number]): number | null {
  if (value === undefined || value === null || value === '') return null;
  const number = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number)) {
    problems.add(element, `${element} is ${show(value)}; it must be a number such as 0.75, or empty`);
    return null;
  }
  if (range && (number < range[0] || number > range[1])) {
    problems.add(element, `${element} is ${number}; it must be between ${range[0]} and ${range[1]}`);
    return null;
  }
  return number;
}

/** Seconds in a 1.2 CMITimespan (HHHH:MM:SS.SS) or a 2004 ISO 8601 duration (P1DT2H3M4.5S). */
function readTimespan(version: ScormVersion, value: unknown, element: string, problems: Problems): number {
  if (value === undefined || value === null || value === '') return 0;
  const text = typeof value === 'string' ? value : '';
  let seconds: number | undefined;
  if (version === 'scorm12') {
    const match = TIMESPAN_12.exec(text);
    if (match) seconds = Number(match[1]) * 3_600 + Number(match[2]) * 60 + Number(match[3]);
  } else {
    const match = DURATION_2004.exec(text);
    if (match && !text.endsWith('T')) seconds = DURATION_UNITS.reduce((sum, unit, i) => sum + Number((match[i + 1] ?? '0').replace(',', '.')) * unit, 0);
  }
  if (seconds === undefined || !Number.isFinite(seconds)) {
    const form = version === 'scorm12' ? 'HHHH:MM:SS.SS, e.g. 0001:30:00' : 'an ISO 8601 duration, e.g. PT1H30M';
    problems.add(element, `${element} is ${show(value)}; it must be ${form}`);
    return 0;
  }
  return Math.round(seconds * 100) / 100;
}

function readObject(value: unknown, element: string, problems: Problems): Json {
  if (value === undefined || value === null) return {};
  if (isPlainObject(value)) return value;
  problems.add(element, `${element} is ${kindOf(value)}; it must be an object`);
  return {};
}

/** A CMI list: an object keyed by position, as scorm-again sends it, or an array. */
function readList(value: unknown, element: string, max: number, problems: Problems): ListEntry[] {
  if (value === undefined || value === null) return [];
  const entries = Array.isArray(value) ? value.map((entry, i) => [String(i), entry] as const) : isPlainObject(value) ? Object.entries(value) : undefined;
  if (!entries) {
    problems.add(element, `${element} is ${kindOf(value)}; it must be an object keyed by position ("0", "1", …)`);
    return [];
  }
  if (entries.length > max) {
    problems.add(element, `${element} holds ${entries.length} entries; at most ${max} are accepted`);
    return [];
  }
  const list: ListEntry[] = [];
  for (const [key, entry] of entries) {
    const at = `${element}.${key}`;
    if (!INDEX.test(key)) problems.add(at, `${element} has the key ${show(key)}; its entries are keyed by position ("0", "1", …)`);
    else if (!isPlainObject(entry)) problems.add(at, `${at} is ${kindOf(entry)}; it must be an object`);
    else list.push({ index: Number(key), element: at, value: entry });
  }
  return list.sort((a, b) => a.index - b.index);
}

/** Whatever the SCO and scorm-again add is kept, so it must be data that JSON and Postgres can hold. */
function checkPlainData(value: unknown, element: string, depth: number, seen: Set<object>, problems: Problems): void {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) problems.add(element, `${element} holds a NUL character or a broken surrogate pair, which cannot be stored; encode binary data (e.g. Base64) before saving it`);
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.add(element, `${element} is ${value}; only finite numbers can be stored`);
    return;
  }
  if (typeof value === 'boolean' || value === null) return;
  if (typeof value !== 'object') return problems.add(element, `${element} is ${kindOf(value)}; only JSON data can be stored`);
  if (depth >= MAX_DEPTH) return problems.add(element, `${element} nests deeper than ${MAX_DEPTH} levels under cmi; flatten it`);
  if (seen.has(value)) return problems.add(element, `${element} is an object already used elsewhere in the commit; send plain JSON data`);
  seen.add(value);
  if (!Array.isArray(value) && !isPlainObject(value)) return problems.add(element, `${element} is ${kindOf(value)}; only JSON data can be stored`);
  for (const [key, item] of Object.entries(value)) {
    const at = `${element}.${key}`;
    if (key === '__proto__' || UNSTORABLE.test(key)) problems.add(at, `${element} has the key ${show(key)}, which cannot be stored`);
    else checkPlainData(item, at, depth + 1, seen, problems);
  }
}

function jsonBytes(body: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(body));
  } catch {
    return 0; // a cycle or a bigint: checkPlainData has said so
  }
}

function refuse(problems: Problems): CommitResult {
  const { sentences } = problems;
  if (sentences.length <= MAX_PROBLEMS) return { ok: false, problems: sentences };
  return { ok: false, problems: [...sentences.slice(0, MAX_PROBLEMS), `${sentences.length - MAX_PROBLEMS} more problems were found; fix the ones above first`] };
}

function isPlainObject(value: unknown): value is Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${show(value)}`;
  if (typeof value === 'object') return isPlainObject(value) ? 'an object' : `a ${value.constructor?.name ?? 'non-plain object'}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `the ${typeof value} ${String(value)}`;
  return `a ${typeof value}`;
}

/** A value as a sentence quotes it: strings in quotes and cut short. */
function show(value: unknown): string {
  if (typeof value === 'object' && value !== null) return kindOf(value);
  if (typeof value !== 'string') return typeof value === 'symbol' ? 'a symbol' : String(value);
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
