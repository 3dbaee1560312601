import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { signedIn } from '../accounts/index.js';
import { invitationsFor } from '../cohorts/queries.js';
import type { ItemKind } from '../db/database.js';
import { label } from '../learn/localize.js';
import { courseOutline, itemUrl } from '../learn/outline.js';
import { learnerProgress } from '../learn/queries.js';
import { notFound } from '../web/http-errors.js';
import { isLocale, translator } from '../web/i18n/index.js';
import { Csrf, Slug } from '../web/schemas.js';
import {
  catalogueVersion,
  courseMediaFile,
  enrol,
  findCertificate,
  findCourseBySlug,
  findEnrolment,
  listCatalogue,
  listTopics,
  myCourses,
  unenrol,
} from './queries.js';
import { courseLanguages, describeLanguages } from './languages.js';
import { offlineVersion } from '../offline/manifest.js';
import { courseIsSequenced } from '../scorm/sequencing/queries.js';

const CatalogueQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 500 })),
  lang: Type.Optional(Type.String({ maxLength: 20 })),
  topic: Type.Optional(Type.String({ maxLength: 200 })),
});
const CourseParams = Type.Object({ slug: Slug });
const FormOnly = Type.Optional(Type.Object({ _csrf: Csrf }));
const MediaParams = Type.Object({
  slug: Slug,
  hash: Type.String({ maxLength: 64 }),
  '*': Type.String({ maxLength: 500 }),
});

/** The catalogue, course pages, enrolment and "My learning". */
async function catalogPlugin(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const publishedCourse = async (slug: string) => {
    const course = await findCourseBySlug(app.db, slug);
    if (!course) throw notFound();
    return course;
  };

  app.get('/', { schema: { querystring: CatalogueQuery } }, async (request, reply) => {
    const { q, lang, topic } = request.query;
    // Filters that mean nothing here are ignored, as a search box would.
    const filters = {
      search: (q ?? '').trim().slice(0, 100),
      language: isLocale(lang) ? lang : ('' as const),
      topic: topic && /^[a-z0-9-]{1,60}$/.test(topic) ? topic : '',
    };
    const load = async () => {
      const [rows, topics] = await Promise.all([
        listCatalogue(app.db, {
          locale: request.locale,
          userId: request.user?.id ?? null,
          filters,
        }),
        listTopics(app.db),
      ]);
      const t = translator(request.locale);
      const courses = rows.map((course) => ({
        ...course,
        languageSummary: describeLanguages(course.languages, request.locale, t),
      }));
      return { courses, topics, filters };
    };
    const fragments = { 'course-list': 'catalog/course-list' };
    if (request.user || request.url.includes('?'))
      return reply.render('catalog/index', await load(), { fragments });
    // Visitors all see the same catalogue: rendered once per version of the courses (one small
    // query instead of two) and language, their CSRF token filled in.
    return reply.renderCached(
      'catalog/index',
      { key: await catalogueVersion(app.db), data: load },
      { fragments },
    );
  });

  app.get('/courses/:slug', { schema: { params: CourseParams } }, async (request, reply) => {
    const course = await publishedCourse(request.params.slug);
    const [outline, languages] = await Promise.all([
      courseOutline(app.db, course.id, course.content_hash),
      courseLanguages(app.db, course.id),
    ]);
    const user = request.user;
    if (user) await app.learnerPlaces.settle(user.id);
    const [enrolment, progress, certificate] = user
      ? await Promise.all([
          findEnrolment(app.db, user.id, course.id),
          learnerProgress(app.db, user.id, course.id),
          findCertificate(app.db, user.id, course.id),
        ])
      : [undefined, undefined, undefined];
    const active = enrolment && enrolment.status !== 'withdrawn' ? enrolment : undefined;
    return reply.render('catalog/course', {
      course,
      outline,
      enrolment: active,
      progress,
      certificate,
      // The address anyone can check the certificate at, as printed on the PDF.
      verifyUrl: certificate ? `${app.config.appOrigin}/certificates/${certificate.code}` : null,
      languageSummary: describeLanguages(languages, request.locale, translator(request.locale)),
      itemUrl: (item: { kind: ItemKind; slug: string }) => itemUrl(course.slug, item),
      title: label(course.title, request.locale),
      // Any course can be saved on the learner's device but a sequenced SCORM one (online only).
      offlineVersion:
        active && (course.kind === 'native' || !(await courseIsSequenced(app.db, course.id)))
          ? offlineVersion(course.content_hash, request.locale, app.assetsVersion)
          : undefined,
    });
  });

  app.post(
    '/courses/:slug/enrol',
    { schema: { params: CourseParams, body: FormOnly } },
    async (request, reply) => {
      const user = signedIn(request);
      const course = await publishedCourse(request.params.slug);
      await enrol(app.db, user.id, course.id);
      reply.flash('course.enrolled', { title: label(course.title, request.locale) });
      return reply.redirect(`/courses/${course.slug}/continue`, 303);
    },
  );

  app.post(
    '/courses/:slug/unenrol',
    { schema: { params: CourseParams, body: FormOnly } },
    async (request, reply) => {
      const user = signedIn(request);
      const course = await publishedCourse(request.params.slug);
      // The place is kept for a return: the moves made just before are recorded first.
      await app.learnerPlaces.settle(user.id);
      await unenrol(app.db, user.id, course.id);
      reply.flash('course.left', { title: label(course.title, request.locale) });
      return reply.redirect(`/courses/${course.slug}`, 303);
    },
  );

  // "Continue": the exact item where the learner stopped, else the first one not done yet.
  app.get(
    '/courses/:slug/continue',
    { schema: { params: CourseParams } },
    async (request, reply) => {
      const user = signedIn(request);
      const course = await publishedCourse(request.params.slug);
      await app.learnerPlaces.settle(user.id);
      const enrolment = await findEnrolment(app.db, user.id, course.id);
      if (!enrolment || enrolment.status === 'withdrawn')
        return reply.redirect(`/courses/${course.slug}`, 303);
      const outline = await courseOutline(app.db, course.id, course.content_hash);
      let target = outline.items.find((item) => item.id === enrolment.last_item_id);
      if (!target) {
        const progress = await learnerProgress(app.db, user.id, course.id);
        target =
          outline.items.find(
            (item) => !progress.completed.has(item.id) && !progress.passed.has(item.id),
          ) ?? outline.items[0];
      }
      return reply.redirect(target ? itemUrl(course.slug, target) : `/courses/${course.slug}`, 303);
    },
  );

  app.get('/my-learning', async (request, reply) => {
    const user = signedIn(request);
    await app.learnerPlaces.settle(user.id);
    const [courses, invitations] = await Promise.all([
      myCourses(app.db, user.id),
      invitationsFor(app.db, user.email),
    ]);
    return reply.render('catalog/my-learning', {
      courses,
      invitations,
      titleKey: 'myLearning.title',
    });
  });

  app.get(
    '/course-media/:slug/:hash/*',
    { schema: { params: MediaParams }, config: { skipSession: true } },
    async (request, reply) => {
      const file = await courseMediaFile(app.db, request.params.slug, request.params['*']);
      if (!file || !file.hash.startsWith(request.params.hash)) throw notFound();
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .type(file.content_type)
        .send(file.bytes);
    },
  );
}

export default fp(catalogPlugin, {
  name: 'lantern-catalog',
  dependencies: ['lantern-view', 'lantern-accounts'],
});
