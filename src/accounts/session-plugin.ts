import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createSession, extendSessionIfStale, findSessionUser, readSnapshot, SESSION_COOKIE, signSnapshot, SNAPSHOT_COOKIE, SNAPSHOT_SECONDS, type SessionUser } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyReply {
    /** Starts a session for a user who just proved who they are. */
    startSession(userId: number): Promise<void>;
  }
}

const PASSWORD_CHANGE_PATHS = ['/account', '/logout', '/locale', '/assets/'];

/**
 * Resolves the session cookie to a user on every request that needs it: one indexed query, or for
 * learners none at all while their signed snapshot is fresh (see SNAPSHOT_COOKIE).
 */
async function sessionPlugin(app: FastifyInstance): Promise<void> {
  const secure = app.config.env === 'production';
  const cookieOptions = (expires: Date) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure, expires });

  app.decorateRequest('user', null);

  app.decorateReply('startSession', async function startSession(this: FastifyReply, userId: number) {
    const { token, expiresAt } = await createSession(app.db, userId);
    this.setCookie(SESSION_COOKIE, token, cookieOptions(expiresAt));
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.config?.skipSession) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const trusted = readSnapshot(app.config.sessionSecret, token, request.cookies[SNAPSHOT_COOKIE]);
    if (trusted) {
      request.user = trusted;
    } else {
      const found = await findSessionUser(app.db, token);
      if (!found) {
        reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(SNAPSHOT_COOKIE, { path: '/' });
        return;
      }
      const { expiresAt, ...user } = found;
      request.user = user;
      const renewed = await extendSessionIfStale(app.db, user.sessionId, expiresAt);
      if (renewed) reply.setCookie(SESSION_COOKIE, token, cookieOptions(renewed));
      if (user.role === 'learner') reply.setCookie(SNAPSHOT_COOKIE, signSnapshot(app.config.sessionSecret, token, user), { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SNAPSHOT_SECONDS });
    }
    const user = request.user;

    // The generated first admin must replace the one-time password before doing anything else.
    if (user.mustChangePassword && request.method === 'GET' && !PASSWORD_CHANGE_PATHS.some((path) => request.url.startsWith(path))) {
      return reply.redirect('/account', 303);
    }
  });
}

export default fp(sessionPlugin, { name: 'lantern-session', dependencies: ['lantern-db', 'lantern-security'] });
