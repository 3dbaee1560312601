/**
 * Admins manage people: add a person (invited by email to set their own password), send the
 * invitation again, send a password reset link, deactivate and reactivate. An admin never sees or
 * sets another person's password.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../audit/record.js';
import { addMembers, listCohorts } from '../cohorts/queries.js';
import {
  collectErrors,
  emailAddress,
  personName,
  schemaErrors,
  text,
  type FieldErrors,
} from '../web/forms.js';
import { notFound } from '../web/http-errors.js';
import { isLocale, LOCALES, translator, type MessageKey } from '../web/i18n/index.js';
import { Csrf, FormText, Id } from '../web/schemas.js';
import { htmxTarget } from '../web/view.js';
import { requireRole, signedIn } from './guard.js';
import { sendInvitation } from './invitations.js';
import { unusablePasswordHash } from './passwords.js';
import { sendResetLink } from './reset.js';
import {
  createUser,
  deactivateUser,
  findListedUser,
  findUserByEmail,
  findUserById,
  isRole,
  reactivateUser,
  ROLES,
} from './users.js';

const NewPersonBody = Type.Object({
  _csrf: Csrf,
  name: FormText(500),
  email: FormText(500),
  role: FormText(20),
  locale: FormText(10),
  cohort: FormText(20),
});
const RowParams = Type.Object({ id: Id });
const RowBody = Type.Object({
  _csrf: Csrf,
  q: FormText(1000),
  page: FormText(20),
});

type Flash = { key: MessageKey; params?: Record<string, string> };

/**
 * The answer to an action on one row of the user list: with htmx, the row alone with its message;
 * without JavaScript, back to the list where it was, with the message above it.
 */
export async function answerForRow(
  app: FastifyInstance,
  request: FastifyRequest<{ Body: { q?: string; page?: string } | undefined }>,
  reply: FastifyReply,
  userId: number,
  outcome: { ok: boolean; flash: Flash },
): Promise<FastifyReply> {
  const { flash } = outcome;
  if (htmxTarget(request) === `user-${userId}`) {
    const user = await findListedUser(app.db, userId);
    if (!user) throw notFound();
    return reply.render(
      'admin/users',
      {},
      {
        status: outcome.ok ? 200 : 409,
        fragments: { [`user-${userId}`]: 'admin/user-row' },
        fragmentData: {
          user,
          me: signedIn(request).id,
          search: request.body?.q ?? '',
          page: request.body?.page ?? '1',
          message: translator(request.locale)(flash.key, flash.params),
          failed: !outcome.ok,
        },
      },
    );
  }
  const back = `/admin/users?q=${encodeURIComponent(request.body?.q ?? '')}&page=${encodeURIComponent(request.body?.page ?? '1')}`;
  return reply.flash(flash.key, flash.params).redirect(back, 303);
}

