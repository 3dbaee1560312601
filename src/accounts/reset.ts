/**
 * Password reset by email: a link (a single-use token, 60 minutes) to choose a new password.
 * Setting it ends every session of the person, voids their other links and lifts a login pause.
 * A change on the account page shares the same steps (replacePassword), all in one transaction.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/record.js';
import type { Database, User } from '../db/database.js';
import { sendLink } from './emailed-link.js';
import { clearFailedLogins } from './login-protection.js';
import { endAllSessions, endOtherSessions } from './sessions.js';
import { useToken, voidTokens, type ValidToken } from './tokens.js';
import { setUserPassword } from './users.js';
import { confirmAddress } from './verification.js';

/** How many reset links one address may be sent in an hour (each replaces the one before). */
export const RESETS_PER_ADDRESS_PER_HOUR = 3;

type Resettable = Pick<User, 'id' | 'email' | 'name' | 'locale' | 'deactivated_at' | 'erased_at'>;

/**
 * Sends a reset link to the person, unless their account is deactivated or erased (they never get
 * one). Returns whether a link was sent. Also for an admin who sends a person a reset link.
 */
export async function sendResetLink(app: FastifyInstance, user: Resettable): Promise<boolean> {
  if (user.deactivated_at !== null || user.erased_at !== null) return false;
  await sendLink(app, 'reset', user);
  return true;
}

/**
 * What every new password brings, inside the caller's transaction: the password is set, every link
 * emailed before (reset, invitation, verification, email change) is void, and the person's
 * sessions end: all of them, or all but `keepSessionId` (the one that changed it on the account
 * page). Returns the ended sessions' ids, which the caller announces to every process once the
 * transaction is committed (reply.endSessions).
 */
export async function replacePassword(
  trx: Transaction<Database>,
  userId: number,
  passwordHash: string,
  keepSessionId?: string,
): Promise<string[]> {
  await setUserPassword(trx, userId, passwordHash);
  await voidTokens(trx, userId);
  return keepSessionId === undefined
    ? endAllSessions(trx, userId)
    : endOtherSessions(trx, userId, keepSessionId);
}

/**
 * A signed-in person changes their password on the account page (the current one was checked),
 * all or nothing: see replacePassword; this session stays. Returns the ended sessions' ids.
 */
export async function changePassword(
  db: Kysely<Database>,
  userId: number,
  sessionId: string,
  passwordHash: string,
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const ended = await replacePassword(trx, userId, passwordHash, sessionId);
    await recordAudit(trx, { actorId: userId, action: 'profile.password', subjectUserId: userId });
    return ended;
  });
}

export type Reset = { ok: true; endedSessions: string[] } | { ok: false };

/**
 * Sets the new password through a reset link, all or nothing: the link is used (once, even when
 * two requests race), every session of the person ends, their other links are void, a login
 * pause is lifted, and, since the link reached their mailbox, their address counts as confirmed
 * (with the certificates that waited for it).
 */
export async function resetPassword(
  db: Kysely<Database>,
  token: ValidToken,
  passwordHash: string,
): Promise<Reset> {
  return db.transaction().execute(async (trx) => {
    if (!(await useToken(trx, token.id))) return { ok: false } as const;
    const userId = token.userId;
    const endedSessions = await replacePassword(trx, userId, passwordHash);
    await clearFailedLogins(trx, userId);
    const email = typeof token.data.email === 'string' ? token.data.email : '';
    const address = await confirmAddress(trx, userId, email);
    await recordAudit(trx, {
      actorId: userId,
      action: 'password.reset',
      subjectUserId: userId,
      detail: address?.confirmed ? { emailConfirmed: true } : {},
    });
    return { ok: true, endedSessions } as const;
  });
}
