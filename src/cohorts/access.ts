import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { findCohort } from './queries.js';

/**
 * The cohort named in the URL if the signed-in trainer owns it (admins see every cohort);
 * otherwise answers 404 or 403 itself and returns undefined.
 */
export async function cohortForViewer(db: Kysely<Database>, request: FastifyRequest<{ Params: { cohortId: string } }>, reply: FastifyReply) {
  const id = Number.parseInt(request.params.cohortId, 10);
  const cohort = Number.isInteger(id) && id > 0 ? await findCohort(db, id) : undefined;
  if (!cohort) {
    await reply.errorPage('notFound');
    return undefined;
  }
  const viewer = request.user!;
  if (viewer.role !== 'admin' && cohort.owner_id !== viewer.id) {
    await reply.errorPage('forbidden');
    return undefined;
  }
  return cohort;
}
