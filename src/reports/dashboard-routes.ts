import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { waitingInvitations } from '../cohorts/invitations.js';
import { label } from '../learn/localize.js';
import { translator } from '../web/i18n/index.js';
import { barChart, lineChart } from './charts.js';
import { CohortParams } from '../cohorts/schemas.js';
import { CourseQuery, reportContext } from './context.js';
import { courseSummary, SCORE_LABELS } from './course-summary.js';
import { finalQuizId } from './learner-table.js';

const ReportRoute = { schema: { params: CohortParams, querystring: CourseQuery } };

/** The cohort dashboard (figures and charts per course) and its printable version. */
export async function dashboardRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  const summaryOf = async (cohort: { id: number; due_on: string | null }, courseId: number) =>
    courseSummary(app.db, {
      cohortId: cohort.id,
      courseId,
      dueOn: cohort.due_on,
      finalItemId: await finalQuizId(app.db, courseId),
    });

  app.get('/trainer/cohorts/:cohortId', ReportRoute, async (request, reply) => {
    const ctx = await reportContext(app.db, request, 'report.dashboard');
    const t = translator(request.locale);
    const summaries = await Promise.all(
      ctx.courses.map(async (course) => {
        const summary = await summaryOf(ctx.cohort, course.id);
        let running = 0;
        const cumulative = summary.completions.map((point) => ({
          label: point.day,
          value: (running += point.count),
        }));
        return {
          course,
          summary,
          cumulative,
          completionChart: lineChart(
            t('reports.completionOverTime', { course: label(course.title, request.locale) }),
            cumulative,
          ),
          scoreChart: barChart(
            t('reports.scoreDistribution', { course: label(course.title, request.locale) }),
            SCORE_LABELS,
            summary.distribution,
          ),
        };
      }),
    );
    const waiting = await waitingInvitations(app.db, ctx.cohort.id);
    return reply.render('reports/dashboard', {
      ...ctx,
      summaries,
      waiting,
      scoreLabels: SCORE_LABELS,
      joinUrl: `${app.config.appOrigin}/join/${ctx.cohort.join_code}`,
      title: ctx.cohort.name,
    });
  });

  app.get('/trainer/cohorts/:cohortId/print', ReportRoute, async (request, reply) => {
    const ctx = await reportContext(app.db, request, 'report.print');
    const summaries = await Promise.all(
      ctx.courses.map(async (course) => ({
        course,
        summary: await summaryOf(ctx.cohort, course.id),
      })),
    );
    return reply.render('reports/print', {
      ...ctx,
      summaries,
      scoreLabels: SCORE_LABELS,
      printedAt: new Date(),
      title: ctx.cohort.name,
    });
  });
}
