/**
 * Email address verification: a self-registered learner gets a link that confirms the address.
 * Until then they learn normally, but certificates wait: confirming issues the ones they earned.
 */
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../audit/record.js';
import { issuePendingCertificates } from '../certificates/issue.js';
import type { Database } from '../db/database.js';
import { sendLink, type LinkRecipient } from './emailed-link.js';
import { useToken, type ValidToken } from './tokens.js';

/** Sends (again) the link that confirms a person's address; an earlier link stops working. */
export function sendVerificationLink(app: FastifyInstance, user: LinkRecipient): Promise<void> {
  return sendLink(app, 'verification', user);
}

/**
 * Records that the person's current address is confirmed (now) and issues the certificates they
 * earned while it was not. Every way an address gets confirmed goes through here (a verification
 * link, a reset or invitation link, the link that confirms a new address), so no certificate is
 * left waiting. Returns how many certificates it issued.
 */
export async function markAddressConfirmed(
  trx: Transaction<Database>,
  userId: number,
): Promise<number> {
  await trx
    .updateTable('users')
    .set({ email_verified_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
  return issuePendingCertificates(trx, userId);
}

/**
 * Marks the address confirmed if it is still the person's address and was not confirmed yet,
 * and issues the certificates they earned meanwhile. Any link that reached the address proves it
 * (a verification link, and also a password reset link). Returns undefined when the address is
 * no longer theirs, else whether this confirmed it and how many certificates it issued.
 */
export async function confirmAddress(
  trx: Transaction<Database>,
  userId: number,
  email: string,
): Promise<{ confirmed: boolean; certificates: number } | undefined> {
  const user = await trx
    .selectFrom('users')
    .select(['email', 'email_verified_at'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user || user.email !== email) return undefined;
  if (user.email_verified_at !== null) return { confirmed: false, certificates: 0 };
  return { confirmed: true, certificates: await markAddressConfirmed(trx, userId) };
}

export type Verification =
  { ok: true; userId: number; email: string; certificates: number } | { ok: false };

/**
 * Follows a verification link: single use (a second click, or a race, finds it used), and only for
 * the address it was sent to (a link sent before the person changed their address confirms nothing).
 */
export async function verifyWithToken(
  db: Kysely<Database>,
  token: ValidToken,
): Promise<Verification> {
  const email = typeof token.data.email === 'string' ? token.data.email : '';
  return db.transaction().execute(async (trx) => {
    if (!(await useToken(trx, token.id))) return { ok: false } as const;
    const result = await confirmAddress(trx, token.userId, email);
    if (!result) return { ok: false } as const;
    if (result.confirmed)
      await recordAudit(trx, {
        actorId: token.userId,
        action: 'email.verified',
        subjectUserId: token.userId,
        detail: { certificates: result.certificates },
      });
    return { ok: true, userId: token.userId, email, certificates: result.certificates } as const;
  });
}
