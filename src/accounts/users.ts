import { sql, type Kysely, type Transaction } from 'kysely';
import { containsPattern } from '../db/like.js';
import type { Database, Locale, Role, User } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

export const ROLES: readonly Role[] = ['learner', 'trainer', 'admin'];
const RANK: Record<Role, number> = { learner: 0, trainer: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** learner < trainer < admin: a role includes the rights of the roles below it. */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type NewAccount = {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  locale: Locale;
  mustChangePassword?: boolean;
};

/** Creates a user, or returns undefined when the email is taken (never throws on a duplicate). */
export async function createUser(db: Db, account: NewAccount): Promise<User | undefined> {
  return db
    .insertInto('users')
    .values({
      email: normaliseEmail(account.email),
      name: account.name,
      password_hash: account.passwordHash,
      role: account.role,
      locale: account.locale,
      must_change_password: account.mustChangePassword ?? false,
    })
    .onConflict((conflict) => conflict.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
}

export function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function setUserLocale(db: Db, userId: number, locale: Locale): Promise<void> {
  await db
    .updateTable('users')
    .set({ locale, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function setUserPassword(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: false, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

export type UserListPage = {
  users: Array<Pick<User, 'id' | 'name' | 'email' | 'role' | 'created_at'>>;
  total: number;
  page: number;
  pageCount: number;
};

/** One page of users, searched by name or email (case-insensitive, substring), ordered by name. */
export async function listUsers(
  db: Db,
  options: { search: string; page: number; pageSize: number },
): Promise<UserListPage> {
  const pattern = containsPattern(options.search.toLowerCase());
  let query = db.selectFrom('users');
  if (options.search)
    query = query.where((eb) =>
      eb.or([eb(sql`lower(name)`, 'like', pattern), eb('email', 'like', pattern)]),
    );
  const { total } = await query
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const pageCount = Math.max(1, Math.ceil(Number(total) / options.pageSize));
  const page = Math.min(Math.max(1, options.page), pageCount);
  const users = await query
    .select(['id', 'name', 'email', 'role', 'created_at'])
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(options.pageSize)
    .offset((page - 1) * options.pageSize)
    .execute();
  return { users, total: Number(total), page, pageCount };
}

export type RoleChange =
  { ok: true; user: User } | { ok: false; reason: 'not_found' | 'last_admin' };

/** Changes a role, refusing to demote the last admin (that would lock everyone out of administration). */
export async function changeRole(
  db: Kysely<Database>,
  userId: number,
  role: Role,
): Promise<RoleChange> {
  return db.transaction().execute(async (trx) => {
    // Lock the admins so two concurrent demotions cannot both see "another admin remains".
    const admins = await trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .forUpdate()
      .execute();
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) return { ok: false, reason: 'not_found' } as const;
    if (user.role === 'admin' && role !== 'admin' && admins.length <= 1)
      return { ok: false, reason: 'last_admin' } as const;
    const updated = await trx
      .updateTable('users')
      .set({ role, updated_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ok: true, user: updated } as const;
  });
}
