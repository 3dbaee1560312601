import type { FastifyInstance } from 'fastify';
import { translator } from '../web/i18n/index.js';
import { htmxTarget } from '../web/view.js';
import { requireRole } from './guard.js';
import { changeRole, findUserById, isRole, listUsers, recordAudit } from './users.js';

const PAGE_SIZE = 25;

/** /admin/users: find people and change their role. Admins only. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', requireRole('admin'));

  app.get<{ Querystring: { q?: string; page?: string } }>('/admin/users', async (request, reply) => {
    const search = (typeof request.query.q === 'string' ? request.query.q.trim() : '').slice(0, 200);
    const page = Math.max(1, Number.parseInt(String(request.query.page ?? '1'), 10) || 1);
    const list = await listUsers(app.db, { search, page, pageSize: PAGE_SIZE });
    await recordAudit(app.db, { actorId: request.user!.id, action: 'users.list', detail: { search, page: list.page } });
    return reply.render('admin/users', { search, list }, { fragments: { 'user-results': 'admin/users-results' } });
  });

  app.post<{ Params: { id: string }; Body: { role?: string; q?: string; page?: string } }>('/admin/users/:id/role', async (request, reply) => {
    const userId = Number.parseInt(request.params.id, 10);
    const role = request.body?.role;
    if (!Number.isInteger(userId) || !isRole(role)) return reply.errorPage('badRequest');
    const result = await changeRole(app.db, userId, role);
    if (!result.ok && result.reason === 'not_found') return reply.errorPage('notFound');
    if (result.ok) {
      await recordAudit(app.db, { actorId: request.user!.id, action: 'users.role', subjectUserId: userId, detail: { role } });
      request.log.info({ userId, role, by: request.user!.id }, 'role changed');
    }
    const t = translator(request.locale);
    const roleName = t(`role.${role}`);
    const flash = result.ok ? ({ key: 'admin.users.roleChanged', params: { name: result.user.name, role: roleName } } as const) : ({ key: 'admin.users.lastAdmin' } as const);

    // With htmx, only the row is swapped, with its message; without JavaScript, back to the list.
    if (htmxTarget(request) === `user-${userId}`) {
      const user = result.ok ? result.user : await findUserById(app.db, userId);
      const message = t(flash.key, 'params' in flash ? flash.params : undefined);
      return reply.render('admin/users', {}, { status: result.ok ? 200 : 409, fragments: { [`user-${userId}`]: 'admin/user-row' }, fragmentData: { user, message, failed: !result.ok } });
    }
    const back = `/admin/users?q=${encodeURIComponent(String(request.body?.q ?? ''))}&page=${encodeURIComponent(String(request.body?.page ?? '1'))}`;
    return reply.flash(flash.key, 'params' in flash ? flash.params : undefined).redirect(back, 303);
  });
}
