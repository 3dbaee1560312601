import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { directionOf } from '../web/i18n/index.js';
import { htmxTarget } from '../web/view.js';
import { label } from './localize.js';
import { lessonHtml } from './outline.js';
import { loadPlayer } from './player.js';
import { completeLesson } from './queries.js';

type ItemParams = { Params: { slug: string; item: string } };

/** The lesson player: table of contents, lesson text, previous/next, "mark as done". */
async function learnPlugin(app: FastifyInstance): Promise<void> {
  app.get<ItemParams>('/courses/:slug/lessons/:item', async (request, reply) => {
    const player = await loadPlayer(app.db, request, reply, 'lesson');
    if (!player) return reply;
    const html = await lessonHtml(app.db, player.item.item_id, player.item.content_hash);
    const fallback = !html[request.locale];
    const contentLocale = fallback ? 'en' : request.locale;
    return reply.render('learn/lesson', {
      ...player,
      html: html[request.locale] ?? html.en ?? '',
      fallback: fallback && request.locale !== 'en',
      contentLocale,
      contentDir: directionOf(contentLocale),
      title: `${label(player.item.title, request.locale)} · ${label(player.item.course_title, request.locale)}`,
    });
  });

  app.post<ItemParams>('/courses/:slug/lessons/:item/complete', async (request, reply) => {
    const player = await loadPlayer(app.db, request, reply, 'lesson');
    if (!player) return reply;
    const { courseCompleted } = await completeLesson(app.db, request.user!.id, player.item.course_id, player.item.item_id);
    if (courseCompleted) reply.flash('player.courseComplete');
    const destination = courseCompleted || !player.next ? `/courses/${player.item.course_slug}` : player.itemUrl(player.next);
    // htmx: load the next page into <main> and push its URL; without JavaScript: a plain redirect.
    if (htmxTarget(request) === 'main') return reply.header('HX-Location', JSON.stringify({ path: destination, target: '#main' })).code(204).send();
    return reply.redirect(destination, 303);
  });
}

export default fp(learnPlugin, { name: 'lantern-learn', dependencies: ['lantern-view', 'lantern-accounts'] });
