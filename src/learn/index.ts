import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { directionOf, translator } from '../web/i18n/index.js';
import { Csrf } from '../web/schemas.js';
import { htmxTarget } from '../web/view.js';
import { label } from './localize.js';
import { lessonHtml } from './outline.js';
import { ItemParams, loadPlayer, type PlayerContext, type PlayerItem } from './player.js';
import { doneTime, formKey, isReplay, ReplayFields } from '../offline/receipts.js';
import { LearnerPlaces } from './places.js';
import { completeLesson } from './queries.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** "Where I stopped", written in batches; `settle` before reading a learner's own place. */
    learnerPlaces: LearnerPlaces;
  }
}

/** What a lesson page shows of its learner, filled in per request. */
type LessonFill = Pick<PlayerContext, 'item' | 'mark'> & {
  status: { className: string; text: string };
  formKey: string;
};

/**
 * The lesson's per-learner values as placeholders. Made out here, not in the route: the closures
 * stay in the page cache as long as the page, and must not hold the route's scope (the first
 * learner's request, session and progress).
 */
function lessonHoles(
  hole: (value: (context: LessonFill) => string) => string,
  item: PlayerItem,
): Partial<LessonFill> {
  return {
    item: { ...item, progress_percent: hole((c) => String(c.item.progress_percent)) as never },
    mark: (entry) => ({
      className: hole((c) => c.mark(entry).className),
      state: hole((c) => c.mark(entry).state),
    }),
    status: { className: hole((c) => c.status.className), text: hole((c) => c.status.text) },
    formKey: hole((c) => c.formKey),
  };
}

/** The lesson player: table of contents, lesson text, previous, and "Next", which marks the lesson read. */
async function learnPlugin(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const places = new LearnerPlaces(app.db, app.log);
  app.decorate('learnerPlaces', places);
  // Runs before the database closes (onClose hooks run in reverse order of registration).
  app.addHook('onClose', async () => places.flush());

  app.get(
    '/courses/:slug/lessons/:item',
    { schema: { params: ItemParams } },
    async (request, reply) => {
      const player = await loadPlayer(app, request, 'lesson');
      const html = await lessonHtml(app.db, player.item.item_id, player.item.content_hash);
      const fallback = !html[request.locale];
      const contentLocale = fallback ? 'en' : request.locale;
      const t = translator(request.locale);
      const done = player.progress.completed.has(player.item.item_id);
      const data = {
        ...player,
        html: html[request.locale] ?? html.en ?? '',
        fallback: fallback && request.locale !== 'en',
        contentLocale,
        contentDir: directionOf(contentLocale),
        title: `${label(player.item.title, request.locale)} · ${label(player.item.course_title, request.locale)}`,
        formKey: formKey(app.config.sessionSecret),
        status: {
          className: done ? ' done' : '',
          text: done
            ? t('player.lessonRead')
            : t(player.next ? 'player.nextMarksRead' : 'player.finishMarksRead'),
        },
      };
      // Everything but the learner's own values is the same for every learner of this lesson
      // version (in one language): rendered and compressed once (see renderCached).
      return reply.renderCached('learn/lesson', {
        key: `${player.item.item_id}:${player.item.content_hash}`,
        data,
        learner: (hole) => lessonHoles(hole, player.item),
      });
    },
  );

  app.post(
    '/courses/:slug/lessons/:item/complete',
    {
      schema: {
        params: ItemParams,
        body: Type.Optional(Type.Object({ _csrf: Csrf, ...ReplayFields })),
      },
    },
    async (request, reply) => {
      const player = await loadPlayer(app, request, 'lesson');
      const body = request.body ?? {};
      const { courseCompleted, replay } = await completeLesson(
        app.db,
        player.user.id,
        player.item.course_id,
        player.item.item_id,
        { key: body._key, doneAt: doneTime(app.config.sessionSecret, body._key, body._at) },
      );
      if (isReplay(request.headers))
        return reply
          .header('cache-control', 'no-store')
          .send({ kind: 'lesson', recorded: !replay, replay, courseCompleted });
      if (courseCompleted) reply.flash('player.courseComplete');
      else
        reply.flash('player.lessonMarkedRead', { title: label(player.item.title, request.locale) });
      const destination =
        courseCompleted || !player.next
          ? `/courses/${player.item.course_slug}`
          : player.itemUrl(player.next);
      if (htmxTarget(request) === 'main') {
        // htmx 4 sends an HX-Location request with the target of its source (the body): the
        // header says it is for <main>, so the answer is the fragment <main> expects.
        return reply
          .header(
            'HX-Location',
            JSON.stringify({
              path: destination,
              target: '#main',
              headers: { 'HX-Target': 'main#main' },
            }),
          )
          .code(204)
          .send();
      }
      return reply.redirect(destination, 303);
    },
  );
}

export default fp(learnPlugin, {
  name: 'lantern-learn',
  dependencies: ['lantern-view', 'lantern-accounts'],
});
