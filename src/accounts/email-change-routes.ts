/**
 * Changing one's email address from /account: the form (the current password, then a link to the
 * new address), cancelling a pending change, and the link's page, whose button makes the change.
 * Every step is written to the audit log with the person as actor and subject, without addresses.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { collectErrors, emailAddress, schemaErrors, type FieldErrors } from '../web/forms.js';
import { isolate } from '../web/i18n/index.js';
import { Csrf, FormText } from '../web/schemas.js';
import { showAccount } from './account-page.js';
import { confirmEmailChange, isTakenByOther, requestEmailChange } from './email-change.js';
import { requireLogin, signedIn } from './guard.js';
import { linkPageHeaders, TokenParams } from './link-page.js';
import { checkCurrentPassword } from './passwords.js';
import { findToken, voidTokens, type ValidToken } from './tokens.js';
import { normaliseEmail } from './users.js';

const EmailBody = Type.Object({ _csrf: Csrf, email: FormText(500), emailPassword: FormText(1000) });
const CsrfBody = Type.Optional(Type.Object({ _csrf: Csrf }));

/** Why the link's page refuses, and the status it answers with. */
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

export async function emailChangeRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  // Every form that checks a password shares login's limit per client address.
  const passwordLimit = { rateLimit: { max: app.config.rateLimits.login, timeWindow: 60_000 } };

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
      await checkCurrentPassword(
        app.db,
        user.id,
        body.emailPassword ?? '',
        errors,
        'emailPassword',
      );
      if (Object.keys(errors).length > 0)
        return showAccount(
          app,
          request,
          reply,
          { section: 'email', values: { email }, errors },
          422,
        );

      const newEmail = normaliseEmail(email);
      await requestEmailChange(app, user, newEmail);
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

  app.get(
    '/account/email/:token',
    { schema: { params: TokenParams }, config: passwordLimit, onSend: linkPageHeaders },
    async (request, reply) => {
      const link = await readLink(request, request.params.token);
      if ('refusal' in link) return refuseLink(reply, link.refusal);
      // Said at once: no button that could only lead to a refusal.
      if (await isTakenByOther(app.db, link.found.userId, link.email))
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
      const outcome = await confirmEmailChange(app.db, found, email);
      if (outcome === 'taken') return refuseLink(reply, 'taken', email);
      if (outcome === 'used') return refuseLink(reply, 'linkInvalid');
      request.log.info({ userId: found.userId }, 'email changed');
      if (request.user) reply.clearAppCookie('seen');
      return reply
        .flash('profile.email.changed', { email: isolate(email) })
        .redirect('/account', 303);
    },
  );
}
