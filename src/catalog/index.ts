import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { requireLogin } from '../accounts/index.js';
import type { ItemKind, Locale } from '../db/database.js';
import { courseOutline, itemUrl } from '../learn/outline.js';
import { label } from '../learn/localize.js';
import { learnerProgress } from '../learn/queries.js';
import { invitationsFor } from '../cohorts/queries.js';
import { isLocale } from '../web/i18n/index.js';
import { enrol, findCourseBySlug, findEnrolment, listCatalogue, listTopics, myCourses, unenrol } from './queries.js';

type CatalogueQuery = { q?: string; lang?: string; topic?: string };

/** The catalogue, course pages, enrolment and "My learning". */
async function catalogPlugin(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: CatalogueQuery }>('/', async (request, reply) => {
    const filters = {
      search: typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 100) : '',
      language: (isLocale(request.query.lang) ? request.query.lang : '') as Locale | '',
      topic: typeof request.query.topic === 'string' && /^[a-z0-9-]{1,60}$/.test(request.query.topic) ? request.query.topic : '',
    };
    const [courses, topics] = await Promise.all([listCatalogue(app.db, { locale: request.locale, userId: request.user?.id ?? null, filters }), listTopics(app.db)]);
    return reply.render('catalog/index', { courses, topics, filters }, { fragments: { 'course-list': 'catalog/course-list' } });
  });

  app.get<{ Params: { slug: string } }>('/courses/:slug', async (request, reply) => {
    const course = await findCourseBySlug(app.db, request.params.slug);
    if (!course) return reply.errorPage('notFound');
    const outline = await courseOutline(app.db, course.id, course.content_hash);
    const user = request.user;
    const [enrolment, progress, certificate] = user
      ? await Promise.all([
          findEnrolment(app.db, user.id, course.id),
          learnerProgress(app.db, user.id, course.id),
          app.db.selectFrom('certificates').select(['code', 'issued_at']).where('user_id', '=', user.id).where('course_id', '=', course.id).executeTakeFirst(),
        ])
      : [undefined, undefined, undefined];
    const active = enrolment && enrolment.status !== 'withdrawn' ? enrolment : undefined;
    return reply.render('catalog/course', { course, outline, enrolment: active, progress, certificate, itemUrl: (item: { kind: ItemKind; slug: string }) => itemUrl(course.slug, item), title: label(course.title, request.locale) });
  });

  app.post<{ Params: { slug: string } }>('/courses/:slug/enrol', { preHandler: requireLogin }, async (request, reply) => {
    const course = await findCourseBySlug(app.db, request.params.slug);
    if (!course) return reply.errorPage('notFound');
    await enrol(app.db, request.user!.id, course.id);
    return reply.redirect(`/courses/${course.slug}/continue`, 303);
  });

  app.post<{ Params: { slug: string } }>('/courses/:slug/unenrol', { preHandler: requireLogin }, async (request, reply) => {
    const course = await findCourseBySlug(app.db, request.params.slug);
    if (!course) return reply.errorPage('notFound');
    await unenrol(app.db, request.user!.id, course.id);
    return reply.redirect(`/courses/${course.slug}`, 303);
  });

  // "Continue": the exact item where the learner stopped, else the first one not done yet.
  app.get<{ Params: { slug: string } }>('/courses/:slug/continue', { preHandler: requireLogin }, async (request, reply) => {
    const course = await findCourseBySlug(app.db, request.params.slug);
    if (!course) return reply.errorPage('notFound');
    const enrolment = await findEnrolment(app.db, request.user!.id, course.id);
    if (!enrolment || enrolment.status === 'withdrawn') return reply.redirect(`/courses/${course.slug}`, 303);
    const outline = await courseOutline(app.db, course.id, course.content_hash);
    let target = outline.items.find((item) => item.id === enrolment.last_item_id);
    if (!target) {
      const progress = await learnerProgress(app.db, request.user!.id, course.id);
      target = outline.items.find((item) => !progress.completed.has(item.id) && !progress.passed.has(item.id)) ?? outline.items[0];
    }
    return reply.redirect(target ? itemUrl(course.slug, target) : `/courses/${course.slug}`, 303);
  });

  app.get('/my-learning', { preHandler: requireLogin }, async (request, reply) => {
    const [courses, invitations] = await Promise.all([myCourses(app.db, request.user!.id), invitationsFor(app.db, request.user!.email)]);
    return reply.render('catalog/my-learning', { courses, invitations, titleKey: 'myLearning.title' });
  });

  app.get<{ Params: { slug: string; hash: string; '*': string } }>('/course-media/:slug/:hash/*', { config: { skipSession: true } }, async (request, reply) => {
    const file = await app.db
      .selectFrom('course_media as m')
      .innerJoin('courses as c', 'c.id', 'm.course_id')
      .select(['m.bytes', 'm.content_type', 'm.hash'])
      .where('c.slug', '=', request.params.slug)
      .where('m.name', '=', request.params['*'])
      .executeTakeFirst();
    if (!file || !file.hash.startsWith(request.params.hash)) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=31536000, immutable').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").type(file.content_type).send(file.bytes);
  });
}

export default fp(catalogPlugin, { name: 'lantern-catalog', dependencies: ['lantern-view', 'lantern-accounts'] });
