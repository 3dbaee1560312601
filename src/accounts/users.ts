import { sql, type Kysely, type Transaction } from 'kysely';
import { containsPattern } from '../db/like.js';
import type { Database, Locale, Role, User } from '../db/database.js';
import { endAllSessions } from './sessions.js';
import { voidTokens } from './tokens.js';

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
  /** Added by an admin: no password of their own yet, invited by email to set one. */
  invited?: boolean;
  /** The address is known good: the operator typed it (the first admin, the CLI). */
  verified?: boolean;
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
      invited_at: account.invited ? sql<Date>`now()` : null,
      email_verified_at: account.verified ? sql<Date>`now()` : null,
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

/** Sets a password; an invited person who sets one, by whatever link, is no longer "invited". */
export async function setUserPassword(db: Db, userId: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: false,
      invited_at: null,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', userId)
    .execute();
}

export type ListedUser = Pick<
  User,
  | 'id'
  | 'name'
  | 'email'
  | 'role'
  | 'created_at'
  | 'email_verified_at'
  | 'invited_at'
  | 'deactivated_at'
  | 'erased_at'
>;
export type UserListPage = {
  users: ListedUser[];
  total: number;
  page: number;
  pageCount: number;
};

const LISTED_COLUMNS = [
  'id',
  'name',
  'email',
  'role',
  'created_at',
  'email_verified_at',
  'invited_at',
  'deactivated_at',
  'erased_at',
] as const;

/** One person as a row of the admin list shows them. */
export function findListedUser(db: Db, id: number): Promise<ListedUser | undefined> {
  return db.selectFrom('users').select(LISTED_COLUMNS).where('id', '=', id).executeTakeFirst();
}

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
    .select(LISTED_COLUMNS)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(options.pageSize)
    .offset((page - 1) * options.pageSize)
    .execute();
  return { users, total: Number(total), page, pageCount };
}

export type RoleChange =
  { ok: true; user: User } | { ok: false; reason: 'not_found' | 'last_admin' };

/**
 * Changes a role, refusing to demote the last active admin (that would lock everyone out of
 * administration; a deactivated admin cannot sign in, so does not count).
 */
export async function changeRole(
  db: Kysely<Database>,
  userId: number,
  role: Role,
): Promise<RoleChange> {
  return db.transaction().execute(async (trx) => {
    const lastAdmin = await isLastAdmin(trx, userId, { lock: true });
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    // An erased account is a tombstone: it gets no role (nor could it count as an admin).
    if (!user || user.erased_at) return { ok: false, reason: 'not_found' } as const;
    if (user.role === 'admin' && role !== 'admin' && lastAdmin)
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

/**
 * Whether no admin but `userId` can still act: only admins neither deactivated (they cannot sign
 * in) nor erased count. Demotions, deactivations and erasures refuse to take away the last one,
 * which would lock everyone out of administration. With `lock` (inside a transaction) those
 * admins are locked, so two of these at once cannot both see "another admin remains".
 */
export async function isLastAdmin(
  db: Db,
  userId: number,
  options: { lock?: boolean } = {},
): Promise<boolean> {
  const query = db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('deactivated_at', 'is', null)
    .where('erased_at', 'is', null);
  const admins = await (options.lock ? query.forUpdate() : query).execute();
  return admins.every((admin) => admin.id === userId);
}

export type Deactivation =
  | { ok: true; user: User; endedSessions: string[] }
  | { ok: false; reason: 'not_found' | 'self' | 'last_admin' };

/**
 * Deactivates an account: it can no longer sign in, its sessions are deleted at once (the caller
 * tells every process, see revocations.ts) and its unused links are void; its data stays. Nobody
 * deactivates themselves, and the last active admin stays.
 */
export async function deactivateUser(
  db: Kysely<Database>,
  userId: number,
  actorId: number,
): Promise<Deactivation> {
  if (userId === actorId) return { ok: false, reason: 'self' };
  return db.transaction().execute(async (trx) => {
    const lastAdmin = await isLastAdmin(trx, userId, { lock: true });
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) return { ok: false, reason: 'not_found' } as const;
    if (user.role === 'admin' && user.deactivated_at === null && lastAdmin)
      return { ok: false, reason: 'last_admin' } as const;
    const updated = await trx
      .updateTable('users')
      .set({
        deactivated_at: sql<Date>`coalesce(deactivated_at, now())`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const endedSessions = await endAllSessions(trx, userId);
    await voidTokens(trx, userId);
    // Nothing more reaches them: links and reminders queued but not sent yet are dropped.
    await trx
      .deleteFrom('outbox')
      .where('user_id', '=', userId)
      .where('sent_at', 'is', null)
      .execute();
    return { ok: true, user: updated, endedSessions } as const;
  });
}

/** Gives a deactivated account its access back (a password it had works again); not an erased one. */
export async function reactivateUser(db: Db, userId: number): Promise<User | undefined> {
  return db
    .updateTable('users')
    .set({ deactivated_at: null, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .where('erased_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
