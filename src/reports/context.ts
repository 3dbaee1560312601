import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { recordAudit, signedIn } from '../accounts/index.js';
import type { AuditAction } from '../audit/record.js';
import type { Database } from '../db/database.js';
import { cohortForViewer } from '../cohorts/access.js';
import { cohortCourses } from '../cohorts/queries.js';
import { finalQuizId } from './learner-table.js';
import { findCohortMember } from './queries.js';

// An unknown ?course= falls back to the first course of the cohort, as it always has.
export const CourseQuery = Type.Object({ course: Type.Optional(Type.String({ maxLength: 200 })) });

type ReportRequest = FastifyRequest<{
  Params: { cohortId: number; userId?: number };
  Querystring: { course?: string };
}>;

/**
 * The cohort (or a thrown 404/403), its courses, and the course chosen with ?course= (the first by
 * default). Every report view and export is written to the audit log: learner data was read.
 */
export async function reportContext(
  db: Kysely<Database>,
  request: ReportRequest,
  action: AuditAction,
) {
  const cohort = await cohortForViewer(db, request);
  const courses = await cohortCourses(db, cohort.id);
  const course = courses.find((c) => String(c.id) === request.query.course) ?? courses[0];
  // One learner's drill-down names whose data was read: only a member of this cohort, since
  // for anyone else the page is refused and nothing of theirs is read.
  const subject = request.params.userId;
  const member = subject ? await findCohortMember(db, cohort.id, subject) : undefined;
  await recordAudit(db, {
    actorId: signedIn(request, 'trainer').id,
    action,
    subjectUserId: member ? subject : null,
    // The filters, except the free text of a name search (it may name someone later erased).
    detail: {
      cohortId: cohort.id,
      courseId: course?.id ?? null,
      query: { ...request.query, ...('q' in request.query ? { q: Boolean(request.query.q) } : {}) },
    },
  });
  return {
    cohort,
    courses,
    course,
    finalItemId: course ? await finalQuizId(db, course.id) : null,
  };
}
