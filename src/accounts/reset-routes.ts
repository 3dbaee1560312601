import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  collectErrors,
  emailAddress,
  newPasswordTwice,
  PASSWORD_MIN,
  schemaErrors,
  type FieldErrors,
} from '../web/forms.js';
import { Csrf, FormText } from '../web/schemas.js';
import { WindowCounter } from '../web/window-counter.js';
import { hashPassword } from './passwords.js';
import { resetPassword, RESETS_PER_ADDRESS_PER_HOUR, sendResetLink } from './reset.js';
import { endSession } from './sessions.js';
import { TokenParams } from './link-page.js';
import { findToken } from './tokens.js';
import { findUserByEmail, findUserById, normaliseEmail } from './users.js';

const ForgotBody = Type.Object({ _csrf: Csrf, email: FormText(500) });
const ResetBody = Type.Object({ _csrf: Csrf, password: FormText(1000), confirm: FormText(1000) });

/**
 * "Forgot your password?": the request answers the same, in the same time, whether or not the
 * address has an account (the lookup and the email happen after the answer, off the request);
 * the link's page sets a new password and signs the person in.
 */
export async function resetRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  // Per client address: the limit of the other anonymous forms that send email (registration).
  const requestLimit = { rateLimit: { max: app.config.rateLimits.register, timeWindow: 60_000 } };
  const passwordLimit = { rateLimit: { max: app.config.rateLimits.login, timeWindow: 60_000 } };
  // Per address typed, whoever asks: a mailbox is not flooded with links.
  const perAddress = new WindowCounter(RESETS_PER_ADDRESS_PER_HOUR, 3600_000);

  // Work done after the answer; waited for when the app closes, so no link is lost at a restart.
  const running = new Set<Promise<void>>();
  const afterAnswer = (work: () => Promise<void>) => {
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => app.log.error({ err: error }, 'password reset email not queued'))
      .finally(() => running.delete(task));
    running.add(task);
  };
  app.addHook('onClose', async () => {
    await Promise.all(running);
  });

  const showForgot = (
    reply: FastifyReply,
    data: { email: string; errors?: FieldErrors; sent?: boolean; waitMinutes?: number },
    status = 200,
  ) =>
    reply.render(
      'accounts/forgot',
      {
        values: { email: data.email },
        errors: data.errors ?? {},
        ...data,
        titleKey: 'access.forgot.title',
      },
      { status },
    );

  app.get('/password/forgot', async (_request, reply) => showForgot(reply, { email: '' }));

  app.post(
    '/password/forgot',
    { schema: { body: ForgotBody }, attachValidation: true, config: requestLimit },
    async (request, reply) => {
      const email = (request.body?.email ?? '').trim();
      const errors = { ...collectErrors({ email: emailAddress(email) }), ...schemaErrors(request) };
      if (Object.keys(errors).length > 0) return showForgot(reply, { email, errors }, 422);
      const wait = perAddress.hit(normaliseEmail(email));
      if (wait > 0) return showForgot(reply, { email, waitMinutes: Math.ceil(wait / 60) }, 429);
      afterAnswer(async () => {
        const user = await findUserByEmail(app.db, email);
        if (user) await sendResetLink(app, user);
      });
      return showForgot(reply, { email, sent: true });
    },
  );

  // The token is in the address: no request from the page carries it in its Referer, not even
  // to this site (not `no-referrer`: browsers would then send `Origin: null` with the form).
  const showReset = async (
    reply: FastifyReply,
    token: string,
    errors: FieldErrors = {},
    status = 200,
  ) => {
    reply.header('referrer-policy', 'strict-origin');
    const valid = await findToken(app.db, token, 'reset');
    const user = valid ? await findUserById(app.db, valid.userId) : undefined;
    if (!valid || !user)
      return reply.render(
        'accounts/reset',
        { invalid: true, titleKey: 'access.reset.invalidTitle' },
        { status: 410 },
      );
    return reply.render(
      'accounts/reset',
      {
        invalid: false,
        token,
        email: user.email,
        errors,
        passwordMin: PASSWORD_MIN,
        titleKey: 'access.reset.title',
      },
      { status },
    );
  };

  app.get('/password/reset/:token', { schema: { params: TokenParams } }, async (request, reply) =>
    showReset(reply, request.params.token),
  );

  app.post(
    '/password/reset/:token',
    {
      schema: { params: TokenParams, body: ResetBody },
      attachValidation: true,
      config: passwordLimit,
    },
    async (request, reply) => {
      const { token } = request.params;
      const body = request.body ?? {};
      const errors: FieldErrors = {
        ...collectErrors(newPasswordTwice(body.password, body.confirm)),
        ...schemaErrors(request),
      };
      if (Object.keys(errors).length > 0) return showReset(reply, token, errors, 422);
      const valid = await findToken(app.db, token, 'reset');
      if (!valid) return showReset(reply, token);
      const result = await resetPassword(app.db, valid, await hashPassword(body.password ?? ''));
      if (!result.ok) return showReset(reply, token);

      // Every session of the person ends, everywhere; so does this browser's own, whoever it was.
      const current = request.appCookie('session');
      const ended = [...result.endedSessions];
      if (current) ended.push(await endSession(app.db, current));
      await reply.endSessions([...new Set(ended)]);
      await reply.startSession(valid.userId);
      request.log.info({ userId: valid.userId }, 'password reset');
      return reply.flash('access.reset.done').redirect('/', 303);
    },
  );
}
