import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import type { QuizSettings } from '../db/database.js';
import { label } from '../learn/localize.js';
import { ItemParams, loadPlayer, type PlayerContext } from '../learn/player.js';
import { Csrf } from '../web/schemas.js';
import { htmxTarget } from '../web/view.js';
import {
  findOpenAttempt,
  openAttempt,
  quizState,
  quizStateAfterSubmit,
  saveAnswers,
  type Attempt,
  type ProgressAfter,
  type QuizState,
} from './attempts.js';
import { cleanAnswers } from './grading.js';
import { submitQuiz } from './quick-submit.js';
import { versionOf } from './version.js';
import { doneTime, formKey, isIdempotencyKey, isReplay } from '../offline/receipts.js';
import { offlineMarking } from '../offline/marking.js';

/** A quiz form: `q-<question id>` fields with the chosen option id (several for multiple choice). */
const AnswersBody = Type.Optional(
  Type.Object(
    { _csrf: Csrf },
    {
      additionalProperties: Type.Union([
        Type.String({ maxLength: 200 }),
        Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }),
      ]),
    },
  ),
);
const QuizRoute = { schema: { params: ItemParams, body: AnswersBody } };
type QuizRequest = FastifyRequest<{ Params: { slug: string; item: string } }>;

/**
 * The player as it stands after a submission: only the course's percentage and this item change.
 * The progress is updated in place, as everything made from it (the contents' marks) reads it.
 */
function withProgress(player: PlayerContext, after: ProgressAfter): PlayerContext {
  const itemId = player.item.item_id;
  const { progress } = player;
  if (after.item) {
    progress.started.add(itemId);
    if (after.item.completed) progress.completed.add(itemId);
    if (after.item.passed) progress.passed.add(itemId);
    if (after.item.bestScore !== null) progress.bestScores.set(itemId, after.item.bestScore);
  }
  return { ...player, item: { ...player.item, progress_percent: after.progressPercent } };
}

