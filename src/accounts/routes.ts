import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
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
import { LOCALE_COOKIE_SECONDS, safeNextPath } from '../web/locale.js';
import { Csrf, FormText } from '../web/schemas.js';
import { requireLogin, signedIn } from './guard.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { endOtherSessions, endSession } from './sessions.js';
import {
  createUser,
  findUserByEmail,
  findUserById,
  setUserLocale,
  setUserPassword,
} from './users.js';

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
const PasswordBody = Type.Object({
  _csrf: Csrf,
  current: FormText(1000),
  password: FormText(1000),
  confirm: FormText(1000),
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
          name: requiredText(values.name, 120),
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
        await reply.startSession(user.id);
        return reply
          .flash('register.welcome', { name: user.name })
          .redirect(values.next || '/', 303);
      }
      // The address has an account: its owner is told to log in (a password typed here is never
      // checked, so the form is no second way to guess one). A new account is signed in at once,
      // so this cannot look like a success; the registration rate limit bounds what it reveals.
      return showRegister(reply, values, { email: { key: 'register.emailTaken' } }, 409);
    },
  );

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
      const user = email && password ? await findUserByEmail(app.db, email) : undefined;
      const valid = await verifyPassword(user?.password_hash, password);
      if (!user || !valid)
        return reply.render(
          'accounts/login',
          { values: { email, next }, failed: true },
          { status: 401 },
        );
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

  const showAccount = (reply: FastifyReply, errors: FieldErrors = {}, status = 200) =>
    reply.render('accounts/account', { errors, passwordMin: PASSWORD_MIN }, { status });

  app.get('/account', { preHandler: requireLogin }, async (_request, reply) => showAccount(reply));

  app.post(
    '/account/password',
    {
      schema: { body: PasswordBody },
      attachValidation: true,
      preHandler: requireLogin,
      config: loginLimit,
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
      if (Object.keys(errors).length > 0) return showAccount(reply, errors, 422);
      await setUserPassword(app.db, sessionUser.id, await hashPassword(body.password ?? ''));
      await reply.endSessions(
        await endOtherSessions(app.db, sessionUser.id, sessionUser.sessionId),
      );
      reply.clearAppCookie('seen');
      return reply.flash('account.passwordChanged').redirect('/account', 303);
    },
  );

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
