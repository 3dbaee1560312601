import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { QuizSettings } from '../db/database.js';
import { label } from '../learn/localize.js';
import { loadPlayer, type PlayerContext } from '../learn/player.js';
import { htmxTarget } from '../web/view.js';
import { countSubmitted, findOpenAttempt, latestSubmittedAttempt, openAttempt, saveAnswers, submitAttempt } from './attempts.js';
import { cleanAnswers } from './grading.js';

type ItemParams = { Params: { slug: string; item: string }; Body: Record<string, unknown> };

/** Quizzes: answer (saved as you go), submit, see feedback per question, retry within the policy. */
async function quizzesPlugin(app: FastifyInstance): Promise<void> {
  const quizOf = (player: PlayerContext) => player.item.quiz as QuizSettings;

  async function showQuiz(request: FastifyRequest<ItemParams>, reply: FastifyReply, player: PlayerContext, options: { retry?: boolean; courseCompleted?: boolean } = {}) {
    const userId = request.user!.id;
    const quiz = quizOf(player);
    const common = { ...player, quiz, courseCompleted: options.courseCompleted ?? false, title: `${label(player.item.title, request.locale)} · ${label(player.item.course_title, request.locale)}` };
    const open = await findOpenAttempt(app.db, userId, player.item.item_id);
    const latest = open ? undefined : await latestSubmittedAttempt(app.db, userId, player.item.item_id);
    const submitted = await countSubmitted(app.db, userId, player.item.item_id);
    const attemptsLeft = quiz.maxAttempts > 0 ? Math.max(0, quiz.maxAttempts - submitted) : null;

    if (latest && !options.retry) {
      return reply.render('quizzes/result', { ...common, attempt: latest, attemptsLeft, bestScore: player.progress.bestScores.get(player.item.item_id) ?? latest.score });
    }
    const attempt = open ?? (await openAttempt(app.db, userId, player.item.item_id, quiz));
    if (attempt === 'no_attempts_left') return reply.render('quizzes/result', { ...common, attempt: latest, attemptsLeft: 0, bestScore: player.progress.bestScores.get(player.item.item_id) ?? null });
    const questions = attempt.question_ids.map((id) => quiz.questions.find((question) => question.id === id)).filter((question) => question !== undefined);
    return reply.render('quizzes/quiz', { ...common, attempt, questions, attemptsLeft });
  }

  app.get<ItemParams>('/courses/:slug/quizzes/:item', async (request, reply) => {
    const player = await loadPlayer(app.db, request, reply, 'quiz');
    if (!player) return reply;
    return showQuiz(request, reply, player);
  });

  // Saves answers given so far (htmx on every change; the "Save" button without JavaScript).
  app.post<ItemParams>('/courses/:slug/quizzes/:item/answers', async (request, reply) => {
    const player = await loadPlayer(app.db, request, reply, 'quiz');
    if (!player) return reply;
    const open = await findOpenAttempt(app.db, request.user!.id, player.item.item_id);
    if (open) {
      const questions = quizOf(player).questions.filter((question) => open.question_ids.includes(question.id));
      await saveAnswers(app.db, open.id, request.user!.id, cleanAnswers(questions, request.body ?? {}));
    }
    if (request.headers['hx-request'] === 'true') return reply.code(204).send();
    return reply.redirect(player.itemUrl(player.current), 303);
  });

  app.post<ItemParams>('/courses/:slug/quizzes/:item/submit', async (request, reply) => {
    const player = await loadPlayer(app.db, request, reply, 'quiz');
    if (!player) return reply;
    const quiz = quizOf(player);
    const { courseCompleted } = await submitAttempt(app.db, {
      userId: request.user!.id,
      courseId: player.item.course_id,
      itemId: player.item.item_id,
      quiz,
      answers: (questionIds) => cleanAnswers(quiz.questions.filter((question) => questionIds.includes(question.id)), request.body ?? {}),
    });
    // The quiz URL shows the latest result, so htmx renders it in place and a plain form redirects there.
    if (htmxTarget(request) === 'main') {
      const refreshed = await loadPlayer(app.db, request, reply, 'quiz');
      return refreshed ? showQuiz(request, reply, refreshed, { courseCompleted }) : reply;
    }
    if (courseCompleted) reply.flash('player.courseComplete');
    return reply.redirect(player.itemUrl(player.current), 303);
  });

  app.post<ItemParams>('/courses/:slug/quizzes/:item/retry', async (request, reply) => {
    const player = await loadPlayer(app.db, request, reply, 'quiz');
    if (!player) return reply;
    await openAttempt(app.db, request.user!.id, player.item.item_id, quizOf(player));
    if (htmxTarget(request) === 'main') return showQuiz(request, reply, player, { retry: true });
    return reply.redirect(player.itemUrl(player.current), 303);
  });
}

export default fp(quizzesPlugin, { name: 'lantern-quizzes', dependencies: ['lantern-view', 'lantern-accounts'] });
