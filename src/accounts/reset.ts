/**
 * Password reset by email: a link (a single-use token, 60 minutes) to choose a new password.
 * Setting it ends every session of the person, voids their other links and lifts a login pause.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/record.js';
import type { Database, User } from '../db/database.js';
import { clearFailedLogins } from './login-protection.js';
import { endAllSessions } from './sessions.js';
import { issueToken, useToken, voidTokens, type ValidToken } from './tokens.js';
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
  const token = await issueToken(app.db, user.id, 'reset', { email: user.email });
  await app.mail.send(
    user.email,
    {
      kind: 'reset',
      locale: user.locale,
      name: user.name,
      link: app.mail.link(`/password/reset/${token}`),
    },
    user.id,
  );
  return true;
}

export type Reset = { ok: true; endedSessions: string[] } | { ok: false };

/**
 * Sets the new password through a reset link, all or nothing: the link is used (once, even when
 * two requests race), every session of the person ends, their other links are void, a login
 * pause is lifted, and, since the link reached their mailbox, their address counts as confirmed.
 */
export async function resetPassword(
  db: Kysely<Database>,
  token: ValidToken,
  passwordHash: string,
): Promise<Reset> {
  return db.transaction().execute(async (trx) => {
    if (!(await useToken(trx, token.id))) return { ok: false } as const;
    const userId = token.userId;
    await setUserPassword(trx, userId, passwordHash);
    await clearFailedLogins(trx, userId);
    await voidTokens(trx, userId);
    const email = typeof token.data.email === 'string' ? token.data.email : '';
    const address = await confirmAddress(trx, userId, email);
    await recordAudit(trx, {
      actorId: userId,
      action: 'password.reset',
      subjectUserId: userId,
      detail: address?.confirmed ? { emailConfirmed: true } : {},
    });
    return { ok: true, endedSessions: await endAllSessions(trx, userId) } as const;
  });
}
