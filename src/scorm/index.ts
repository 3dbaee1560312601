/**
 * SCORM in the app: the player page of each SCO, the commit endpoint, the admins' import page and
 * (same-origin mode only) the content routes. See src/scorm/content.ts for the content origin.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { adminRoutes } from './admin-routes.js';
import { commitRoutes } from './commit-routes.js';
import { contentRoutes, SAME_ORIGIN_PREFIX, sameOrigin } from './content.js';
import { playerRoutes } from './player-routes.js';
import { sequencingRoutes } from './sequencing/routes.js';

async function scormPlugin(app: FastifyInstance): Promise<void> {
  await app.register(playerRoutes);
  await app.register(commitRoutes);
  await app.register(sequencingRoutes);
  // Its own scope: the admin guard and the multipart parser apply to these routes only.
  await app.register(adminRoutes);
  if (sameOrigin(app.config))
    await app.register(contentRoutes, { config: app.config, base: SAME_ORIGIN_PREFIX });
}

export default fp(scormPlugin, {
  name: 'lantern-scorm',
  dependencies: ['lantern-view', 'lantern-accounts'],
});
