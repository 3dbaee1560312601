/**
 * What the LMS itself decides about a SCO's status, from the manifest, when the SCO's own report
 * leaves it open (SCORM 1.2 RTE 3.4; SCORM 2004 RTE 4.2 and SN delivery controls). scorm-again
 * does some of this inside GetValue, but what it sends is the SCO's raw values, and its 1.2
 * "completed at LMSFinish" fallback never runs (3.4.3 treats the initial "not attempted" as set
 * by the SCO). So the server applies the rules to every commit, with the end-of-session ones only
 * on the commit the player marks final (sent when the SCO called LMSFinish or Terminate).
 */
import type { Completion, ParsedCommit, ScormVersion, Success } from './commit-types.js';
import { FROM_LESSON_STATUS } from './vocabulary.js';

/** The manifest's rules for one SCO, carried in its signed commit token (short keys: it is in a URL). */
export type ScoRules = {
  /** 1.2 adlcp:masteryscore, 0..100. */
  m?: number;
  /** 2004 scaled passing score (primary objective satisfied by measure), -1..1. */
  p?: number;
  /** 2004 completion threshold, only when the 4th-edition completedByMeasure is true. */
  t?: number;
  /** 2004 delivery controls: completion / objective set by content (false when absent). */
  c?: boolean;
  o?: boolean;
};

type Cmi = Record<string, unknown>;
const isRecord = (value: unknown): value is Cmi =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const decimal = (value: unknown): number | null => {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

/**
 * Applies the rules to a checked commit, in its summary and in the CMI stored for the next launch.
 * The CMI is copied only along the path a rule changes (most commits change nothing): the rest is
 * shared with the commit as received, which nothing modifies.
 */
export function applyLmsRules(
  version: ScormVersion,
  commit: ParsedCommit,
  rules: ScoRules,
): ParsedCommit {
  const cmi = (commit.cmi as { cmi: Cmi }).cmi;
  if (version === 'scorm12') {
    const status = decide12(cmi, rules, commit.final);
    if (!status) return commit;
    const [completionStatus, successStatus] = FROM_LESSON_STATUS[status];
    const core = { ...(cmi.core as Cmi), lesson_status: status };
    return { ...commit, completionStatus, successStatus, cmi: { cmi: { ...cmi, core } } };
  }
  const decided = decide2004(cmi, rules, commit.final);
  if (!decided) return commit;
  const { completionStatus, successStatus } = decided;
  return {
    ...commit,
    ...decided,
    cmi: { cmi: { ...cmi, completion_status: completionStatus, success_status: successStatus } },
  };
}

/** The lesson status the LMS sets, when it differs from the one reported. */
function decide12(
  cmi: Cmi,
  rules: ScoRules,
  final: boolean,
): keyof typeof FROM_LESSON_STATUS | undefined {
  if (!final || !isRecord(cmi.core)) return undefined;
  const core = cmi.core;
  const reported = typeof core.lesson_status === 'string' ? core.lesson_status : '';
  // RTE 1.2: a SCO that never set a status is completed when it finishes, unless the session
  // was suspended (the learner left in the middle, to resume): then it is only under way...
  const unset = reported === '' || reported === 'not attempted';
  let status = unset ? (core.exit === 'suspend' ? 'incomplete' : 'completed') : reported;
  // ...and with a mastery score, a score it reported makes it passed or failed.
  const raw = isRecord(core.score) ? decimal(core.score.raw) : null;
  if (rules.m !== undefined && raw !== null) status = raw >= rules.m ? 'passed' : 'failed';
  if (status === reported) return undefined;
  return status as keyof typeof FROM_LESSON_STATUS;
}

function decide2004(
  cmi: Cmi,
  rules: ScoRules,
  final: boolean,
): { completionStatus: Completion; successStatus: Success } | undefined {
  let completion =
    (typeof cmi.completion_status === 'string' && cmi.completion_status) || 'unknown';
  let success = (typeof cmi.success_status === 'string' && cmi.success_status) || 'unknown';
  const reported = [completion, success].join();
  // RTE 4.2.4 and 4.2.22: a threshold and a passing score decide from the measures when both exist.
  const progress = decimal(cmi.progress_measure);
  if (rules.t !== undefined && progress !== null)
    completion = progress >= rules.t ? 'completed' : 'incomplete';
  const scaled = isRecord(cmi.score) ? decimal(cmi.score.scaled) : null;
  if (rules.p !== undefined && scaled !== null) success = scaled >= rules.p ? 'passed' : 'failed';
  // SN delivery controls: at the end of an attempt (not a suspension) the LMS sets what the
  // content was not trusted to set and did not report.
  if (final && cmi.exit !== 'suspend') {
    if (!rules.c && (completion === 'unknown' || completion === 'not attempted'))
      completion = 'completed';
    if (!rules.o && success === 'unknown') success = 'passed';
  }
  if ([completion, success].join() === reported) return undefined;
  return { completionStatus: completion as Completion, successStatus: success as Success };
}
