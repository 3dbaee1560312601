/**
 * The CMI a launch starts from: what the SCO stored last time, with what only the LMS may set
 * added (who the learner is, entry, launch data, the manifest's thresholds and objectives).
 */
import type { FlatSco, ScormVersion } from './package/index.js';

export type Learner = { id: number; name: string };

type Cmi = Record<string, unknown>;
const isRecord = (value: unknown): value is Cmi =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The stored CMI with what only the LMS may set: who the learner is, entry, launch data and the
 * manifest's thresholds. Entry is "resume" only when the previous session ended with exit =
 * suspend (RTE); any other exit ends the attempt, so the next launch opens a new one (see
 * attempts.ts) and starts "ab-initio". Write-only elements of the previous session (exit,
 * session_time) are not handed back.
 */
export function launchCmi(
  version: ScormVersion,
  stored: Record<string, unknown> | null,
  sco: FlatSco,
  learner: Learner,
): { cmi: Cmi } {
  const cmi: Cmi = isRecord(stored?.cmi) ? structuredClone(stored.cmi) : {};
  const hasHistory = stored !== null;
  if (version === 'scorm12') {
    const core: Cmi = isRecord(cmi.core) ? cmi.core : {};
    const exit = core.exit;
    delete core.exit;
    delete core.session_time;
    core.entry = !hasHistory ? 'ab-initio' : exit === 'suspend' ? 'resume' : '';
    core.student_id = String(learner.id);
    core.student_name = learner.name;
    core.credit = 'credit';
    core.lesson_mode = 'normal';
    cmi.core = core;
    cmi.launch_data = sco.dataFromLms ?? '';
    cmi.student_data = {
      ...(isRecord(cmi.student_data) ? cmi.student_data : {}),
      mastery_score: sco.masteryScore === undefined ? '' : String(sco.masteryScore),
      max_time_allowed: sco.maxTimeAllowed ?? '',
      time_limit_action: sco.timeLimitAction ?? '',
    };
    return { cmi };
  }
  const exit = cmi.exit;
  delete cmi.exit;
  delete cmi.session_time;
  cmi.entry = !hasHistory ? 'ab-initio' : exit === 'suspend' ? 'resume' : '';
  cmi.learner_id = String(learner.id);
  cmi.learner_name = learner.name;
  cmi.credit = 'credit';
  cmi.mode = 'normal';
  cmi.launch_data = sco.dataFromLms ?? '';
  if (sco.scaledPassingScore !== undefined)
    cmi.scaled_passing_score = String(sco.scaledPassingScore);
  // A 4th-edition threshold with completedByMeasure="false" is informative only (CAM 4th ed.).
  if (sco.completionThreshold?.completedByMeasure)
    cmi.completion_threshold = String(sco.completionThreshold.minProgressMeasure);
  if (sco.maxTimeAllowed) cmi.max_time_allowed = sco.maxTimeAllowed;
  if (sco.timeLimitAction) cmi.time_limit_action = sco.timeLimitAction;
  // The manifest's objectives are there from the first launch: content reads them right after Initialize.
  const hasObjectives = Array.isArray(cmi.objectives)
    ? cmi.objectives.length > 0
    : isRecord(cmi.objectives) && Object.keys(cmi.objectives).some((key) => /^\d+$/.test(key));
  if (!hasObjectives) {
    const ids = sco.objectives.map((objective) => objective.id).filter(Boolean);
    if (ids.length > 0) cmi.objectives = ids.map((id) => ({ id }));
  }
  return { cmi };
}
