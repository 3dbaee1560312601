import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../db/database.js';
import { collectErrors, emailAddress, newPassword, PASSWORD_MIN, requiredText, text, type FieldErrors } from '../web/forms.js';
import { isLocale } from '../web/i18n/index.js';
import { LOCALE_COOKIE_SECONDS, safeNextPath } from '../web/locale.js';
import { requireLogin } from './guard.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { endOtherSessions, endSession } from './sessions.js';
import { createUser, findUserByEmail, findUserById, setUserPassword } from './users.js';

type RegisterBody = { name?: string; email?: string; password?: string; locale?: string };
type LoginBody = { email?: string; password?: string; next?: string };
type PasswordBody = { current?: string; password?: string; confirm?: string };

export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const loginLimit = { rateLimit: { max: app.config.rateLimits.login, timeWindow: 60_000 } };
  const registerLimit = { rateLimit: { max: app.config.rateLimits.register, timeWindow: 60_000 } };

  const showRegister = (reply: FastifyReply, values: Record<string, string>, errors: FieldErrors = {}, status = 200) =>
    reply.render('accounts/register', { values, errors, passwordMin: PASSWORD_MIN }, { status });

  app.get('/register', async (request, reply) => showRegister(reply, { locale: request.locale }));

  app.post<{ Body: RegisterBody }>('/register', { config: registerLimit }, async (request, reply) => {
    const values = { name: text(request.body?.name), email: text(request.body?.email), locale: text(request.body?.locale) };
    const errors = collectErrors({
      name: requiredText(values.name, 120),
      email: emailAddress(values.email),
      password: newPassword(request.body?.password),
      locale: isLocale(values.locale) ? undefined : { key: 'form.error.locale' as const },
    });
    if (Object.keys(errors).length > 0) return showRegister(reply, values, errors, 422);

    // Hash first, whatever happens next, so a taken email answers as slowly as a new one.
    const passwordHash = await hashPassword(request.body!.password!);
    const locale = values.locale as Locale;
    const user = await createUser(app.db, { email: values.email, name: values.name, passwordHash, role: 'learner', locale });
    if (user) request.log.info({ userId: user.id }, 'account registered');
    // The same answer whether or not the email was already registered: nothing to learn here.
    reply.setAppCookie('locale', locale, { maxAge: LOCALE_COOKIE_SECONDS });
    return reply.flash('register.done').redirect('/login', 303);
  });

  app.get<{ Querystring: { next?: string } }>('/login', async (request, reply) => {
    if (request.user) return reply.redirect(safeNextPath(request.query.next), 303);
    return reply.render('accounts/login', { values: { next: safeNextPath(request.query.next, '') }, failed: false });
  });

  app.post<{ Body: LoginBody }>('/login', { config: loginLimit }, async (request, reply) => {
    const email = text(request.body?.email);
    const password = typeof request.body?.password === 'string' ? request.body.password : '';
    const next = safeNextPath(request.body?.next, '');
    const user = email && password ? await findUserByEmail(app.db, email) : undefined;
    const valid = await verifyPassword(user?.password_hash, password);
    if (!user || !valid) return reply.render('accounts/login', { values: { email, next }, failed: true }, { status: 401 });
    await reply.startSession(user.id);
    request.log.info({ userId: user.id }, 'logged in');
    return reply.redirect(user.must_change_password ? '/account' : next || '/', 303);
  });

  app.get('/logout', async (request, reply) => {
    if (!request.user) return reply.redirect('/', 303);
    return reply.render('accounts/logout');
  });

  app.post('/logout', async (request, reply) => {
    const token = request.appCookie('session');
    if (token) await reply.endSessions([await endSession(app.db, token)]);
    // Nothing of this browser's signed-in state outlives the logout, the CSRF secret included.
    reply.clearAppCookie('session').clearAppCookie('seen').clearAppCookie('csrf');
    return reply.flash('logout.done').redirect('/', 303);
  });

  const showAccount = (request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, status = 200) =>
    reply.render('accounts/account', { errors, passwordMin: PASSWORD_MIN }, { status });

  app.get('/account', { preHandler: requireLogin }, async (request, reply) => showAccount(request, reply));

  app.post<{ Body: PasswordBody }>('/account/password', { preHandler: requireLogin, config: loginLimit }, async (request, reply) => {
    const sessionUser = request.user!;
    const body = request.body ?? {};
    const errors = collectErrors({
      current: typeof body.current === 'string' && body.current !== '' ? undefined : { key: 'form.error.required' as const },
      password: newPassword(body.password),
      confirm: body.confirm === body.password ? undefined : { key: 'form.error.mismatch' as const },
    });
    if (Object.keys(errors).length === 0) {
      const user = await findUserById(app.db, sessionUser.id);
      if (!(await verifyPassword(user?.password_hash, body.current!))) errors.current = { key: 'account.wrongPassword' };
    }
    if (Object.keys(errors).length > 0) return showAccount(request, reply, errors, 422);
    await setUserPassword(app.db, sessionUser.id, await hashPassword(body.password!));
    await reply.endSessions(await endOtherSessions(app.db, sessionUser.id, sessionUser.sessionId));
    reply.clearAppCookie('seen');
    return reply.flash('account.passwordChanged').redirect('/account', 303);
  });
}
