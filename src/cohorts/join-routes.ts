import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireLogin, signedIn } from '../accounts/index.js';
import { text } from '../web/forms.js';
import { notFound } from '../web/http-errors.js';
import { answerInvitation } from './invitations.js';
import { addMembers, checkJoinCode, cohortCourses } from './queries.js';
import { AnswerParams, CsrfBody, JoinBody, JoinParams, JoinQuery } from './schemas.js';

/** The learners' side: the join link (/join/CODE), the form where a code is typed, invitations. */
export async function joinRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/join/:code?',
    { schema: { params: JoinParams, querystring: JoinQuery }, preHandler: requireLogin },
    async (request, reply) => {
      const code = request.params.code ?? request.query.code ?? '';
      if (!code)
        return reply.render('cohorts/join', { code: '', check: undefined, titleKey: 'join.title' });
      const check = await checkJoinCode(app.db, code);
      return reply.render(
        'cohorts/join',
        { code, check, titleKey: 'join.title' },
        { status: check.ok ? 200 : 404 },
      );
    },
  );

  // A person answers an invitation addressed to their own email.
  app.post(
    '/invitations/:invitationId/:answer',
    { schema: { params: AnswerParams, body: CsrfBody }, preHandler: requireLogin },
    async (request, reply) => {
      const user = signedIn(request);
      const { answer, invitationId } = request.params;
      if (answer !== 'accept' && answer !== 'decline') throw notFound('no such answer');
      const result = await answerInvitation(app.db, invitationId, user, answer === 'accept');
      if (!result.ok) {
        reply.flash('invitation.gone');
        return reply.redirect('/my-learning', 303);
      }
      reply.flash(answer === 'accept' ? 'join.done' : 'invitation.declined', { name: result.name });
      return reply.redirect('/my-learning', 303);
    },
  );

  app.post(
    '/join',
    { schema: { body: JoinBody }, attachValidation: true, preHandler: requireLogin },
    async (request, reply) => {
      const user = signedIn(request);
      // A code past the schema's bound is simply unknown: the same page as any wrong code.
      const code = text(request.body?.code);
      const check = await checkJoinCode(app.db, code);
      if (!check.ok)
        return reply.render(
          'cohorts/join',
          { code, check, titleKey: 'join.title' },
          { status: 404 },
        );
      await addMembers(app.db, check.cohortId, [user.id]);
      const courses = await cohortCourses(app.db, check.cohortId);
      reply.flash('join.done', { name: check.name });
      return reply.redirect(
        courses.length === 1 ? `/courses/${courses[0]!.slug}` : '/my-learning',
        303,
      );
    },
  );
}
