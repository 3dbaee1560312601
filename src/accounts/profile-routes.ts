/**
 * /account for every role: name and language, email address (confirmed by the button on the page
 * of a link sent to the new address; the old one is told), password, and the trainers' reminders.
 * Every change is written to the audit log, with the person as actor and subject; no address or
 * name goes into it.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { Type } from 'typebox';
import { recordAudit } from '../audit/record.js';
import type { Database, Locale } from '../db/database.js';
import {
  collectErrors,
  emailAddress,
  newPassword,
  PASSWORD_MIN,
  requiredText,
  schemaErrors,
  type FieldErrors,
} from '../web/forms.js';
import { isLocale } from '../web/i18n/index.js';
import { LOCALE_COOKIE_SECONDS } from '../web/locale.js';
import { Csrf, FormText } from '../web/schemas.js';
import { requireLogin, signedIn } from './guard.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { changePassword } from './reset.js';
import { findToken, issueToken, useToken, voidTokens, type ValidToken } from './tokens.js';
import { findUserById, normaliseEmail } from './users.js';
import { markAddressConfirmed } from './verification.js';

const DetailsBody = Type.Object({ _csrf: Csrf, name: FormText(500), locale: FormText(10) });
const EmailBody = Type.Object({ _csrf: Csrf, email: FormText(500), emailPassword: FormText(1000) });
const PasswordBody = Type.Object({
  _csrf: Csrf,
  current: FormText(1000),
  password: FormText(1000),
  confirm: FormText(1000),
});
const RemindersBody = Type.Object({ _csrf: Csrf, reminders: FormText(10) });
const CsrfBody = Type.Optional(Type.Object({ _csrf: Csrf }));
const TokenParams = Type.Object({ token: Type.String({ maxLength: 200 }) });

/** An address keeps its own direction inside a sentence (a Latin address on an Arabic page). */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * The page of an emailed link: never stored by a cache, and its token (in the address) in no
 * Referer, not even to this site (not `no-referrer`: browsers would then send `Origin: null`
 * with its form, which the origin check refuses). Set as the answer is sent, whichever it is
 * (the page, a refusal, the redirect after the form).
 */
export async function linkPageHeaders(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  reply.header('cache-control', 'private, no-store').header('referrer-policy', 'strict-origin');
  return payload;
}

/** Which form of the page a problem belongs to (its error summary is shown there). */
type Section = 'details' | 'email' | 'password';

