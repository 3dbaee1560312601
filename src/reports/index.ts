import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { recordAudit, requireRole } from '../accounts/index.js';
import { cohortForViewer } from '../cohorts/access.js';
import { cohortCourses, waitingInvitations } from '../cohorts/queries.js';
import { label } from '../learn/localize.js';
import { translator } from '../web/i18n/index.js';
import { barChart, lineChart } from './charts.js';
import { csvStream } from './csv.js';
import { courseSummary, itemAnalysis, learnerDetail } from './dashboard.js';
import { finalQuizId, learnerPage, SORTS, STATUSES, type LearnerFilters, type LearnerSort, type LearnerStatus } from './learner-table.js';

type Params = { Params: { cohortId: string; userId?: string } };
type TableQuery = { course?: string; status?: string; min?: string; max?: string; active?: string; q?: string; sort?: string; dir?: string; after?: string };

const SCORE_LABELS = ['0–9', '10–19', '20–29', '30–39', '40–49', '50–59', '60–69', '70–79', '80–89', '90–100'];

/** Parses the learner-table query; every problem becomes a message key, never a SQL error. */
export function parseTableQuery(query: TableQuery): { filters: LearnerFilters; sort: LearnerSort; direction: 'asc' | 'desc'; after?: string; errors: string[] } {
  const errors: string[] = [];
  const filters: LearnerFilters = {};
  const int = (value: string | undefined, name: string, min: number, max: number) => {
    if (value === undefined || value === '') return undefined;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      errors.push(name);
      return undefined;
    }
    return number;
  };
  if (query.status) {
    if ((STATUSES as readonly string[]).includes(query.status)) filters.status = query.status as LearnerStatus;
    else errors.push('status');
  }
  filters.minScore = int(query.min, 'min', 0, 100);
  filters.maxScore = int(query.max, 'max', 0, 100);
  filters.activeDays = int(query.active, 'active', -3650, 3650);
  if (query.q) filters.search = query.q.trim().slice(0, 100);
  let sort: LearnerSort = 'name';
  if (query.sort) {
    if ((SORTS as readonly string[]).includes(query.sort)) sort = query.sort as LearnerSort;
    else errors.push('sort');
  }
  let direction: 'asc' | 'desc' = sort === 'name' ? 'asc' : 'desc';
  if (query.dir) {
    if (query.dir === 'asc' || query.dir === 'desc') direction = query.dir;
    else errors.push('dir');
  }
  return { filters, sort, direction, after: query.after || undefined, errors };
}

