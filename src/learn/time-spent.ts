/**
 * Time spent in a course is estimated the way server-side LMS logs do it: each step a learner
 * takes (opening a page, marking a lesson read, submitting a quiz, a SCORM commit) adds the gap
 * since their previous step in the course, counted up to 15 minutes, and nothing after a break of
 * 30 minutes or more. A step dated before the last one (offline work sent late) adds nothing.
 *
 * SQL text for the new `time_spent_seconds` of an `update enrolments` whose step is at `at` (an
 * SQL expression naming no parameter); it reads the row's values before the update.
 */
export const timeSpentUntil = (at: string) =>
  `time_spent_seconds + case when ${at} > last_activity_at and ${at} - last_activity_at < interval '30 minutes'
     then least(900, extract(epoch from ${at} - last_activity_at)::int) else 0 end`;