export async function profileRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  // Every form that checks a password shares login's limit per client address.
  const passwordLimit = { rateLimit: { max: app.config.rateLimits.login, timeWindow: 60_000 } };

  /** The new address waiting for its link to be opened, if any. */
  const pendingEmail = (userId: number) =>
    app.db
      .selectFrom('account_tokens')
      .select([sql<string>`data ->> 'email'`.as('email'), 'expires_at'])
      .where('user_id', '=', userId)
      .where('purpose', '=', 'email_change')
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .orderBy('id', 'desc')
      .executeTakeFirst();

  const showAccount = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { section?: Section; values?: Record<string, string>; errors?: FieldErrors } = {},
    status = 200,
  ) => {
    const user = signedIn(request);
    const account = await findUserById(app.db, user.id);
    if (!account) return reply.redirect('/login', 303);
    return reply.render(
      'accounts/account',
      {
        account,
        pending: await pendingEmail(user.id),
        section: form.section,
        values: { name: account.name, locale: account.locale, ...form.values },
        errors: form.errors ?? {},
        passwordMin: PASSWORD_MIN,
      },
      { status },
    );
  };

  app.get('/account', { preHandler: requireLogin }, async (request, reply) =>
    showAccount(request, reply),
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
          name: requiredText(values.name, 120),
          locale: isLocale(values.locale) ? undefined : { key: 'form.error.locale' as const },
        }),
        ...schemaErrors(request),
      };
      if (Object.keys(errors).length > 0 || !isLocale(values.locale))
        return showAccount(request, reply, { section: 'details', values, errors }, 422);
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

  // The address changes only when the link sent to it is opened. The answer here is the same
  // whether or not another account uses the new address: that is found out at confirmation, by
  // whoever reads that mailbox, and nobody else.
  app.post(
    '/account/email',
    {
      schema: { body: EmailBody },
      attachValidation: true,
      preHandler: requireLogin,
      config: passwordLimit,
    },
    async (request, reply) => {
      const user = signedIn(request);
      const body = request.body ?? {};
      const email = (body.email ?? '').trim();
      const errors: FieldErrors = {
        ...collectErrors({
          email: emailAddress(email),
          emailPassword: body.emailPassword ? undefined : { key: 'form.error.required' as const },
        }),
        ...schemaErrors(request),
      };
      if (!errors.email && normaliseEmail(email) === user.email)
        errors.email = { key: 'profile.email.same' };
      if (Object.keys(errors).length === 0) {
        const account = await findUserById(app.db, user.id);
        if (!(await verifyPassword(account?.password_hash, body.emailPassword ?? '')))
          errors.emailPassword = { key: 'account.wrongPassword' };
      }
      if (Object.keys(errors).length > 0)
        return showAccount(request, reply, { section: 'email', values: { email }, errors }, 422);

      const newEmail = normaliseEmail(email);
      const token = await issueToken(app.db, user.id, 'email_change', { email: newEmail });
      await app.mail.send(
        newEmail,
        {
          kind: 'emailChange',
          locale: user.locale,
          name: user.name,
          link: app.mail.link(`/account/email/${token}`),
        },
        user.id,
      );
      await app.mail.send(
        user.email,
        { kind: 'emailChanged', locale: user.locale, name: user.name, params: { newEmail } },
        user.id,
      );
      await recordAudit(app.db, {
        actorId: user.id,
        action: 'profile.emailRequest',
        subjectUserId: user.id,
      });
      request.log.info({ userId: user.id }, 'email change requested');
      return reply
        .flash('profile.email.sent', { email: isolate(newEmail) })
        .redirect('/account', 303);
    },
  );

  app.post(
    '/account/email/cancel',
    { schema: { body: CsrfBody }, preHandler: requireLogin },
    async (request, reply) => {
      const user = signedIn(request);
      await voidTokens(app.db, user.id, ['email_change']);
      return reply.flash('profile.email.cancelled').redirect('/account', 303);
    },
  );

  // The link in the message to the new address. It proves the mailbox, but opening it changes
  // nothing (mail scanners open links): its page has a button, whose form does. It needs no
  // session (it may be opened on another device), but is refused to another signed-in account.
  type Refusal = 'linkInvalid' | 'otherAccount' | 'taken';
  const refusalStatus: Record<Refusal, number> = {
    linkInvalid: 410,
    otherAccount: 403,
    taken: 409,
  };
  const refuseLink = (reply: FastifyReply, refusal: Refusal, email = '') =>
    reply.render(
      'accounts/email-link',
      { message: `profile.email.${refusal}`, email, titleKey: 'profile.email.confirmTitle' },
      { status: refusalStatus[refusal] },
    );
  /** The link's token and the new address, or why it is refused (nothing is changed here). */
  const readLink = async (
    request: FastifyRequest,
    token: string,
  ): Promise<{ found: ValidToken; email: string } | { refusal: Refusal }> => {
    const found = await findToken(app.db, token, 'email_change');
    const email = typeof found?.data.email === 'string' ? found.data.email : '';
    if (!found || !email) return { refusal: 'linkInvalid' };
    if (request.user && request.user.id !== found.userId) return { refusal: 'otherAccount' };
    return { found, email };
  };
  /** Whether another account uses the address (checked again in the change's transaction). */
  const takenByOther = async (db: Kysely<Database>, userId: number, email: string) =>
    (await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .where('id', '!=', userId)
      .executeTakeFirst()) !== undefined;

  app.get(
    '/account/email/:token',
    { schema: { params: TokenParams }, config: passwordLimit, onSend: linkPageHeaders },
    async (request, reply) => {
      const link = await readLink(request, request.params.token);
      if ('refusal' in link) return refuseLink(reply, link.refusal);
      // Said at once: no button that could only lead to a refusal.
      if (await takenByOther(app.db, link.found.userId, link.email))
        return refuseLink(reply, 'taken', link.email);
      return reply.render('accounts/email-link', {
        token: request.params.token,
        email: link.email,
        titleKey: 'profile.email.confirmTitle',
      });
    },
  );

  app.post(
    '/account/email/:token',
    {
      schema: { params: TokenParams, body: CsrfBody },
      config: passwordLimit,
      onSend: linkPageHeaders,
    },
    async (request, reply) => {
      const link = await readLink(request, request.params.token);
      if ('refusal' in link) return refuseLink(reply, link.refusal);
      const { found, email } = link;
      const outcome = await app.db
        .transaction()
        .execute(async (trx) => {
          if (await takenByOther(trx, found.userId, email)) return 'taken' as const;
          if (!(await useToken(trx, found.id))) return 'used' as const;
          await trx
            .updateTable('users')
            .set({ email, updated_at: sql<Date>`now()` })
            .where('id', '=', found.userId)
            .execute();
          // The link proved the new address: confirmed, with the certificates that waited for it.
          await markAddressConfirmed(trx, found.userId);
          // Links sent to the old address (a reset, a verification) no longer lead anywhere.
          await voidTokens(trx, found.userId, ['reset', 'verification']);
          await recordAudit(trx, {
            actorId: found.userId,
            action: 'profile.emailChange',
            subjectUserId: found.userId,
          });
          return 'changed' as const;
        })
        .catch((error: unknown) => {
          // Another account took the address between the check and the update.
          if ((error as { code?: string }).code === '23505') return 'taken' as const;
          throw error;
        });
      if (outcome === 'taken') return refuseLink(reply, 'taken', email);
      if (outcome === 'used') return refuseLink(reply, 'linkInvalid');
      request.log.info({ userId: found.userId }, 'email changed');
      if (request.user) reply.clearAppCookie('seen');
      return reply
        .flash('profile.email.changed', { email: isolate(email) })
        .redirect('/account', 303);
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
          password: newPassword(body.password),
          confirm:
            body.confirm === body.password ? undefined : { key: 'form.error.mismatch' as const },
        }),
        ...schemaErrors(request),
      };
      if (Object.keys(errors).length === 0) {
        const user = await findUserById(app.db, sessionUser.id);
        if (!(await verifyPassword(user?.password_hash, body.current ?? '')))
          errors.current = { key: 'account.wrongPassword' };
      }
      if (Object.keys(errors).length > 0)
        return showAccount(request, reply, { section: 'password', errors }, 422);
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
