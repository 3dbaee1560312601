/**
 * The /account page, shown by its routes (profile-routes.ts) and by the email change's form
 * (email-change-routes.ts): a form shown again with its problems in the section it came from.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PASSWORD_MIN, type FieldErrors } from '../web/forms.js';
import { pendingEmail } from './email-change.js';
import { signedIn } from './guard.js';
import { findUserById } from './users.js';

/** Which form of the page a problem belongs to (its error summary is shown there). */
export type AccountSection = 'details' | 'email' | 'password';

export async function showAccount(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  form: { section?: AccountSection; values?: Record<string, string>; errors?: FieldErrors } = {},
  status = 200,
): Promise<FastifyReply> {
  const user = signedIn(request);
  const account = await findUserById(app.db, user.id);
  if (!account) return reply.redirect('/login', 303);
  return reply.render(
    'accounts/account',
    {
      account,
      pending: await pendingEmail(app.db, user.id),
      section: form.section,
      values: { name: account.name, locale: account.locale, ...form.values },
      errors: form.errors ?? {},
      passwordMin: PASSWORD_MIN,
    },
    { status },
  );
}
