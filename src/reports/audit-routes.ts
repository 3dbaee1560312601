import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireRole } from '../accounts/index.js';
import { AUDIT_PAGE_SIZE, auditLogPage } from './queries.js';

// The cursor stays lenient text: a mangled ?before= shows the first page, as it always has.
const AuditQuery = Type.Object({ before: Type.Optional(Type.String({ maxLength: 50 })) });

/** Admins read who looked at or exported learner data. */
export async function auditRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/admin/audit',
    { schema: { querystring: AuditQuery }, preHandler: requireRole('admin') },
    async (request, reply) => {
      const before = Number.parseInt(request.query.before ?? '', 10);
      const rows = await auditLogPage(app.db, Number.isInteger(before) ? before : undefined);
      return reply.render('reports/audit', {
        rows,
        next: rows.length === AUDIT_PAGE_SIZE ? rows.at(-1)!.id : undefined,
        titleKey: 'audit.title',
      });
    },
  );
}
