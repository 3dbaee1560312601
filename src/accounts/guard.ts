import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../db/database.js';
import { forbidden, LoginRequired } from '../web/http-errors.js';
import type { SessionUser } from './sessions.js';
import { hasRole } from './users.js';

/**
 * The signed-in person, typed, or a thrown LoginRequired: anonymous visitors of a page are sent to
 * the login page (and brought back afterwards), anonymous form posts are refused.
 */
export function signedIn(request: FastifyRequest, role: Role = 'learner'): SessionUser {
  const { user } = request;
  if (!user) throw new LoginRequired();
  if (!hasRole(user.role, role)) throw forbidden(`needs the ${role} role`);
  return user;
}

/** A preHandler that lets through only signed-in people with at least `role` (see signedIn). */
export function requireRole(role: Role): preHandlerAsyncHookHandler {
  return async function guard(request) {
    signedIn(request, role);
  };
}

export const requireLogin = requireRole('learner');
