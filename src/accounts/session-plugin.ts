import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { EndedSessions } from './revocations.js';
import {
  createSession,
  extendSessionIfStale,
  findSessionUser,
  readSnapshot,
  signSnapshot,
  SNAPSHOT_SECONDS,
  type SessionUser,
} from './sessions.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Sessions ended moments ago, in every process: their snapshots are no longer trusted. */
    endedSessions: EndedSessions;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyReply {
    /** Starts a session for a user who just proved who they are. */
    startSession(userId: number): Promise<void>;
    /** Ends sessions (this browser's cookies are cleared when its own is among them). */
    endSessions(sessionIds: string[]): Promise<void>;
  }
}

/** What a person who must first replace a one-time password may still reach. */
const PASSWORD_CHANGE_PATHS = new Set(['/account', '/account/password', '/logout', '/locale']);
const mayWaitForPasswordChange = (url: string) => {
  const path = url.split('?')[0] ?? '';
  return PASSWORD_CHANGE_PATHS.has(path) || path.startsWith('/assets/');
};

/**
 * Resolves the session cookie to a user on every request that needs it: one indexed query, or for
 * learners none at all while their signed snapshot is fresh and the session was not ended.
 */
async function sessionPlugin(app: FastifyInstance): Promise<void> {
  const { sessionSecret } = app.config;
  const ended = new EndedSessions(
    app.dbKind === 'postgres'
      ? async (channel, payload) => {
          await sql`select pg_notify(${channel}, ${payload})`.execute(app.db);
        }
      : undefined,
    app.dbListen,
  );
  app.decorate('endedSessions', ended);
  app.addHook('onClose', async () => ended.close());
  app.decorateRequest('user', null);

  app.decorateReply(
    'startSession',
    async function startSession(this: FastifyReply, userId: number) {
      const { token, expiresAt } = await createSession(app.db, userId);
      this.setAppCookie('session', token, { expires: expiresAt });
      // A new CSRF secret with the new session: nothing issued before login is honoured after it.
      this.clearAppCookie('csrf').clearAppCookie('seen');
    },
  );

  app.decorateReply(
    'endSessions',
    async function endSessions(this: FastifyReply, sessionIds: string[]) {
      await ended.end(sessionIds);
      if (this.request.user && sessionIds.includes(this.request.user.sessionId))
        this.clearAppCookie('session').clearAppCookie('seen');
    },
  );

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.config?.skipSession) return;
    const token = request.appCookie('session');
    if (!token) return;
    const trusted = readSnapshot(sessionSecret, token, request.appCookie('seen'));
    if (trusted && ended.trusts(trusted.sessionId)) {
      request.user = trusted;
    } else {
      const found = await findSessionUser(app.db, token);
      if (!found) {
        reply.clearAppCookie('session').clearAppCookie('seen');
        return;
      }
      const { expiresAt, ...user } = found;
      request.user = user;
      const renewed = await extendSessionIfStale(app.db, user.sessionId, expiresAt);
      if (renewed) reply.setAppCookie('session', token, { expires: renewed });
      if (user.role === 'learner')
        reply.setAppCookie('seen', signSnapshot(sessionSecret, token, user), {
          maxAge: SNAPSHOT_SECONDS,
        });
    }

    // The generated first admin must replace the one-time password before doing anything else,
    // whatever the method: a form posted elsewhere is not carried out.
    if (request.user.mustChangePassword && !mayWaitForPasswordChange(request.url)) {
      return reply.redirect('/account', 303);
    }
  });
}

export default fp(sessionPlugin, {
  name: 'lantern-session',
  dependencies: ['lantern-db', 'lantern-security'],
});
