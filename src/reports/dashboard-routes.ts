import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { waitingInvitations } from '../cohorts/invitations.js';
import { translator } from '../web/i18n/index.js';
import { CohortParams } from '../cohorts/schemas.js';
import { CourseQuery, reportContext } from './context.js';
import { formatDay } from '../web/dates.js';
import { courseCharts } from './course-charts.js';
import { courseSummary } from './course-summary.js';
import { finalQuizId, learnerPage } from './learner-table.js';

const ReportRoute = { schema: { params: CohortParams, querystring: CourseQuery } };

/**
 * The printed report lists at most this many learners per course, by name (a long list is what
 * the CSV export is for); the page says so when the cohort is larger.
 */
export const PRINT_LEARNER_LIMIT = 500;

/** The cohort dashboard (figures and charts per course) and its printable version. */
export async function dashboardRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  /** Each course's figures and charts, as the dashboard and the printed report show them. */
  const courseReports = async (
    cohort: { id: number; due_on: string | null },
    courses: Array<{ id: number }>,
    locale: Parameters<typeof translator>[0],
  ) => {
    const t = translator(locale);
    return Promise.all(
      courses.map(async (course) => {
        const finalItemId = await finalQuizId(app.db, course.id);
        const summary = await courseSummary(app.reportsDb, {
          cohortId: cohort.id,
          courseId: course.id,
          dueOn: cohort.due_on,
          finalItemId,
        });
        return {
          course,
          finalItemId,
          summary,
          charts: courseCharts(course.id, summary, locale, t),
        };
      }),
    );
  };

  app.get('/trainer/cohorts/:cohortId', ReportRoute, async (request, reply) => {
    const ctx = await reportContext(app.db, request, 'report.dashboard');
    const summaries = await courseReports(ctx.cohort, ctx.courses, request.locale);
    const waiting = await waitingInvitations(app.db, ctx.cohort.id);
    return reply.render('reports/dashboard', {
      ...ctx,
      summaries,
      waiting,
      joinUrl: `${app.config.appOrigin}/join/${ctx.cohort.join_code}`,
      title: ctx.cohort.name,
    });
  });

  // What the screen shows, on paper: per course the figures, both charts with their sentences and
  // numbers, and the learner table (by name, up to PRINT_LEARNER_LIMIT rows).
  app.get('/trainer/cohorts/:cohortId/print', ReportRoute, async (request, reply) => {
    const ctx = await reportContext(app.db, request, 'report.print');
    const reports = await courseReports(ctx.cohort, ctx.courses, request.locale);
    const summaries = await Promise.all(
      reports.map(async (report) => ({
        ...report,
        learners: await learnerPage(
          app.reportsDb,
          {
            cohortId: ctx.cohort.id,
            courseId: report.course.id,
            dueOn: ctx.cohort.due_on,
            filters: {},
            sort: 'name',
            direction: 'asc',
            limit: PRINT_LEARNER_LIMIT,
          },
          report.finalItemId,
        ),
      })),
    );
    return reply.render('reports/print', {
      ...ctx,
      summaries,
      printLimit: PRINT_LEARNER_LIMIT,
      printedAt: new Date(),
      day: (day: string) => formatDay(request.locale, day),
      title: ctx.cohort.name,
    });
  });
}
