import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { requireRole, signedIn } from '../accounts/index.js';
import { collectErrors, requiredText, schemaErrors, text, type FieldErrors } from '../web/forms.js';
import { cohortForViewer } from './access.js';
import { extractEmails } from './emails.js';
import { inviteToCohort, withdrawInvitation } from './invitations.js';
import {
  addMembers,
  archiveCohort,
  createCohort,
  listCohorts,
  publishedCourses,
  removeMember,
  usersWithEmails,
} from './queries.js';
import {
  CohortParams,
  CsrfBody,
  InvitationParams,
  MemberParams,
  MembersBody,
  NewCohortBody,
} from './schemas.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// A CSV upload past this is not a list of learners someone typed or exported.
const MAX_EMAILS = 5000;

/** The trainer area of cohorts: create one, invite or add learners, remove them, archive. */
export async function trainerCohortRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('preHandler', requireRole('trainer'));
  // Only here may a CSV of emails be uploaded; its fields (and the CSRF token) land on request.body.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: 1024 * 1024, files: 1, fields: 20 },
  });

  app.get('/trainer/cohorts', async (request, reply) => {
    const cohorts = await listCohorts(app.db, signedIn(request, 'trainer'));
    return reply.render('cohorts/list', { cohorts, titleKey: 'cohorts.title' });
  });

  const showNew = async (
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FieldErrors = {},
    status = 200,
  ) =>
    reply.render(
      'cohorts/new',
      { values, errors, courses: await publishedCourses(app.db), titleKey: 'cohorts.new' },
      { status },
    );

  app.get('/trainer/cohorts/new', async (_request, reply) => showNew(reply, { courses: [] }));

  app.post(
    '/trainer/cohorts',
    { schema: { body: NewCohortBody }, attachValidation: true },
    async (request, reply) => {
      const user = signedIn(request, 'trainer');
      const body = request.body ?? {};
      const courses = await publishedCourses(app.db);
      const chosen = ([] as string[])
        .concat(body.courses ?? [])
        .map(Number)
        .filter((id) => courses.some((course) => course.id === id));
      const values = {
        name: text(body.name),
        starts_on: text(body.starts_on),
        due_on: text(body.due_on),
        courses: chosen,
      };
      const errors = {
        ...collectErrors({
          name: requiredText(values.name, 120),
          courses: chosen.length > 0 ? undefined : { key: 'cohorts.error.courses' as const },
          starts_on:
            values.starts_on === '' || DATE.test(values.starts_on)
              ? undefined
              : { key: 'cohorts.error.date' as const },
          due_on:
            values.due_on === '' || DATE.test(values.due_on)
              ? values.due_on && values.starts_on && values.due_on < values.starts_on
                ? { key: 'cohorts.error.dueBeforeStart' as const }
                : undefined
              : { key: 'cohorts.error.date' as const },
        }),
        ...schemaErrors(request),
      };
      if (Object.keys(errors).length > 0) return showNew(reply, values, errors, 422);
      const id = await createCohort(app.db, {
        name: values.name,
        ownerId: user.id,
        courseIds: chosen,
        startsOn: values.starts_on || null,
        dueOn: values.due_on || null,
      });
      reply.flash('cohorts.created', { name: values.name });
      return reply.redirect(`/trainer/cohorts/${id}`, 303);
    },
  );

  app.post(
    '/trainer/cohorts/:cohortId/members',
    { schema: { params: CohortParams, body: MembersBody } },
    async (request, reply) => {
      const cohort = await cohortForViewer(app.db, request);
      const user = signedIn(request, 'trainer');
      const file = request.body?.file;
      const uploaded = Buffer.isBuffer(file)
        ? file.toString('utf8')
        : typeof file === 'string'
          ? file
          : '';
      const emails = extractEmails(`${request.body?.emails ?? ''}\n${uploaded}`).slice(
        0,
        MAX_EMAILS,
      );
      if (user.role === 'admin') {
        // An admin may add people directly (they see every learner anyway); addresses without an
        // account are invited, to join once they have one.
        const users = await usersWithEmails(app.db, emails);
        await addMembers(
          app.db,
          cohort.id,
          users.map((member) => member.id),
        );
        const invited = emails.filter((email) => !users.some((member) => member.email === email));
        await inviteToCohort(app.db, cohort.id, invited, user.id);
        reply.flash('cohorts.addedByAdmin', {
          added: String(users.length),
          invited: String(invited.length),
        });
      } else {
        // A cohort lets its trainer read its members' results: people join only by accepting, and
        // the answer is the same whether or not an address has an account.
        await inviteToCohort(app.db, cohort.id, emails, user.id);
        reply.flash('cohorts.invited', { count: String(emails.length) });
      }
      return reply.redirect(`/trainer/cohorts/${cohort.id}`, 303);
    },
  );

  app.post(
    '/trainer/cohorts/:cohortId/members/:userId/remove',
    { schema: { params: MemberParams, body: CsrfBody } },
    async (request, reply) => {
      const cohort = await cohortForViewer(app.db, request);
      await removeMember(app.db, cohort.id, request.params.userId);
      reply.flash('cohorts.removed');
      return reply.redirect(`/trainer/cohorts/${cohort.id}/learners`, 303);
    },
  );

  app.post(
    '/trainer/cohorts/:cohortId/invitations/:invitationId/withdraw',
    { schema: { params: InvitationParams, body: CsrfBody } },
    async (request, reply) => {
      const cohort = await cohortForViewer(app.db, request);
      await withdrawInvitation(app.db, cohort.id, request.params.invitationId);
      reply.flash('cohorts.invitationWithdrawn');
      return reply.redirect(`/trainer/cohorts/${cohort.id}`, 303);
    },
  );

  app.post(
    '/trainer/cohorts/:cohortId/archive',
    { schema: { params: CohortParams, body: CsrfBody } },
    async (request, reply) => {
      const cohort = await cohortForViewer(app.db, request);
      await archiveCohort(app.db, cohort.id);
      reply.flash('cohorts.archived');
      return reply.redirect('/trainer/cohorts', 303);
    },
  );
}
