/**
 * The SCORM vocabularies a commit is checked against, and how much text it may carry, for both
 * versions; 1.2's lesson_status is mapped to the 2004 completion and success pair here.
 */
import type { Completion, Success } from './commit-types.js';

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

export const LESSON_LOCATION_12 = 255;
export const IDENTIFIER = { scorm12: 255, scorm2004: 4_000 } as const;

export const LESSON_STATUS = [
  'passed',
  'completed',
  'failed',
  'incomplete',
  'browsed',
  'not attempted',
] as const;
export type LessonStatus = (typeof LESSON_STATUS)[number];
/** "failed" means the learner reached the end of the test and did not pass: finished, not successful. */
export const FROM_LESSON_STATUS: Record<LessonStatus, [Completion, Success]> = {
  passed: ['completed', 'passed'],
  completed: ['completed', 'unknown'],
  failed: ['completed', 'failed'],
  incomplete: ['incomplete', 'unknown'],
  browsed: ['incomplete', 'unknown'],
  'not attempted': ['not attempted', 'unknown'],
};
export const COMPLETION_STATUS: readonly Completion[] = [
  'completed',
  'incomplete',
  'not attempted',
  'unknown',
];
export const SUCCESS_STATUS: readonly Success[] = ['passed', 'failed', 'unknown'];
export const INTERACTION_TYPES = {
  scorm12: [
    'true-false',
    'choice',
    'fill-in',
    'matching',
    'performance',
    'sequencing',
    'likert',
    'numeric',
  ],
  scorm2004: [
    'true-false',
    'choice',
    'fill-in',
    'long-fill-in',
    'matching',
    'performance',
    'sequencing',
    'likert',
    'numeric',
    'other',
  ],
} as const;
/** 1.2 says "wrong" where 2004 says "incorrect"; 1.2 content writes both. Either version also allows a number. */
export const RESULTS = {
  scorm12: ['correct', 'wrong', 'incorrect', 'unanticipated', 'neutral'],
  scorm2004: ['correct', 'incorrect', 'unanticipated', 'neutral'],
} as const;
/** The element names that differ between the versions. */
export const NAMES = {
  scorm12: { learnerResponse: 'student_response', timestamp: 'time' },
  scorm2004: { learnerResponse: 'learner_response', timestamp: 'timestamp' },
} as const;
