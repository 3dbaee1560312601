import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireRole } from '../accounts/index.js';
import { dateLocale, formatAdminDate } from '../web/dates.js';
import { describeAuditEntry } from '../audit/describe.js';
import { AUDIT_PAGE_SIZE, auditLogPage } from '../audit/queries.js';
import type { LocalizedText } from '../db/database.js';
import { translator } from '../web/i18n/index.js';

// The cursor stays lenient text: a mangled ?before= shows the first page, as it always has.
const AuditQuery = Type.Object({ before: Type.Optional(Type.String({ maxLength: 50 })) });

/** Admins read who looked at, exported or changed whose data: one sentence per entry. */
export async function auditRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/admin/audit',
    { schema: { querystring: AuditQuery }, preHandler: requireRole('admin') },
    async (request, reply) => {
      const before = Number.parseInt(request.query.before ?? '', 10);
      const rows = await auditLogPage(app.db, Number.isInteger(before) ? before : undefined);
      const { locale } = request;
      const t = translator(locale);
      const localized = (map: LocalizedText | null | undefined) =>
        map?.[locale] || map?.en || Object.values(map ?? {})[0] || '';
      const tag = dateLocale(locale, request.headers['accept-language']);
      const entries = rows.map((row) => ({
        id: row.id,
        sentence: describeAuditEntry(row, t, localized),
        when: formatAdminDate(tag, row.created_at),
        iso: new Date(row.created_at).toISOString(),
        action: row.action,
        actorEmail: row.actor_email,
        subjectEmail: row.subject_email,
        detail: JSON.stringify(row.detail ?? {}, null, 2),
      }));
      return reply.render('reports/audit', {
        entries,
        next: rows.length === AUDIT_PAGE_SIZE ? rows.at(-1)!.id : undefined,
        titleKey: 'audit.title',
      });
    },
  );
}
