import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../db/database.js';
import { hasRole } from './users.js';

/**
 * A preHandler that lets through only signed-in people with at least `role`. Anonymous visitors
 * are sent to the login page (and brought back afterwards); others get a 403 page.
 */
export function requireRole(role: Role): preHandlerAsyncHookHandler {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    if (!request.user) {
      if (request.method === 'GET') return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      return reply.errorPage('forbidden');
    }
    if (!hasRole(request.user.role, role)) return reply.errorPage('forbidden');
  };
}

export const requireLogin = requireRole('learner');