/** Trainer reports: dashboard, learner table, drill-down, item analysis, CSV exports, print view. */
async function reportsPlugin(app: FastifyInstance): Promise<void> {
  await app.register(async (trainer) => {
    trainer.addHook('preHandler', requireRole('trainer'));

    /** The cohort, its courses, and the course chosen with ?course= (the first by default). */
    async function context(request: FastifyRequest<Params & { Querystring: { course?: string } }>, reply: FastifyReply, action: string) {
      const cohort = await cohortForViewer(app.db, request, reply);
      if (!cohort) return undefined;
      const courses = await cohortCourses(app.db, cohort.id);
      const course = courses.find((c) => String(c.id) === request.query.course) ?? courses[0];
      await recordAudit(app.db, { actorId: request.user!.id, action, detail: { cohortId: cohort.id, courseId: course?.id ?? null, query: request.query } });
      return { cohort, courses, course, finalItemId: course ? await finalQuizId(app.db, course.id) : null };
    }

    trainer.get<Params & { Querystring: { course?: string } }>('/trainer/cohorts/:cohortId', async (request, reply) => {
      const ctx = await context(request, reply, 'report.dashboard');
      if (!ctx) return reply;
      const t = translator(request.locale);
      const summaries = await Promise.all(
        ctx.courses.map(async (course) => {
          const summary = await courseSummary(app.db, { cohortId: ctx.cohort.id, courseId: course.id, dueOn: ctx.cohort.due_on, finalItemId: await finalQuizId(app.db, course.id) });
          let running = 0;
          const cumulative = summary.completions.map((point) => ({ label: point.day, value: (running += point.count) }));
          return {
            course,
            summary,
            cumulative,
            completionChart: lineChart(t('reports.completionOverTime', { course: label(course.title, request.locale) }), cumulative),
            scoreChart: barChart(t('reports.scoreDistribution', { course: label(course.title, request.locale) }), SCORE_LABELS, summary.distribution),
          };
        }),
      );
      const origin = app.config.appOrigin;
      const waiting = await waitingInvitations(app.db, ctx.cohort.id);
      return reply.render('reports/dashboard', { ...ctx, summaries, waiting, scoreLabels: SCORE_LABELS, joinUrl: `${origin}/join/${ctx.cohort.join_code}`, title: ctx.cohort.name });
    });

    trainer.get<Params & { Querystring: TableQuery }>('/trainer/cohorts/:cohortId/learners', async (request, reply) => {
      const parsed = parseTableQuery(request.query);
      const ctx = await context(request, reply, 'report.learners');
      if (!ctx) return reply;
      const page = ctx.course && parsed.errors.length === 0
        ? await learnerPage(app.db, { cohortId: ctx.cohort.id, courseId: ctx.course.id, dueOn: ctx.cohort.due_on, filters: parsed.filters, sort: parsed.sort, direction: parsed.direction, after: parsed.after, limit: 50 }, ctx.finalItemId)
        : { rows: [], total: 0, next: undefined };
      return reply.render('reports/learners', { ...ctx, ...parsed, query: request.query, page, title: ctx.cohort.name }, { status: parsed.errors.length ? 400 : 200, fragments: { 'learner-results': 'reports/learner-results' } });
    });

    trainer.get<Params & { Querystring: TableQuery }>('/trainer/cohorts/:cohortId/learners.csv', async (request, reply) => {
      const parsed = parseTableQuery(request.query);
      if (parsed.errors.length) return reply.code(400).type('text/plain; charset=utf-8').send(`Invalid filter: ${parsed.errors.join(', ')}`);
      const ctx = await context(request, reply, 'export.learners');
      if (!ctx) return reply;
      if (!ctx.course) return reply.errorPage('notFound');
      const { cohort, course, finalItemId } = ctx;
      const t = translator(request.locale);
      const stream = csvStream(
        [t('reports.name'), t('reports.email'), t('reports.status'), t('reports.progress'), t('reports.lastActivity'), t('reports.score'), t('reports.timeSpentMinutes'), t('reports.certificate')],
        async (after) => {
          const page = await learnerPage(app.db, { cohortId: cohort.id, courseId: course.id, dueOn: cohort.due_on, filters: parsed.filters, sort: parsed.sort, direction: parsed.direction, after, limit: 10_000, withTotal: false }, finalItemId);
          return {
            next: page.next,
            rows: page.rows.map((row) => [row.name, row.email, t(`reports.status.${row.overdue ? 'overdue' : row.status}`), row.progress, row.last_activity_at, row.score, Math.round(row.time_spent_seconds / 60), row.certificate_code]),
          };
        },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="cohort-${cohort.id}-${course.slug}-learners.csv"`)
        .header('cache-control', 'private, no-store')
        .send(stream);
    });

    trainer.get<Params & { Querystring: { course?: string } }>('/trainer/cohorts/:cohortId/items', async (request, reply) => {
      const ctx = await context(request, reply, 'report.items');
      if (!ctx) return reply;
      const items = ctx.course ? await itemAnalysis(app.db, { cohortId: ctx.cohort.id, courseId: ctx.course.id }) : [];
      return reply.render('reports/items', { ...ctx, items, title: ctx.cohort.name });
    });

    trainer.get<Params & { Querystring: { course?: string } }>('/trainer/cohorts/:cohortId/items.csv', async (request, reply) => {
      const ctx = await context(request, reply, 'export.items');
      if (!ctx) return reply;
      if (!ctx.course) return reply.errorPage('notFound');
      const items = await itemAnalysis(app.db, { cohortId: ctx.cohort.id, courseId: ctx.course.id });
      const t = translator(request.locale);
      const text = (map: Record<string, string>) => map[request.locale] ?? map.en ?? '';
      const stream = csvStream([t('reports.quiz'), t('reports.question'), t('reports.answered'), t('reports.percentCorrect'), t('reports.mostChosenWrong'), t('reports.mostChosenWrongCount')], async () => ({
        rows: items.map((item) => [text(item.itemTitle), text(item.prompt), item.answered, item.answered ? Math.round((100 * item.correct) / item.answered) : '', item.mostChosenWrong ? text(item.mostChosenWrong.text) : '', item.mostChosenWrong?.count ?? '']),
      }));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="cohort-${ctx.cohort.id}-${ctx.course.slug}-items.csv"`).header('cache-control', 'private, no-store').send(stream);
    });

    trainer.get<Params & { Querystring: { course?: string } }>('/trainer/cohorts/:cohortId/learners/:userId', async (request, reply) => {
      const ctx = await context(request, reply, 'report.learner');
      if (!ctx) return reply;
      const userId = Number.parseInt(request.params.userId ?? '', 10);
      const member = Number.isInteger(userId)
        ? await app.db.selectFrom('cohort_members as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['u.id', 'u.name', 'u.email', 'm.joined_at']).where('m.cohort_id', '=', ctx.cohort.id).where('m.user_id', '=', userId).executeTakeFirst()
        : undefined;
      // Only members of this cohort: a trainer never sees a learner outside their cohorts.
      if (!member || !ctx.course) return reply.errorPage('notFound');
      const detail = await learnerDetail(app.db, { userId: member.id, courseId: ctx.course.id });
      return reply.render('reports/learner', { ...ctx, member, detail, title: member.name });
    });

    trainer.get<Params & { Querystring: { course?: string } }>('/trainer/cohorts/:cohortId/print', async (request, reply) => {
      const ctx = await context(request, reply, 'report.print');
      if (!ctx) return reply;
      const summaries = await Promise.all(ctx.courses.map(async (course) => ({ course, summary: await courseSummary(app.db, { cohortId: ctx.cohort.id, courseId: course.id, dueOn: ctx.cohort.due_on, finalItemId: await finalQuizId(app.db, course.id) }) })));
      return reply.render('reports/print', { ...ctx, summaries, scoreLabels: SCORE_LABELS, printedAt: new Date(), title: ctx.cohort.name });
    });
  });

  // Admins read who looked at or exported learner data.
  app.get<{ Querystring: { before?: string } }>('/admin/audit', { preHandler: requireRole('admin') }, async (request, reply) => {
    const before = Number.parseInt(request.query.before ?? '', 10);
    const rows = await app.db
      .selectFrom('audit_log as a')
      .leftJoin('users as actor', 'actor.id', 'a.actor_id')
      .leftJoin('users as subject', 'subject.id', 'a.subject_user_id')
      .select(['a.id', 'a.action', 'a.detail', 'a.created_at', 'actor.name as actor_name', 'actor.email as actor_email', 'subject.name as subject_name'])
      .$if(Number.isInteger(before), (qb) => qb.where('a.id', '<', before))
      .orderBy('a.id', 'desc')
      .limit(100)
      .execute();
    return reply.render('reports/audit', { rows, next: rows.length === 100 ? rows.at(-1)!.id : undefined, titleKey: 'audit.title' });
  });
}

export default fp(reportsPlugin, { name: 'lantern-reports', dependencies: ['lantern-view', 'lantern-accounts', 'lantern-cohorts'] });
