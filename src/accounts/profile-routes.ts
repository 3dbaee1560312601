/**
 * /account for every role: name and language, password, and the trainers' reminders (the email
 * address: email-change-routes.ts). Every change is written to the audit log, with the person as
 * actor and subject; no address or name goes into it.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { recordAudit } from '../audit/record.js';
import type { Locale } from '../db/database.js';
import {
  collectErrors,
  newPasswordTwice,
  personName,
  schemaErrors,
  type FieldErrors,
} from '../web/forms.js';
import { isLocale } from '../web/i18n/index.js';
import { LOCALE_COOKIE_SECONDS } from '../web/locale.js';
import { Csrf, FormText } from '../web/schemas.js';
import { showAccount } from './account-page.js';
import { requireLogin, signedIn } from './guard.js';
import { checkCurrentPassword, hashPassword } from './passwords.js';
import { changePassword } from './reset.js';

const DetailsBody = Type.Object({ _csrf: Csrf, name: FormText(500), locale: FormText(10) });
const PasswordBody = Type.Object({
  _csrf: Csrf,
  current: FormText(1000),
  password: FormText(1000),
  confirm: FormText(1000),
});
const RemindersBody = Type.Object({ _csrf: Csrf, reminders: FormText(10) });

export async function profileRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  // Every form that checks a password shares login's limit per client address.
  const passwordLimit = { rateLimit: { max: app.config.rateLimits.login, timeWindow: 60_000 } };

  app.get('/account', { preHandler: requireLogin }, async (request, reply) =>
    showAccount(app, request, reply),
  );
  // A form shown again with its problems has the address it was posted to: the language
  // switcher (and a reload) lead from there back to the page.
  for (const path of [
    '/account/profile',
    '/account/email',
    '/account/password',
    '/account/reminders',
  ])
    app.get(path, async (_request, reply) => reply.redirect('/account', 303));

  app.post(
    '/account/profile',
    { schema: { body: DetailsBody }, attachValidation: true, preHandler: requireLogin },
    async (request, reply) => {
      const user = signedIn(request);
      const body = request.body ?? {};
      const values = { name: (body.name ?? '').trim(), locale: (body.locale ?? '').trim() };
      const errors: FieldErrors = {
        ...collectErrors({
          name: personName(values.name),
          locale: isLocale(values.locale) ? undefined : { key: 'form.error.locale' as const },
        }),
        ...schemaErrors(request),
      };
      if (Object.keys(errors).length > 0 || !isLocale(values.locale))
        return showAccount(app, request, reply, { section: 'details', values, errors }, 422);
      const locale: Locale = values.locale;
      const fields = [
        ...(values.name !== user.name ? ['name'] : []),
        ...(locale !== user.locale ? ['locale'] : []),
      ];
      if (fields.length === 0)
        return reply.flash('profile.details.unchanged').redirect('/account', 303);
      await app.db
        .updateTable('users')
        .set({ name: values.name, locale, updated_at: sql<Date>`now()` })
        .where('id', '=', user.id)
        .execute();
      await recordAudit(app.db, {
        actorId: user.id,
        action: 'profile.update',
        subjectUserId: user.id,
        detail: { fields },
      });
      // The language also goes in the switcher's cookie (kept after logout); the signed session
      // snapshot still holds the old name and language, so the next page reads them afresh.
      reply.setAppCookie('locale', locale, { maxAge: LOCALE_COOKIE_SECONDS });
      reply.clearAppCookie('seen');
      return reply.flash('profile.details.saved').redirect('/account', 303);
    },
  );

  app.post(
    '/account/password',
    {
      schema: { body: PasswordBody },
      attachValidation: true,
      preHandler: requireLogin,
      config: passwordLimit,
    },
    async (request, reply) => {
      const sessionUser = signedIn(request);
      const body = request.body ?? {};
      const errors: FieldErrors = {
        ...collectErrors({
          current: body.current ? undefined : { key: 'form.error.required' as const },
          ...newPasswordTwice(body.password, body.confirm),
        }),
        ...schemaErrors(request),
      };
      await checkCurrentPassword(app.db, sessionUser.id, body.current ?? '', errors, 'current');
      if (Object.keys(errors).length > 0)
        return showAccount(app, request, reply, { section: 'password', errors }, 422);
      // All or nothing: the password, every link emailed before void, the other sessions ended.
      const ended = await changePassword(
        app.db,
        sessionUser.id,
        sessionUser.sessionId,
        await hashPassword(body.password ?? ''),
      );
      // Once committed, every process is told, so no snapshot of those sessions is trusted.
      await reply.endSessions(ended);
      reply.clearAppCookie('seen');
      return reply.flash('account.passwordChanged').redirect('/account', 303);
    },
  );

  app.post(
    '/account/reminders',
    { schema: { body: RemindersBody }, attachValidation: true, preHandler: requireLogin },
    async (request, reply) => {
      const user = signedIn(request);
      // A checkbox: present when ticked, absent when not.
      const enabled = request.body?.reminders === 'on';
      const before = await app.db
        .updateTable('users')
        .set({ reminders_enabled: enabled, updated_at: sql<Date>`now()` })
        .where('id', '=', user.id)
        .where('reminders_enabled', '!=', enabled)
        .returning('id')
        .executeTakeFirst();
      if (before)
        await recordAudit(app.db, {
          actorId: user.id,
          action: 'profile.reminders',
          subjectUserId: user.id,
          detail: { enabled },
        });
      return reply
        .flash(enabled ? 'profile.reminders.on' : 'profile.reminders.off')
        .redirect('/account', 303);
    },
  );
}
