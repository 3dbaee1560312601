import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { signedIn } from '../accounts/guard.js';
import { findCourseBySlug, findEnrolment } from '../catalog/queries.js';
import type { QuizSettings } from '../db/database.js';
import { courseOutline } from '../learn/outline.js';
import { ItemParams, loadPlayer } from '../learn/player.js';
import { publicDir } from '../paths.js';
import { openAttempt } from '../quizzes/attempts.js';
import { courseIsSequenced } from '../scorm/sequencing/queries.js';
import { forbidden, notFound } from '../web/http-errors.js';
import { translator } from '../web/i18n/index.js';
import { Slug } from '../web/schemas.js';
import { offlineManifest, SHELL_ASSETS } from './manifest.js';
import { answerKey, offlineMarking } from './marking.js';
import { pruneReceipts, quizVersion } from './receipts.js';
import { scormOfflineManifest } from './scorm-manifest.js';
import { scormReplayRoutes } from './scorm-replay.js';

const jsonErrors = (status: number) => ({ error: status === 401 ? 'login' : 'refused', status });

/**
 * Offline learning (DESIGN §8): the service worker, what a device saves for a course, the answer
 * keys of quizzes marked on the device, the "You are offline" page, and the session check a
 * device makes before it sends its queue.
 */
async function offlinePlugin(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.every('prune-offline-receipts', 24 * 3600_000, () => pruneReceipts(app.db));

  // The service worker: our own short file, versioned by the release's assets, so a new release
  // installs a new worker, which drops the old shell. Same origin, no inline script.
  const workerSource = readFileSync(join(publicDir, 'sw.js'), 'utf8');
  const worker = `const VERSION = ${JSON.stringify(app.assetsVersion)};
const SHELL = ${JSON.stringify(SHELL_ASSETS.map((name) => app.asset(name)))};
const QUEUE_SCRIPT = ${JSON.stringify(app.asset('offline.js'))};
${workerSource}`;
  app.get('/sw.js', { config: { skipSession: true } }, async (_request, reply) =>
    reply
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', '/')
      .type('text/javascript; charset=utf-8')
      .send(worker),
  );

  app.get(
    '/courses/:slug/offline',
    { schema: { params: Type.Object({ slug: Slug }) }, config: { jsonErrors } },
    async (request, reply) => {
      const user = signedIn(request);
      const course = await findCourseBySlug(app.db, request.params.slug);
      if (!course) throw notFound();
      // A sequenced SCORM course needs the server's engine state at each delivery: online only.
      if (course.kind !== 'native' && (await courseIsSequenced(app.db, course.id)))
        throw notFound();
      const enrolment = await findEnrolment(app.db, user.id, course.id);
      if (!enrolment || enrolment.status === 'withdrawn') throw forbidden('not enrolled');
      const outline = await courseOutline(app.db, course.id, course.content_hash);
      const options = {
        course,
        outline,
        locale: request.locale,
        assetsVersion: app.assetsVersion,
        asset: (name: string) => ({ url: app.asset(name), bytes: app.assetBytes(name) }),
      };
      const manifest =
        course.kind === 'native'
          ? await offlineManifest(app.db, options)
          : await scormOfflineManifest(app.db, { ...options, config: app.config, userId: user.id });
      return reply
        .header('cache-control', 'private, no-store')
        .header('vary', 'Cookie, Accept-Language')
        .send(manifest);
    },
  );

  app.get(
    '/courses/:slug/quizzes/:item/offline-key',
    { schema: { params: ItemParams }, config: { jsonErrors } },
    async (request, reply) => {
      const player = await loadPlayer(app, request, 'quiz');
      if (!offlineMarking(player)) throw notFound();
      const quiz = player.item.quiz as QuizSettings;
      // Only the questions of the learner's open attempt (the one the saved quiz page shows): a
      // quiz that draws a few questions from a pool must not hand over the key to the others.
      const { attempt } = await openAttempt(app.db, player.user.id, player.item.item_id, quiz);
      const asked = new Set(attempt === 'no_attempts_left' ? [] : attempt.question_ids);
      const shown = { ...quiz, questions: quiz.questions.filter((q) => asked.has(q.id)) };
      return reply
        .header('cache-control', 'private, no-cache')
        .header('vary', 'Cookie, Accept-Language')
        .send(answerKey(shown, request.locale, translator(request.locale), quizVersion(quiz)));
    },
  );

  // Before a device sends its queue: who is signed in here now (the queue waits for its owner),
  // and a CSRF token for this session. A page of another site cannot read this answer.
  app.get('/offline/session', async (request, reply) =>
    reply
      .header('cache-control', 'no-store')
      .send(
        request.user
          ? { userId: request.user.id, csrfToken: reply.csrfToken() }
          : { userId: null, csrfToken: null },
      ),
  );

  await app.register(scormReplayRoutes);

  app.get('/offline', async (_request, reply) =>
    reply.render('offline/offline', { titleKey: 'offline.page.title' }),
  );
}

export default fp(offlinePlugin, {
  name: 'lantern-offline',
  dependencies: ['lantern-view', 'lantern-accounts'],
});
