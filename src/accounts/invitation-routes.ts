/**
 * /invitation/:token: a person an admin added or imported sets their password. The link reached
 * their address, so the address counts as confirmed (as a reset link's does); they are signed in
 * at once. The link works once, for 7 days, and only the latest one sent.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  collectErrors,
  newPasswordTwice,
  PASSWORD_MIN,
  schemaErrors,
  type FieldErrors,
} from '../web/forms.js';
import { Csrf, FormText } from '../web/schemas.js';
import { hashPassword } from './passwords.js';
import { resetPassword } from './reset.js';
import { TokenParams } from './link-page.js';
import { endSession } from './sessions.js';
import { findToken } from './tokens.js';
import { findUserById } from './users.js';

const PasswordBody = Type.Object({
  _csrf: Csrf,
  password: FormText(1000),
  confirm: FormText(1000),
});

export async function invitationRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  /** The link and its person, or undefined when it is used, expired, replaced or unknown. */
  const invitation = async (token: string) => {
    const found = await findToken(app.db, token, 'invitation');
    const user = found ? await findUserById(app.db, found.userId) : undefined;
    return found && user ? { token: found, user } : undefined;
  };
  // The token is in the address: no Referer carries it away, no cache keeps the page (not
  // `no-referrer`: browsers would then send `Origin: null` with the form, which is refused).
  const show = (
    reply: FastifyReply,
    data: { person?: { name: string; email: string }; errors?: FieldErrors },
    status = 200,
  ) =>
    reply
      .header('referrer-policy', 'strict-origin')
      .header('cache-control', 'no-store')
      .render(
        'accounts/invitation',
        { errors: {}, ...data, passwordMin: PASSWORD_MIN, titleKey: 'people.invitation.title' },
        { status },
      );

  app.get('/invitation/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    const found = await invitation(request.params.token);
    if (!found) return show(reply, {}, 410);
    return show(reply, { person: found.user });
  });

  app.post(
    '/invitation/:token',
    {
      schema: { params: TokenParams, body: PasswordBody },
      attachValidation: true,
      // As the reset form: guessing at links or hammering the form meets the login limit.
      config: { rateLimit: { max: app.config.rateLimits.login, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const found = await invitation(request.params.token);
      if (!found) return show(reply, {}, 410);
      const body = request.body ?? {};
      const errors: FieldErrors = {
        ...collectErrors(newPasswordTwice(body.password, body.confirm)),
        ...schemaErrors(request),
      };
      if (Object.keys(errors).length > 0) return show(reply, { person: found.user, errors }, 422);

      // All or nothing, as a reset link: used once (even when the form is sent twice at once),
      // the password set, the other links void, the address confirmed, every session ended.
      const done = await resetPassword(
        app.db,
        found.token,
        await hashPassword(body.password ?? ''),
      );
      if (!done.ok) return show(reply, {}, 410);
      // Whoever was signed in on this browser is signed out: it is this person's now.
      const own = request.appCookie('session');
      const ended = own
        ? [...done.endedSessions, await endSession(app.db, own)]
        : done.endedSessions;
      await reply.endSessions(ended);
      await reply.startSession(found.user.id);
      request.log.info({ userId: found.user.id }, 'invitation accepted, password set');
      return reply.flash('people.invitation.done', { name: found.user.name }).redirect('/', 303);
    },
  );
}
