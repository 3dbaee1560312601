import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { prepared } from '../db/connect.js';
import type { Database, Locale, Role } from '../db/database.js';
import { signToken, verifyToken } from '../web/signed-token.js';

/**
 * A learner's session, checked against the database at most once a minute: the server signs what
 * it just read into the `seen` cookie (bound to the session token, so it is useless without it) and
 * trusts it for 60 seconds, unless the session was ended meanwhile (see revocations.ts). Staff
 * sessions are always read from the database, so a role taken away takes effect at once.
 */
export const SNAPSHOT_SECONDS = 60;
export const SESSION_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

/** The signed-in person as every page sees it. */
export type SessionUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  mustChangePassword: boolean;
  /** Whether the person confirmed their address (certificates are issued to confirmed ones only). */
  emailVerified: boolean;
  sessionId: string;
};

export function signSnapshot(
  secret: string,
  token: string,
  user: SessionUser,
  now = Date.now(),
): string {
  return signToken(secret, snapshotPurpose(token), { u: user }, SNAPSHOT_SECONDS, now);
}

/** The learner the snapshot vouches for, if it is genuine, fresh and made for this session token. */
export function readSnapshot(
  secret: string,
  token: string,
  value: string | undefined,
  now = Date.now(),
): SessionUser | undefined {
  const user = verifyToken<{ u: SessionUser }>(secret, snapshotPurpose(token), value, now)?.u;
  return user?.role === 'learner' ? user : undefined;
}

const snapshotPurpose = (token: string) => `session-snapshot:${sessionId(token)}`;

export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Starts a session in the database (so any app process can read it) and returns the cookie's
 * token. Only the token's hash is stored.
 */
export async function createSession(
  db: Kysely<Database>,
  userId: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * DAY_MS);
  await db
    .insertInto('sessions')
    .values({ id: sessionId(token), user_id: userId, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/**
 * One indexed lookup per request: the session joined to its user, if still valid. A deactivated or
 * erased person's session is no session at all, from the moment the account changed.
 */
export async function findSessionUser(
  db: Kysely<Database>,
  token: string,
): Promise<(SessionUser & { expiresAt: Date }) | undefined> {
  const row = await db
    .selectFrom('sessions')
    .modifyFront(sql.raw(prepared('session-user')))
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.expires_at',
      'users.id',
      'users.name',
      'users.email',
      'users.role',
      'users.locale',
      'users.must_change_password',
      'users.email_verified_at',
    ])
    .where('sessions.id', '=', sessionId(token))
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('users.deactivated_at', 'is', null)
    .where('users.erased_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    locale: row.locale,
    mustChangePassword: row.must_change_password,
    emailVerified: row.email_verified_at !== null,
    sessionId: row.sessionId,
    expiresAt: new Date(row.expires_at),
  };
}

/** Sliding expiry without a write per request: only extend once half the lifetime has passed. */
export async function extendSessionIfStale(
  db: Kysely<Database>,
  id: string,
  expiresAt: Date,
): Promise<Date | undefined> {
  if (expiresAt.getTime() - Date.now() > (SESSION_DAYS / 2) * DAY_MS) return undefined;
  const renewed = new Date(Date.now() + SESSION_DAYS * DAY_MS);
  await db.updateTable('sessions').set({ expires_at: renewed }).where('id', '=', id).execute();
  return renewed;
}

/** Ends one session; returns its id for the processes that trust snapshots of it. */
export async function endSession(db: Kysely<Database>, token: string): Promise<string> {
  const id = sessionId(token);
  await db.deleteFrom('sessions').where('id', '=', id).execute();
  return id;
}

/** After a password change, every other device is logged out; returns the ended sessions' ids. */
export async function endOtherSessions(
  db: Kysely<Database>,
  userId: number,
  keepSessionId: string,
): Promise<string[]> {
  const rows = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Ends every session of a person (a password reset); returns their ids. */
export async function endAllSessions(
  db: Kysely<Database> | Transaction<Database>,
  userId: number,
): Promise<string[]> {
  const rows = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function deleteExpiredSessions(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('expires_at', '<', sql<Date>`now()`)
    .execute();
}
