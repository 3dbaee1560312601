import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { recordAudit } from '../audit/record.js';
import {
  collectErrors,
  emailAddress,
  newPassword,
  PASSWORD_MIN,
  personName,
  schemaErrors,
  type FieldErrors,
} from '../web/forms.js';
import { isLocale, isolate } from '../web/i18n/index.js';
import { LOCALE_COOKIE_SECONDS, safeNextPath } from '../web/locale.js';
import { Csrf, FormText } from '../web/schemas.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { LoginProtection, pauseMinutes } from './login-protection.js';
import { endSession } from './sessions.js';
import { createUser, findUserByEmail, setUserLocale } from './users.js';
import { sendVerificationLink } from './verification.js';

const RegisterBody = Type.Object({
  _csrf: Csrf,
  name: FormText(500),
  email: FormText(500),
  password: FormText(1000),
  locale: FormText(10),
  next: FormText(),
});
const LoginBody = Type.Object({
  _csrf: Csrf,
  email: FormText(500),
  password: FormText(1000),
  next: FormText(),
});
const LocaleBody = Type.Object({ _csrf: Csrf, locale: FormText(10), next: FormText() });
const NextQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) });

export async function accountRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const loginLimit = { rateLimit: { max: app.config.rateLimits.login, timeWindow: 60_000 } };
  const registerLimit = { rateLimit: { max: app.config.rateLimits.register, timeWindow: 60_000 } };

  const showRegister = (
    reply: FastifyReply,
    values: Record<string, string>,
    errors: FieldErrors = {},
    status = 200,
  ) => reply.render('accounts/register', { values, errors, passwordMin: PASSWORD_MIN }, { status });

  // `next`: where the person was going (a course page's "Create an account" carries it).
  app.get('/register', { schema: { querystring: NextQuery } }, async (request, reply) => {
    if (request.user) return reply.redirect(safeNextPath(request.query.next), 303);
    return showRegister(reply, {
      locale: request.locale,
      next: safeNextPath(request.query.next, ''),
    });
  });

  app.post(
    '/register',
    { schema: { body: RegisterBody }, attachValidation: true, config: registerLimit },
    async (request, reply) => {
      const body = request.body ?? {};
      const values = {
        name: (body.name ?? '').trim(),
        email: (body.email ?? '').trim(),
        locale: (body.locale ?? '').trim(),
        // Same rule as login's `next`: a path on this site, never another host.
        next: safeNextPath(body.next, ''),
      };
      const errors = {
        ...collectErrors({
          name: personName(values.name),
          email: emailAddress(values.email),
          password: newPassword(body.password),
          locale: isLocale(values.locale) ? undefined : { key: 'form.error.locale' as const },
        }),
        ...schemaErrors(request),
      };
      if (Object.keys(errors).length > 0 || !isLocale(values.locale))
        return showRegister(reply, values, errors, 422);

      const password = body.password ?? '';
      const user = await createUser(app.db, {
        email: values.email,
        name: values.name,
        passwordHash: await hashPassword(password),
        role: 'learner',
        locale: values.locale,
      });
      if (user) {
        reply.setAppCookie('locale', values.locale, { maxAge: LOCALE_COOKIE_SECONDS });
        // Signed in at once, and on to where they were going (the course they came from).
        request.log.info({ userId: user.id }, 'account registered');
        // Learning starts at once; the link confirms the address certificates are issued to.
        await sendVerificationLink(app, user);
        await reply.startSession(user.id);
        return reply
          .flash('access.register.welcome', { name: user.name, email: isolate(user.email) })
          .redirect(values.next || '/', 303);
      }
      // The address has an account: its owner is told to log in (a password typed here is never
      // checked, so the form is no second way to guess one). A new account is signed in at once,
      // so this cannot look like a success; the registration rate limit bounds what it reveals.
      return showRegister(reply, values, { email: { key: 'register.emailTaken' } }, 409);
    },
  );

  const protection = new LoginProtection(
    app.db,
    app.dbKind === 'postgres'
      ? async (channel, payload) => {
          await sql`select pg_notify(${channel}, ${payload})`.execute(app.db);
        }
      : undefined,
    app.dbListen,
    (error) => app.log.warn({ err: error }, 'login failure not shared with other processes'),
  );
  app.addHook('onClose', async () => protection.close());
  const showPaused = (reply: FastifyReply, values: Record<string, string>, until: Date) =>
    reply
      .header('retry-after', String(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000))))
      .render(
        'accounts/login',
        {
          values,
          failed: false,
          pausedMinutes: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000)),
        },
        { status: 429 },
      );
  // Written after the answer, so a pause of a real account takes no longer to answer.
  const auditPause = (userId: number, failures: number) =>
    void recordAudit(app.db, {
      actorId: null,
      action: 'login.paused',
      subjectUserId: userId,
      detail: { failures, minutes: pauseMinutes(failures) },
    }).catch((error: unknown) => app.log.error({ err: error }, 'login pause not audited'));

  app.get('/login', { schema: { querystring: NextQuery } }, async (request, reply) => {
    if (request.user) return reply.redirect(safeNextPath(request.query.next), 303);
    return reply.render('accounts/login', {
      values: { next: safeNextPath(request.query.next, '') },
      failed: false,
    });
  });

  app.post(
    '/login',
    { schema: { body: LoginBody }, attachValidation: true, config: loginLimit },
    async (request, reply) => {
      const body = request.body ?? {};
      const email = (body.email ?? '').trim();
      const password = request.validationError ? '' : (body.password ?? '');
      const next = safeNextPath(body.next, '');
      const attempt = email !== '' && password !== '';
      const user = attempt ? await findUserByEmail(app.db, email) : undefined;
      // Paused after repeated wrong passwords: the same answer, at once, for an unknown address.
      const paused = attempt ? protection.pausedUntil(email, user) : undefined;
      if (paused) return showPaused(reply, { email, next }, paused);
      const valid = await verifyPassword(user?.password_hash, password);
      // A deactivated or erased account fails as a wrong password does (and counts as one).
      if (!user || !valid || user.deactivated_at !== null || user.erased_at !== null) {
        const failure = attempt ? await protection.failed(email) : undefined;
        if (failure?.pausedUntil) {
          if (failure.userId !== undefined) auditPause(failure.userId, failure.failures);
          return showPaused(reply, { email, next }, failure.pausedUntil);
        }
        return reply.render(
          'accounts/login',
          { values: { email, next }, failed: true },
          { status: 401 },
        );
      }
      await protection.succeeded(user);
      await reply.startSession(user.id);
      request.log.info({ userId: user.id }, 'logged in');
      return reply.redirect(user.must_change_password ? '/account' : next || '/', 303);
    },
  );

  app.get('/logout', async (request, reply) => {
    if (!request.user) return reply.redirect('/', 303);
    return reply.render('accounts/logout');
  });

  app.post(
    '/logout',
    { schema: { body: Type.Optional(Type.Object({ _csrf: Csrf })) } },
    async (request, reply) => {
      const token = request.appCookie('session');
      if (token) await reply.endSessions([await endSession(app.db, token)]);
      // Nothing of this browser's signed-in state outlives the logout, the CSRF secret included.
      reply.clearAppCookie('session').clearAppCookie('seen').clearAppCookie('csrf');
      return reply.flash('logout.done').redirect('/', 303);
    },
  );

  // GET /account and its forms (password change included): profile-routes.ts; changing the
  // email address: email-change-routes.ts.

  // The language switcher is a plain form (works without JavaScript and without an account); the
  // choice is kept in a cookie, and on the account of a signed-in person.
  app.post(
    '/locale',
    { schema: { body: LocaleBody }, attachValidation: true },
    async (request, reply) => {
      const locale = request.body?.locale;
      const next = safeNextPath(request.body?.next);
      if (!isLocale(locale)) return reply.redirect(next, 303);
      reply.setAppCookie('locale', locale, { maxAge: LOCALE_COOKIE_SECONDS });
      if (request.user) {
        await setUserLocale(app.db, request.user.id, locale);
        // The signed session snapshot still says the old language: have the next page read it afresh.
        reply.clearAppCookie('seen');
      }
      return reply.redirect(next, 303);
    },
  );
}
