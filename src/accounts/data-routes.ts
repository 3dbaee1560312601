/**
 * Each person's own data: "Download my data" (one JSON file) and "Delete my account" (erasure,
 * see erasure.ts), and the same two for an admin acting on a user from the users page. Both are
 * written to the audit log; an erasure ends the person's sessions in every process at once.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../db/database.js';
import { schemaErrors, type FieldErrors } from '../web/forms.js';
import { notFound } from '../web/http-errors.js';
import { Csrf, FormText, Id } from '../web/schemas.js';
import { requireLogin, requireRole, signedIn } from './guard.js';
import { eraseUser } from './erasure.js';
import { checkCurrentPassword } from './passwords.js';
import { personalData } from './personal-data.js';
import { findUserById, isLastAdmin } from './users.js';

const PasswordBody = Type.Object({ _csrf: Csrf, password: FormText(1000) });
const UserParams = Type.Object({ id: Id });

/** Sends the document as a download that no cache keeps. */
function sendData(reply: FastifyReply, data: unknown, userId: number) {
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .type('application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="lantern-data-${userId}-${day}.json"`)
    .header('cache-control', 'private, no-store')
    .send(JSON.stringify(data, null, 2));
}

/** Both forms' one field: the password of the person signed in (an admin types their own). */
async function passwordErrors(
  db: Kysely<Database>,
  request: FastifyRequest,
  typed: string | undefined,
  userId: number,
): Promise<FieldErrors> {
  const password = request.validationError ? '' : (typed ?? '');
  const errors: FieldErrors = { ...schemaErrors(request) };
  if (!password && !errors.password) errors.password = { key: 'form.error.required' };
  await checkCurrentPassword(db, userId, password, errors, 'password');
  return errors;
}

export async function dataRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const passwordLimit = { rateLimit: { max: app.config.rateLimits.login, timeWindow: 60_000 } };
  const publicUrl = app.config.mail.publicUrl;

  app.get('/account/data.json', { preHandler: requireLogin }, async (request, reply) => {
    const user = signedIn(request);
    await app.learnerPlaces.settle(user.id);
    const data = await personalData(app.db, user.id, publicUrl);
    if (!data) throw notFound();
    await recordAudit(app.db, { actorId: user.id, action: 'data.export', subjectUserId: user.id });
    return sendData(reply, data, user.id);
  });

  const showDelete = async (
    reply: FastifyReply,
    userId: number,
    errors: FieldErrors = {},
    status = 200,
  ) => {
    const account = await findUserById(app.db, userId);
    const lastAdmin = account?.role === 'admin' && (await isLastAdmin(app.db, userId));
    return reply.render(
      'accounts/delete-account',
      { errors, lastAdmin, titleKey: 'profile.delete.title' },
      { status: lastAdmin && status === 200 ? 409 : status },
    );
  };

  app.get('/account/delete', { preHandler: requireLogin }, async (request, reply) =>
    showDelete(reply, signedIn(request).id),
  );

  app.post(
    '/account/delete',
    {
      schema: { body: PasswordBody },
      attachValidation: true,
      preHandler: requireLogin,
      config: passwordLimit,
    },
    async (request, reply) => {
      const user = signedIn(request);
      const errors = await passwordErrors(app.db, request, request.body?.password, user.id);
      if (Object.keys(errors).length > 0) return showDelete(reply, user.id, errors, 422);
      const result = await eraseUser(app.db, user.id, user.id);
      if (!result.ok) return showDelete(reply, user.id, {}, 409);
      await reply.endSessions(result.endedSessions);
      request.log.info({ userId: user.id }, 'account erased at its owner’s request');
      // Nothing of the signed-in state stays in this browser.
      reply.clearAppCookie('session').clearAppCookie('seen').clearAppCookie('csrf');
      return reply.flash('profile.delete.done').redirect('/', 303);
    },
  );

  await app.register(async (admin) => {
    const adminApp = admin.withTypeProvider<TypeBoxTypeProvider>();
    adminApp.addHook('preHandler', requireRole('admin'));

    adminApp.get(
      '/admin/users/:id/data.json',
      { schema: { params: UserParams } },
      async (request, reply) => {
        const actor = signedIn(request, 'admin');
        const data = await personalData(app.db, request.params.id, publicUrl);
        if (!data) throw notFound();
        await recordAudit(app.db, {
          actorId: actor.id,
          action: 'data.export',
          subjectUserId: request.params.id,
        });
        return sendData(reply, data, request.params.id);
      },
    );

    const showErase = async (
      reply: FastifyReply,
      actorId: number,
      userId: number,
      errors: FieldErrors = {},
      status = 200,
    ) => {
      const person = await findUserById(app.db, userId);
      if (!person) throw notFound();
      const refusal =
        person.id === actorId
          ? 'profile.admin.eraseSelf'
          : person.erased_at
            ? 'profile.admin.alreadyErased'
            : person.role === 'admin' && (await isLastAdmin(app.db, person.id))
              ? 'profile.admin.lastAdmin'
              : undefined;
      return reply.render(
        'admin/erase',
        { person, refusal, errors, titleKey: 'profile.admin.eraseTitle' },
        { status: refusal && status === 200 ? 409 : status },
      );
    };

    adminApp.get(
      '/admin/users/:id/erase',
      { schema: { params: UserParams } },
      async (request, reply) => showErase(reply, signedIn(request).id, request.params.id),
    );

    adminApp.post(
      '/admin/users/:id/erase',
      {
        schema: { params: UserParams, body: PasswordBody },
        attachValidation: true,
        config: passwordLimit,
      },
      async (request, reply) => {
        const actor = signedIn(request, 'admin');
        if (request.validationError?.validationContext === 'params') throw notFound();
        const userId = request.params.id;
        // The route's own account goes through "Delete my account", which explains and checks it.
        if (userId === actor.id) return showErase(reply, actor.id, userId, {}, 409);
        const errors = await passwordErrors(app.db, request, request.body?.password, actor.id);
        if (Object.keys(errors).length > 0) return showErase(reply, actor.id, userId, errors, 422);
        const result = await eraseUser(app.db, userId, actor.id);
        if (!result.ok && result.reason === 'not_found') throw notFound();
        if (!result.ok) return showErase(reply, actor.id, userId, {}, 409);
        await reply.endSessions(result.endedSessions);
        request.log.info({ userId, by: actor.id }, 'account erased by an admin');
        return reply.flash('profile.admin.erasedDone').redirect('/admin/users', 303);
      },
    );
  });
}
