import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { adminRoutes } from './admin-routes.js';
import { accountRoutes } from './routes.js';
import sessionPlugin from './session-plugin.js';
import { deleteExpiredSessions } from './sessions.js';

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
  await app.register(accountRoutes);
  await app.register(adminRoutes);
}

export default fp(accountsPlugin, {
  name: 'lantern-accounts',
  dependencies: ['lantern-db', 'lantern-view', 'lantern-jobs'],
});