export async function peopleRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('preHandler', requireRole('admin'));

  const activeCohorts = async (request: FastifyRequest) =>
    (await listCohorts(app.db, signedIn(request, 'admin'))).filter((c) => !c.archived_at);
  const showNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors: FieldErrors = {},
    status = 200,
  ) =>
    reply.render(
      'admin/new-user',
      {
        values,
        errors,
        roles: ROLES,
        locales: LOCALES,
        cohorts: await activeCohorts(request),
        titleKey: 'people.new.title',
      },
      { status },
    );

  app.get('/admin/users/new', async (request, reply) =>
    showNew(request, reply, { role: 'learner', locale: request.locale, cohort: '' }),
  );

  app.post(
    '/admin/users/new',
    { schema: { body: NewPersonBody }, attachValidation: true },
    async (request, reply) => {
      const admin = signedIn(request, 'admin');
      const body = request.body ?? {};
      const values = {
        name: text(body.name),
        email: text(body.email),
        role: text(body.role),
        locale: text(body.locale),
        cohort: text(body.cohort),
      };
      const cohort = values.cohort
        ? (await activeCohorts(request)).find((c) => String(c.id) === values.cohort)
        : undefined;
      const errors: FieldErrors = {
        ...collectErrors({
          name: personName(values.name),
          email: emailAddress(values.email),
          role: isRole(values.role) ? undefined : { key: 'people.error.role' as const },
          locale: isLocale(values.locale) ? undefined : { key: 'form.error.locale' as const },
          cohort: values.cohort && !cohort ? { key: 'people.error.cohort' as const } : undefined,
        }),
        ...schemaErrors(request),
      };
      if (Object.keys(errors).length > 0 || !isRole(values.role) || !isLocale(values.locale))
        return showNew(request, reply, values, errors, 422);

      const user = await createUser(app.db, {
        email: values.email,
        name: values.name,
        passwordHash: await unusablePasswordHash(),
        role: values.role,
        locale: values.locale,
        invited: true,
      });
      if (!user) {
        const existing = await findUserByEmail(app.db, values.email);
        return showNew(
          request,
          reply,
          values,
          {
            email: {
              key: 'people.error.emailTaken',
              params: { name: existing?.name ?? values.email },
            },
          },
          409,
        );
      }
      if (cohort) await addMembers(app.db, cohort.id, [user.id]);
      await sendInvitation(app, user);
      await recordAudit(app.db, {
        actorId: admin.id,
        action: 'users.create',
        subjectUserId: user.id,
        detail: { role: user.role, ...(cohort ? { cohortId: cohort.id } : {}) },
      });
      request.log.info({ userId: user.id, by: admin.id }, 'person added and invited');
      return reply
        .flash('people.added', { name: user.name, email: user.email })
        .redirect(`/admin/users?q=${encodeURIComponent(user.email)}`, 303);
    },
  );

  const rowRoute = { schema: { params: RowParams, body: RowBody } };

  app.post('/admin/users/:id/invitation', rowRoute, async (request, reply) => {
    const admin = signedIn(request, 'admin');
    const user = await findUserById(app.db, request.params.id);
    if (!user) throw notFound();
    const refusal: MessageKey | undefined = user.deactivated_at
      ? 'people.refused.deactivated'
      : !user.invited_at
        ? 'people.refused.notInvited'
        : undefined;
    if (!refusal) {
      await sendInvitation(app, user);
      await recordAudit(app.db, {
        actorId: admin.id,
        action: 'users.invitation',
        subjectUserId: user.id,
      });
    }
    return answerForRow(app, request, reply, user.id, {
      ok: !refusal,
      flash: {
        key: refusal ?? 'people.invitationSent',
        params: { name: user.name, email: user.email },
      },
    });
  });

  app.post('/admin/users/:id/reset-link', rowRoute, async (request, reply) => {
    const admin = signedIn(request, 'admin');
    const user = await findUserById(app.db, request.params.id);
    if (!user) throw notFound();
    // Never to a deactivated (or erased) account.
    const sent = await sendResetLink(app, user);
    if (sent)
      await recordAudit(app.db, {
        actorId: admin.id,
        action: 'users.resetLink',
        subjectUserId: user.id,
      });
    return answerForRow(app, request, reply, user.id, {
      ok: sent,
      flash: {
        key: sent ? 'people.resetSent' : 'people.refused.deactivated',
        params: { name: user.name, email: user.email },
      },
    });
  });

  app.post('/admin/users/:id/deactivate', rowRoute, async (request, reply) => {
    const admin = signedIn(request, 'admin');
    const result = await deactivateUser(app.db, request.params.id, admin.id);
    if (!result.ok && result.reason === 'not_found') throw notFound();
    if (result.ok) {
      // Their sessions are gone from the database; every process stops trusting their snapshots.
      await reply.endSessions(result.endedSessions);
      await recordAudit(app.db, {
        actorId: admin.id,
        action: 'users.deactivate',
        subjectUserId: result.user.id,
      });
      request.log.info({ userId: result.user.id, by: admin.id }, 'account deactivated');
    }
    return answerForRow(app, request, reply, request.params.id, {
      ok: result.ok,
      flash: result.ok
        ? { key: 'people.deactivated', params: { name: result.user.name } }
        : { key: result.reason === 'self' ? 'people.refused.self' : 'admin.users.lastAdmin' },
    });
  });

  app.post('/admin/users/:id/reactivate', rowRoute, async (request, reply) => {
    const admin = signedIn(request, 'admin');
    const user = await findUserById(app.db, request.params.id);
    if (!user || user.erased_at) throw notFound();
    if (user.deactivated_at) {
      await reactivateUser(app.db, user.id);
      await recordAudit(app.db, {
        actorId: admin.id,
        action: 'users.reactivate',
        subjectUserId: user.id,
      });
      request.log.info({ userId: user.id, by: admin.id }, 'account reactivated');
    }
    return answerForRow(app, request, reply, user.id, {
      ok: true,
      flash: { key: 'people.reactivated', params: { name: user.name } },
    });
  });
}
