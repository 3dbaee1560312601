import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { signedIn } from '../accounts/index.js';
import type { Database } from '../db/database.js';
import { forbidden, notFound } from '../web/http-errors.js';
import { findCohort, type Cohort } from './queries.js';

/** Params of every route about one cohort. */
export type CohortRequest = FastifyRequest<{ Params: { cohortId: number } }>;

/**
 * The cohort named in the URL if the signed-in trainer owns it (admins see every cohort); a cohort
 * of another trainer is refused (403), an unknown one is not found (404).
 */
export async function cohortForViewer(
  db: Kysely<Database>,
  request: CohortRequest,
): Promise<Cohort> {
  const viewer = signedIn(request, 'trainer');
  const cohort = await findCohort(db, request.params.cohortId);
  if (!cohort) throw notFound('no such cohort');
  if (viewer.role !== 'admin' && cohort.owner_id !== viewer.id)
    throw forbidden('not the trainer of this cohort');
  return cohort;
}
