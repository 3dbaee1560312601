import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { translator } from '../web/i18n/index.js';
import { notFound } from '../web/http-errors.js';
import { CohortParams, MemberParams } from '../cohorts/schemas.js';
import { CourseQuery, reportContext } from './context.js';
import { csvStream } from './csv.js';
import { learnerDetail } from './learner-detail.js';
import { learnerPage } from './learner-table.js';
import { findCohortMember } from './queries.js';
import { reminderRoutes } from './reminder-routes.js';
import { parseTableQuery, TableQuery } from './table-query.js';

const TableRoute = { schema: { params: CohortParams, querystring: TableQuery } };

/**
 * The learner table (filtered, sorted, paged), its CSV export, the drill-down to one learner, and
 * the reminders sent from the table.
 */
export async function learnerRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(reminderRoutes);

  app.get('/trainer/cohorts/:cohortId/learners', TableRoute, async (request, reply) => {
    const parsed = parseTableQuery(request.query);
    const ctx = await reportContext(app.db, request, 'report.learners');
    const page =
      ctx.course && parsed.errors.length === 0
        ? await learnerPage(
            app.reportsDb,
            {
              cohortId: ctx.cohort.id,
              courseId: ctx.course.id,
              dueOn: ctx.cohort.due_on,
              filters: parsed.filters,
              sort: parsed.sort,
              direction: parsed.direction,
              after: parsed.after,
              limit: 50,
            },
            ctx.finalItemId,
          )
        : { rows: [], total: 0, next: undefined };
    return reply.render(
      'reports/learners',
      // `selectable`: a checkbox per learner, for a reminder to those ticked.
      { ...ctx, ...parsed, query: request.query, page, selectable: true, title: ctx.cohort.name },
      {
        status: parsed.errors.length ? 400 : 200,
        fragments: { 'learner-results': 'reports/learner-results' },
      },
    );
  });

  app.get('/trainer/cohorts/:cohortId/learners.csv', TableRoute, async (request, reply) => {
    const parsed = parseTableQuery(request.query);
    if (parsed.errors.length)
      return reply
        .code(400)
        .type('text/plain; charset=utf-8')
        .send(`Invalid filter: ${parsed.errors.join(', ')}`);
    const { cohort, course, finalItemId } = await reportContext(app.db, request, 'export.learners');
    if (!course) throw notFound('the cohort has no course');
    const t = translator(request.locale);
    const stream = csvStream(
      [
        t('reports.name'),
        t('reports.email'),
        t('reports.status'),
        t('reports.progress'),
        t('reports.lastActivity'),
        t('reports.score'),
        t('reports.timeSpentMinutes'),
        t('reports.certificate'),
      ],
      async (after) => {
        const page = await learnerPage(
          app.reportsDb,
          {
            cohortId: cohort.id,
            courseId: course.id,
            dueOn: cohort.due_on,
            filters: parsed.filters,
            sort: parsed.sort,
            direction: parsed.direction,
            after,
            limit: 10_000,
            withTotal: false,
          },
          finalItemId,
        );
        return {
          next: page.next,
          rows: page.rows.map((row) => [
            row.erased ? t('profile.deletedAccount') : row.name,
            row.email,
            t(`reports.status.${row.overdue ? 'overdue' : row.status}`),
            row.progress,
            row.last_activity_at ?? t('reports.noActivityYet'),
            row.score,
            Math.round(row.time_spent_seconds / 60),
            row.certificate_code,
          ]),
        };
      },
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="cohort-${cohort.id}-${course.slug}-learners.csv"`,
      )
      .header('cache-control', 'private, no-store')
      .send(stream);
  });

  app.get(
    '/trainer/cohorts/:cohortId/learners/:userId',
    { schema: { params: MemberParams, querystring: CourseQuery } },
    async (request, reply) => {
      const ctx = await reportContext(app.db, request, 'report.learner');
      const member = await findCohortMember(app.db, ctx.cohort.id, request.params.userId);
      if (!member || !ctx.course) throw notFound('not a member of this cohort');
      const detail = await learnerDetail(app.reportsDb, {
        userId: member.id,
        courseId: ctx.course.id,
      });
      const title = member.erased_at
        ? translator(request.locale)('profile.deletedAccount')
        : member.name;
      return reply.render('reports/learner', { ...ctx, member, detail, title });
    },
  );
}
