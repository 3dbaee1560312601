import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { joinRoutes } from './join-routes.js';
import { trainerCohortRoutes } from './trainer-routes.js';

/** Cohorts: trainers create them, share a join code, add and remove learners; learners join. */
async function cohortsPlugin(app: FastifyInstance): Promise<void> {
  // Its own scope: the trainer guard and the multipart parser apply to the trainer area only.
  await app.register(trainerCohortRoutes);
  await app.register(joinRoutes);
}

export default fp(cohortsPlugin, {
  name: 'lantern-cohorts',
  dependencies: ['lantern-view', 'lantern-accounts'],
});
