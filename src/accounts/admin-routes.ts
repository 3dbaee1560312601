import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { notFound } from '../web/http-errors.js';
import { translator } from '../web/i18n/index.js';
import { Csrf, Id } from '../web/schemas.js';
import { requireRole, signedIn } from './guard.js';
import { recordAudit } from '../audit/record.js';
import { answerForRow } from './people-routes.js';
import { changeRole, listUsers } from './users.js';

const PAGE_SIZE = 25;
const UsersQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 1000 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
});
const RoleBody = Type.Object({
  _csrf: Csrf,
  role: Type.Union([Type.Literal('learner'), Type.Literal('trainer'), Type.Literal('admin')]),
  q: Type.Optional(Type.String({ maxLength: 1000 })),
  page: Type.Optional(Type.String({ maxLength: 20 })),
});

/** /admin/users: find people and change their role. Admins only. */
export async function adminRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('preHandler', requireRole('admin'));

  app.get('/admin/users', { schema: { querystring: UsersQuery } }, async (request, reply) => {
    const search = (request.query.q ?? '').trim().slice(0, 200);
    const page = request.query.page ?? 1;
    const list = await listUsers(app.db, { search, page, pageSize: PAGE_SIZE });
    await recordAudit(app.db, {
      actorId: signedIn(request).id,
      action: 'users.list',
      // Whether a search was made, not its words: they may name someone who is later erased.
      detail: { searched: search !== '', page: list.page },
    });
    return reply.render(
      'admin/users',
      { search, list, me: signedIn(request).id },
      { fragments: { 'user-results': 'admin/users-results' } },
    );
  });

  app.post(
    '/admin/users/:id/role',
    { schema: { params: Type.Object({ id: Id }), body: RoleBody } },
    async (request, reply) => {
      const admin = signedIn(request, 'admin');
      const userId = request.params.id;
      const { role } = request.body;
      const result = await changeRole(app.db, userId, role);
      if (!result.ok && result.reason === 'not_found') throw notFound();
      if (result.ok) {
        await recordAudit(app.db, {
          actorId: admin.id,
          action: 'users.role',
          subjectUserId: userId,
          detail: { role },
        });
        request.log.info({ userId, role, by: admin.id }, 'role changed');
      }
      const roleName = translator(request.locale)(`role.${role}`);
      return answerForRow(app, request, reply, userId, {
        ok: result.ok,
        flash: result.ok
          ? { key: 'admin.users.roleChanged', params: { name: result.user.name, role: roleName } }
          : { key: 'admin.users.lastAdmin' },
      });
    },
  );
}
