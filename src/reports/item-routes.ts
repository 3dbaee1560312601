import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { translator } from '../web/i18n/index.js';
import { label } from '../learn/localize.js';
import type { LocalizedText } from '../db/database.js';
import { notFound } from '../web/http-errors.js';
import { CohortParams } from '../cohorts/schemas.js';
import { CourseQuery, reportContext } from './context.js';
import { csvStream } from './csv.js';
import { answerWords, itemAnalysis, type Answer } from './item-analysis.js';

const ReportRoute = { schema: { params: CohortParams, querystring: CourseQuery } };

/** The question analysis of a cohort's course, as a page and as a CSV export. */
export async function itemRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/trainer/cohorts/:cohortId/items', ReportRoute, async (request, reply) => {
    const ctx = await reportContext(app.db, request, 'report.items');
    const items = ctx.course
      ? await itemAnalysis(app.reportsDb, { cohortId: ctx.cohort.id, courseId: ctx.course.id })
      : [];
    const t = translator(request.locale);
    const text = (map: LocalizedText) => label(map, request.locale);
    return reply.render('reports/items', {
      ...ctx,
      items,
      answer: (answer: Answer) => answerWords(answer, t, text),
      title: ctx.cohort.name,
    });
  });

  app.get('/trainer/cohorts/:cohortId/items.csv', ReportRoute, async (request, reply) => {
    const { cohort, course } = await reportContext(app.db, request, 'export.items');
    if (!course) throw notFound('the cohort has no course');
    const items = await itemAnalysis(app.reportsDb, { cohortId: cohort.id, courseId: course.id });
    const t = translator(request.locale);
    const text = (map: LocalizedText) => label(map, request.locale);
    const words = (answer: Answer) => answerWords(answer, t, text);
    // Words a spreadsheet reader understands, in the trainer's language: answers as their text
    // (True/False for true/false questions), never option ids or raw booleans.
    const stream = csvStream(
      [
        t('reports.quiz'),
        t('reports.question'),
        t('reports.correctAnswer'),
        t('reports.answered'),
        t('reports.answeredCorrectly'),
        t('reports.percentCorrect'),
        t('reports.mostChosenWrong'),
        t('reports.mostChosenWrongCount'),
      ],
      async () => ({
        rows: items.map((item) => [
          text(item.itemTitle),
          text(item.prompt),
          item.correctAnswers.map(words).join(' | '),
          item.answered,
          item.correct,
          item.answered ? Math.round((100 * item.correct) / item.answered) : '',
          item.mostChosenWrong ? words(item.mostChosenWrong.answer) : '',
          item.mostChosenWrong?.count ?? '',
        ]),
      }),
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="cohort-${cohort.id}-${course.slug}-items.csv"`,
      )
      .header('cache-control', 'private, no-store')
      .send(stream);
  });
}
