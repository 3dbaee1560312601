import { describe, expect, it } from 'vitest';
import { parseCommit, type ParsedCommit } from '../../src/scorm/runtime/commit.js';
import { applyLmsRules, type ScoRules } from '../../src/scorm/runtime/lms-rules.js';

function parsed(version: 'scorm12' | 'scorm2004', cmi: Record<string, unknown>, final: boolean) {
  const result = parseCommit(version, { seq: 1, cmi, final });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.commit;
}
const statuses = (commit: ParsedCommit) => [commit.completionStatus, commit.successStatus];

describe('SCORM 2004 rules of the data model', () => {
  const run = (cmi: Record<string, unknown>, rules: ScoRules, final = false) =>
    applyLmsRules('scorm2004', parsed('scorm2004', cmi, final), rules);

  it('a completion threshold decides completion from progress_measure, only when it is given', () => {
    const base = { completion_status: 'completed', success_status: 'unknown' };
    expect(statuses(run({ ...base, progress_measure: '0.4' }, { t: 0.8 }))).toEqual([
      'incomplete',
      'unknown',
    ]);
    expect(statuses(run({ ...base, progress_measure: '0.9' }, { t: 0.8 }))).toEqual([
      'completed',
      'unknown',
    ]);
    // completedByMeasure false means no t: the SCO's own word stands.
    expect(statuses(run({ ...base, progress_measure: '0.4' }, {}))).toEqual([
      'completed',
      'unknown',
    ]);
  });

  it('a scaled passing score decides success from score.scaled', () => {
    const cmi = {
      completion_status: 'completed',
      success_status: 'passed',
      score: { scaled: '0.5' },
    };
    expect(statuses(run(cmi, { p: 0.7 }))).toEqual(['completed', 'failed']);
    const stored = run(cmi, { p: 0.7 }).cmi as { cmi: Record<string, unknown> };
    expect(stored.cmi.success_status).toBe('failed');
  });

  it('content trusted to set its status (completionSetByContent, objectiveSetByContent) is left as reported', () => {
    const silent = { completion_status: 'unknown', success_status: 'unknown', exit: 'normal' };
    expect(statuses(run(silent, {}, true))).toEqual(['completed', 'passed']);
    expect(statuses(run(silent, { c: true, o: true }, true))).toEqual(['unknown', 'unknown']);
    expect(statuses(run({ ...silent, completion_status: 'incomplete' }, {}, true))).toEqual([
      'incomplete',
      'passed',
    ]);
  });
});

describe('SCORM 1.2 rules at LMSFinish', () => {
  const run = (core: Record<string, unknown>, rules: ScoRules, final: boolean) =>
    applyLmsRules('scorm12', parsed('scorm12', { core }, final), rules);

  it('leaves everything alone before the SCO finishes', () => {
    expect(statuses(run({ lesson_status: 'not attempted' }, {}, false))).toEqual([
      'not attempted',
      'unknown',
    ]);
  });

  it('a session suspended without a status is under way, not completed (the learner left to resume)', () => {
    expect(statuses(run({ lesson_status: 'not attempted', exit: 'suspend' }, {}, true))).toEqual([
      'incomplete',
      'unknown',
    ]);
  });

  it('a browsed or incomplete status the SCO set is kept', () => {
    expect(statuses(run({ lesson_status: 'browsed' }, {}, true))).toEqual([
      'incomplete',
      'unknown',
    ]);
  });
});
