import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { requireLogin, requireRole } from '../accounts/index.js';
import { collectErrors, requiredText, text, type FieldErrors } from '../web/forms.js';
import { cohortForViewer } from './access.js';
import { addMembers, answerInvitation, archiveCohort, checkJoinCode, cohortCourses, createCohort, extractEmails, inviteToCohort, listCohorts, removeMember, withdrawInvitation } from './queries.js';

type CohortParams = { Params: { cohortId: string } };
type NewCohortBody = { name?: string; courses?: string | string[]; starts_on?: string; due_on?: string };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Cohorts: trainers create them, share a join code, add and remove learners; learners join. */
async function cohortsPlugin(app: FastifyInstance): Promise<void> {
  const publishedCourses = () => app.db.selectFrom('courses').select(['id', 'title']).where('published', '=', true).orderBy('id').execute();

  await app.register(async (trainer) => {
    trainer.addHook('preHandler', requireRole('trainer'));
    // Only here may a CSV of emails be uploaded; its fields (and the CSRF token) land on request.body.
    await trainer.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: 1024 * 1024, files: 1, fields: 20 } });

    trainer.get('/trainer/cohorts', async (request, reply) => {
      const cohorts = await listCohorts(app.db, request.user!);
      return reply.render('cohorts/list', { cohorts, titleKey: 'cohorts.title' });
    });

    const showNew = async (reply: import('fastify').FastifyReply, values: Record<string, unknown>, errors: FieldErrors = {}, status = 200) =>
      reply.render('cohorts/new', { values, errors, courses: await publishedCourses(), titleKey: 'cohorts.new' }, { status });

    trainer.get('/trainer/cohorts/new', async (_request, reply) => showNew(reply, { courses: [] }));

    trainer.post<{ Body: NewCohortBody }>('/trainer/cohorts', async (request, reply) => {
      const body = request.body ?? {};
      const courses = await publishedCourses();
      const chosen = ([] as string[]).concat(body.courses ?? []).map(Number).filter((id) => courses.some((course) => course.id === id));
      const values = { name: text(body.name), starts_on: text(body.starts_on), due_on: text(body.due_on), courses: chosen };
      const errors = collectErrors({
        name: requiredText(values.name, 120),
        courses: chosen.length > 0 ? undefined : { key: 'cohorts.error.courses' as const },
        starts_on: values.starts_on === '' || DATE.test(values.starts_on) ? undefined : { key: 'cohorts.error.date' as const },
        due_on: values.due_on === '' || DATE.test(values.due_on) ? (values.due_on && values.starts_on && values.due_on < values.starts_on ? { key: 'cohorts.error.dueBeforeStart' as const } : undefined) : { key: 'cohorts.error.date' as const },
      });
      if (Object.keys(errors).length > 0) return showNew(reply, values, errors, 422);
      const id = await createCohort(app.db, { name: values.name, ownerId: request.user!.id, courseIds: chosen, startsOn: values.starts_on || null, dueOn: values.due_on || null });
      return reply.redirect(`/trainer/cohorts/${id}`, 303);
    });

    trainer.post<CohortParams & { Body: { emails?: string; file?: Buffer | string } }>('/trainer/cohorts/:cohortId/members', async (request, reply) => {
      const cohort = await cohortForViewer(app.db, request, reply);
      if (!cohort) return reply;
      const pasted = typeof request.body?.emails === 'string' ? request.body.emails : '';
      const file = request.body?.file;
      const uploaded = Buffer.isBuffer(file) ? file.toString('utf8') : typeof file === 'string' ? file : '';
      const emails = extractEmails(`${pasted}\n${uploaded}`).slice(0, 5000);
      if (request.user!.role === 'admin') {
        // An admin may add people directly (they see every learner anyway); addresses without an
        // account are invited, to join once they have one.
        const users = emails.length ? await app.db.selectFrom('users').select(['id', 'email']).where('email', 'in', emails).execute() : [];
        await addMembers(app.db, cohort.id, users.map((user) => user.id));
        const invited = emails.filter((email) => !users.some((user) => user.email === email));
        await inviteToCohort(app.db, cohort.id, invited, request.user!.id);
        reply.flash('cohorts.addedByAdmin', { added: String(users.length), invited: String(invited.length) });
      } else {
        // A cohort lets its trainer read its members' results: people join only by accepting, and
        // the answer is the same whether or not an address has an account.
        await inviteToCohort(app.db, cohort.id, emails, request.user!.id);
        reply.flash('cohorts.invited', { count: String(emails.length) });
      }
      return reply.redirect(`/trainer/cohorts/${cohort.id}`, 303);
    });

    trainer.post<{ Params: { cohortId: string; userId: string } }>('/trainer/cohorts/:cohortId/members/:userId/remove', async (request, reply) => {
      const cohort = await cohortForViewer(app.db, request, reply);
      if (!cohort) return reply;
      await removeMember(app.db, cohort.id, Number.parseInt(request.params.userId, 10) || 0);
      reply.flash('cohorts.removed');
      return reply.redirect(`/trainer/cohorts/${cohort.id}/learners`, 303);
    });

    trainer.post<{ Params: { cohortId: string; invitationId: string } }>('/trainer/cohorts/:cohortId/invitations/:invitationId/withdraw', async (request, reply) => {
      const cohort = await cohortForViewer(app.db, request, reply);
      if (!cohort) return reply;
      await withdrawInvitation(app.db, cohort.id, Number.parseInt(request.params.invitationId, 10) || 0);
      reply.flash('cohorts.invitationWithdrawn');
      return reply.redirect(`/trainer/cohorts/${cohort.id}`, 303);
    });

    trainer.post<CohortParams>('/trainer/cohorts/:cohortId/archive', async (request, reply) => {
      const cohort = await cohortForViewer(app.db, request, reply);
      if (!cohort) return reply;
      await archiveCohort(app.db, cohort.id);
      reply.flash('cohorts.archived');
      return reply.redirect('/trainer/cohorts', 303);
    });
  });

  // Learners: the join link (/join/CODE) and the form where a code is typed (/join).
  app.get<{ Params: { code?: string }; Querystring: { code?: string } }>('/join/:code?', { preHandler: requireLogin }, async (request, reply) => {
    const code = request.params.code ?? request.query.code ?? '';
    if (!code) return reply.render('cohorts/join', { code: '', check: undefined, titleKey: 'join.title' });
    const check = await checkJoinCode(app.db, code);
    return reply.render('cohorts/join', { code, check, titleKey: 'join.title' }, { status: check.ok ? 200 : 404 });
  });

  // A person answers an invitation addressed to their own email.
  app.post<{ Params: { invitationId: string; answer: string } }>('/invitations/:invitationId/:answer', { preHandler: requireLogin }, async (request, reply) => {
    const { answer } = request.params;
    if (answer !== 'accept' && answer !== 'decline') return reply.errorPage('notFound');
    const result = await answerInvitation(app.db, Number.parseInt(request.params.invitationId, 10) || 0, request.user!, answer === 'accept');
    if (!result.ok) {
      reply.flash('invitation.gone');
      return reply.redirect('/my-learning', 303);
    }
    reply.flash(answer === 'accept' ? 'join.done' : 'invitation.declined', { name: result.name });
    return reply.redirect('/my-learning', 303);
  });

  app.post<{ Body: { code?: string } }>('/join', { preHandler: requireLogin }, async (request, reply) => {
    const code = text(request.body?.code);
    const check = await checkJoinCode(app.db, code);
    if (!check.ok) return reply.render('cohorts/join', { code, check, titleKey: 'join.title' }, { status: 404 });
    await addMembers(app.db, check.cohortId, [request.user!.id]);
    const courses = await cohortCourses(app.db, check.cohortId);
    reply.flash('join.done', { name: check.name });
    return reply.redirect(courses.length === 1 ? `/courses/${courses[0]!.slug}` : '/my-learning', 303);
  });
}

export default fp(cohortsPlugin, { name: 'lantern-cohorts', dependencies: ['lantern-view', 'lantern-accounts'] });
