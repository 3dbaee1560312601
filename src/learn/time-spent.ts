/**
 * A learner's step in a course (opening a page, marking a lesson read, submitting a quiz, a SCORM
 * commit) moves the enrolment's last activity and adds to its time spent, estimated the way
 * server-side LMS logs do it: the gap since their previous step, counted up to 15 minutes, and
 * nothing after a break of 30 minutes or more. A step dated before the last one (offline work
 * sent late) adds nothing and moves nothing back.
 *
 * SQL text for the SET clause of an `update enrolments` recording a step at `at` (an SQL
 * expression naming no parameter); both assignments read the row as it was before the update.
 */
export const recordStepAt = (at: string) =>
  `time_spent_seconds = time_spent_seconds + case
     when ${at} > last_activity_at and ${at} - last_activity_at < interval '30 minutes'
     then least(900, extract(epoch from ${at} - last_activity_at)::int) else 0 end,
   last_activity_at = greatest(last_activity_at, ${at})`;
