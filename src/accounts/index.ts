import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Locale } from '../db/database.js';
import { adminRoutes } from './admin-routes.js';
import { accountRoutes } from './routes.js';
import sessionPlugin from './session-plugin.js';
import { setUserLocale } from './users.js';

export { requireLogin, requireRole } from './guard.js';
export { ensureFirstAdmin } from './bootstrap.js';
export { hashPassword } from './passwords.js';
export { createUser, findUserByEmail, hasRole, isRole, normaliseEmail, recordAudit } from './users.js';
export type { SessionUser } from './sessions.js';

declare module 'fastify' {
  interface FastifyInstance {
    accounts: { setLocale(userId: number, locale: Locale): Promise<void> };
  }
}

/** Users, passwords, sessions and roles: registration, login, the account page and user administration. */
async function accountsPlugin(app: FastifyInstance): Promise<void> {
  app.decorate('accounts', { setLocale: (userId: number, locale: Locale) => setUserLocale(app.db, userId, locale) });
  await app.register(sessionPlugin);
  await app.register(accountRoutes);
  await app.register(adminRoutes);
}

export default fp(accountsPlugin, { name: 'lantern-accounts', dependencies: ['lantern-db', 'lantern-view'] });
