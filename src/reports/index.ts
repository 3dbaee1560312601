import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { requireRole } from '../accounts/index.js';
import { auditRoutes } from './audit-routes.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { itemRoutes } from './item-routes.js';
import { learnerRoutes } from './learner-routes.js';

/** Trainer reports: dashboard, learner table, drill-down, item analysis, CSV exports, print view. */
async function reportsPlugin(app: FastifyInstance): Promise<void> {
  await app.register(async (trainer) => {
    trainer.addHook('preHandler', requireRole('trainer'));
    await trainer.register(dashboardRoutes);
    await trainer.register(learnerRoutes);
    await trainer.register(itemRoutes);
  });
  await app.register(auditRoutes);
}

export default fp(reportsPlugin, {
  name: 'lantern-reports',
  dependencies: ['lantern-view', 'lantern-accounts', 'lantern-cohorts'],
});
