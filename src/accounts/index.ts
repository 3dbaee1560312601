import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { adminRoutes } from './admin-routes.js';
import { dataRoutes } from './data-routes.js';
import { emailChangeRoutes } from './email-change-routes.js';
import { importRoutes } from './import-routes.js';
import { invitationRoutes } from './invitation-routes.js';
import { peopleRoutes } from './people-routes.js';
import { profileRoutes } from './profile-routes.js';
import { resetRoutes } from './reset-routes.js';
import { accountRoutes } from './routes.js';
import sessionPlugin from './session-plugin.js';
import { deleteExpiredSessions } from './sessions.js';
import { pruneTokens } from './tokens.js';
import { verificationRoutes } from './verification-routes.js';

export { requireLogin, requireRole, signedIn } from './guard.js';
export { ensureFirstAdmin } from './bootstrap.js';
export { hashPassword } from './passwords.js';
export { createUser, findUserByEmail, hasRole, isRole, normaliseEmail } from './users.js';
export { recordAudit } from '../audit/record.js';
export type { SessionUser } from './sessions.js';

/** Users, passwords, sessions and roles: registration, login, the account page and user administration. */
async function accountsPlugin(app: FastifyInstance): Promise<void> {
  await app.register(sessionPlugin);
  app.every('prune-expired-sessions', 3600_000, () => deleteExpiredSessions(app.db));
  // Used and expired links are of no use to anyone (kept a day, see pruneTokens).
  app.every('prune-account-tokens', 24 * 3600_000, () => pruneTokens(app.db));
  await app.register(accountRoutes);
  await app.register(profileRoutes);
  await app.register(emailChangeRoutes);
  await app.register(dataRoutes);
  await app.register(resetRoutes);
  await app.register(verificationRoutes);
  await app.register(adminRoutes);
  // Each in its own scope: the admin guard, and the multipart parser for the import only.
  await app.register(peopleRoutes);
  await app.register(importRoutes);
  await app.register(invitationRoutes);
}

export default fp(accountsPlugin, {
  name: 'lantern-accounts',
  dependencies: ['lantern-db', 'lantern-view', 'lantern-jobs'],
});