/** Quizzes: answer (saved as you go), submit, see feedback per question, retry within the policy. */
async function quizzesPlugin(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const quizOf = (player: PlayerContext) => player.item.quiz as QuizSettings;

  /**
   * The quiz page: the latest result (unless a retry asked for the form), else the attempt in
   * progress, started when none is open. `state` is what the caller already knows of the
   * learner's attempts; without it, it is read in one round trip.
   */
  async function showQuiz(
    request: QuizRequest,
    reply: FastifyReply,
    player: PlayerContext,
    options: { retry?: boolean; courseCompleted?: boolean; state?: QuizState } = {},
  ) {
    const userId = player.user.id;
    const quiz = quizOf(player);
    const common = {
      ...player,
      quiz,
      courseCompleted: options.courseCompleted ?? false,
      title: `${label(player.item.title, request.locale)} · ${label(player.item.course_title, request.locale)}`,
    };
    const state = options.state ?? (await quizState(app.db, userId, player.item.item_id));
    const latest = state.open ? undefined : state.latest;
    const left = (submitted: number) =>
      quiz.maxAttempts > 0 ? Math.max(0, quiz.maxAttempts - submitted) : null;
    const attemptsLeft = left(state.submitted);

    // Passed on any attempt: a new one is practice, which the result page says in so many words.
    const quizPassed = player.progress.passed.has(player.item.item_id);
    if (latest && !options.retry) {
      return reply.render('quizzes/result', {
        ...common,
        attempt: latest,
        attemptsLeft,
        quizPassed,
        bestScore: player.progress.bestScores.get(player.item.item_id) ?? latest.score,
      });
    }
    let attempt: Attempt | 'no_attempts_left' | undefined = state.open;
    if (!attempt) attempt = (await openAttempt(app.db, userId, player.item.item_id, quiz)).attempt;
    if (attempt === 'no_attempts_left')
      return reply.render('quizzes/result', {
        ...common,
        attempt: latest,
        attemptsLeft: 0,
        quizPassed,
        bestScore: player.progress.bestScores.get(player.item.item_id) ?? null,
      });
    const questions = attempt.question_ids
      .map((id) => quiz.questions.find((question) => question.id === id))
      .filter((question) => question !== undefined);
    return reply.render('quizzes/quiz', {
      ...common,
      attempt,
      questions,
      attemptsLeft,
      formKey: formKey(app.config.sessionSecret),
      quizVersion: versionOf(player.item),
      offlineMarking: offlineMarking(player),
    });
  }

  app.get(
    '/courses/:slug/quizzes/:item',
    { schema: { params: ItemParams } },
    async (request, reply) => showQuiz(request, reply, await loadPlayer(app, request, 'quiz')),
  );

  // Saves answers given so far (htmx on every change; the "Save" button without JavaScript).
  app.post('/courses/:slug/quizzes/:item/answers', QuizRoute, async (request, reply) => {
    const player = await loadPlayer(app, request, 'quiz');
    const open = await findOpenAttempt(app.db, player.user.id, player.item.item_id);
    if (open) {
      const questions = quizOf(player).questions.filter((question) =>
        open.question_ids.includes(question.id),
      );
      await saveAnswers(
        app.db,
        open.id,
        player.user.id,
        cleanAnswers(questions, request.body ?? {}),
      );
    }
    // Said in both cases: with htmx into the form's status line, without it on the quiz page.
    // No open attempt (submitted meanwhile, in another tab): nothing was saved, and it says so.
    const said = open ? 'quiz.saved' : 'quiz.notSaved';
    if (htmxTarget(request) === 'quiz-saved')
      return reply.render(
        'quizzes/saved',
        { said },
        { fragments: { 'quiz-saved': 'quizzes/saved' }, fragmentData: { said } },
      );
    if (request.headers['hx-request'] === 'true') return reply.code(204).send();
    reply.flash(said);
    return reply.redirect(player.itemUrl(player.current), 303);
  });

  app.post('/courses/:slug/quizzes/:item/submit', QuizRoute, async (request, reply) => {
    const player = await loadPlayer(app, request, 'quiz');
    const quiz = quizOf(player);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const field = (name: string) => (typeof body[name] === 'string' ? body[name] : undefined);
    const key = field('_key');
    const attempt = field('_attempt');
    const { submitted, after: known } = await submitQuiz(app.db, {
      userId: player.user.id,
      courseId: player.item.course_id,
      itemId: player.item.item_id,
      quiz,
      answers: (questionIds) =>
        cleanAnswers(
          quiz.questions.filter((question) => questionIds.includes(question.id)),
          body,
        ),
      key: isIdempotencyKey(key) ? key : undefined,
      doneAt: doneTime(app.config.sessionSecret, key, field('_at')),
      attemptId: attempt && /^\d{1,12}$/.test(attempt) ? Number(attempt) : undefined,
      version: field('_version'),
      currentVersion: versionOf(player.item),
    });
    if (isReplay(request.headers)) {
      const { replay, ...outcome } = submitted;
      return reply.header('cache-control', 'no-store').send({ kind: 'quiz', replay, ...outcome });
    }
    const { courseCompleted } = submitted;
    if (submitted.outcome === 'retake') reply.flash('offline.quizChanged');
    // The quiz URL shows the latest result, so htmx renders it in place and a plain form redirects there.
    if (htmxTarget(request) === 'main' && submitted.outcome !== 'retake') {
      const after =
        known ??
        (await quizStateAfterSubmit(
          app.db,
          player.user.id,
          player.item.course_id,
          player.item.item_id,
        ));
      return showQuiz(request, reply, withProgress(player, after), {
        courseCompleted,
        state: after,
      });
    }
    if (courseCompleted) reply.flash('player.courseComplete');
    if (htmxTarget(request) === 'main')
      return reply
        .header(
          'HX-Location',
          JSON.stringify({
            path: player.itemUrl(player.current),
            target: '#main',
            headers: { 'HX-Target': 'main#main' },
          }),
        )
        .code(204)
        .send();
    return reply.redirect(player.itemUrl(player.current), 303);
  });

  app.post('/courses/:slug/quizzes/:item/retry', QuizRoute, async (request, reply) => {
    const player = await loadPlayer(app, request, 'quiz');
    const { attempt, submitted } = await openAttempt(
      app.db,
      player.user.id,
      player.item.item_id,
      quizOf(player),
    );
    if (htmxTarget(request) === 'main')
      return showQuiz(request, reply, player, {
        retry: true,
        // No attempt left: the page reads the latest result to show instead.
        ...(attempt === 'no_attempts_left' ? {} : { state: { open: attempt, submitted } }),
      });
    return reply.redirect(player.itemUrl(player.current), 303);
  });
}

export default fp(quizzesPlugin, {
  name: 'lantern-quizzes',
  dependencies: ['lantern-view', 'lantern-accounts'],
});
