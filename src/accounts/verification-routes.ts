import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { isolate } from '../web/i18n/index.js';
import { safeNextPath } from '../web/locale.js';
import { Csrf, FormText } from '../web/schemas.js';
import { WindowCounter } from '../web/window-counter.js';
import { requireLogin, signedIn } from './guard.js';
import { linkPageHeaders, TokenParams } from './link-page.js';
import { findToken } from './tokens.js';
import { findUserById } from './users.js';
import { sendVerificationLink, verifyWithToken } from './verification.js';

/** Links one person may ask for again in an hour (each replaces the one before). */
export const VERIFICATION_RESENDS_PER_HOUR = 3;

const ResendBody = Type.Object({ _csrf: Csrf, next: FormText() });
const CsrfBody = Type.Optional(Type.Object({ _csrf: Csrf }));

/** The link that confirms an address, and "send the link again" for a signed-in person. */
export async function verificationRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const perPerson = new WindowCounter(VERIFICATION_RESENDS_PER_HOUR, 3600_000);
  const resendLimit = { rateLimit: { max: app.config.rateLimits.register, timeWindow: 60_000 } };

  /** The page of a link that no longer works (or, for a confirmed person, says so). */
  const showUnusable = async (request: FastifyRequest, reply: FastifyReply) => {
    const self = request.user ? await findUserById(app.db, request.user.id) : undefined;
    if (self?.email_verified_at)
      return reply.render('accounts/verify', {
        state: 'already',
        email: self.email,
        titleKey: 'access.verify.title',
      });
    return reply.render(
      'accounts/verify',
      { state: 'invalid', titleKey: 'access.verify.invalidTitle' },
      { status: 410 },
    );
  };

  // Opening the link changes nothing (mail scanners open links): its page has a button, whose
  // form confirms. Whoever holds the link received it at that address: no session is needed.
  app.get(
    '/email/verify/:token',
    { schema: { params: TokenParams }, onSend: linkPageHeaders },
    async (request, reply) => {
      const valid = await findToken(app.db, request.params.token, 'verification');
      const owner = valid ? await findUserById(app.db, valid.userId) : undefined;
      // Sent to an address the person no longer has: it would confirm nothing.
      if (!valid || !owner || owner.email !== valid.data.email) return showUnusable(request, reply);
      return reply.render('accounts/verify', {
        state: 'ask',
        token: request.params.token,
        email: owner.email,
        titleKey: 'access.verify.askTitle',
      });
    },
  );

  app.post(
    '/email/verify/:token',
    { schema: { params: TokenParams, body: CsrfBody }, onSend: linkPageHeaders },
    async (request, reply) => {
      const valid = await findToken(app.db, request.params.token, 'verification');
      const result = valid ? await verifyWithToken(app.db, valid) : { ok: false as const };
      if (!result.ok) return showUnusable(request, reply);
      // This browser's signed snapshot still says "not confirmed": have the next page read it afresh.
      if (request.user?.id === result.userId) reply.clearAppCookie('seen');
      return reply.render('accounts/verify', {
        state: 'confirmed',
        email: result.email,
        certificates: result.certificates,
        titleKey: 'access.verify.title',
      });
    },
  );

  app.post(
    '/account/verification',
    {
      schema: { body: ResendBody },
      attachValidation: true,
      preHandler: requireLogin,
      config: resendLimit,
    },
    async (request, reply) => {
      const next = safeNextPath(request.body?.next, '/account');
      const user = await findUserById(app.db, signedIn(request).id);
      if (!user) return reply.redirect('/login', 303);
      if (user.email_verified_at) {
        reply.clearAppCookie('seen');
        return reply.flash('access.verify.already').redirect(next, 303);
      }
      const wait = perPerson.hit(String(user.id));
      if (wait > 0)
        return reply
          .flash('access.verify.resendLater', { minutes: String(Math.ceil(wait / 60)) })
          .redirect(next, 303);
      await sendVerificationLink(app, user);
      return reply.flash('access.verify.sent', { email: isolate(user.email) }).redirect(next, 303);
    },
  );
}
