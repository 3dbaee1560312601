/**
 * Changing one's email address: a link (an 'email_change' token, 24 hours) goes to the new
 * address and the old one is told; the address changes only when the link's button is pressed,
 * which also confirms it. Nothing about whether another account uses an address is said to
 * anyone but whoever reads that mailbox.
 */
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../db/database.js';
import { sendLink, type LinkRecipient } from './emailed-link.js';
import { useToken, voidTokens, type ValidToken } from './tokens.js';
import { markAddressConfirmed } from './verification.js';

/** The new address waiting for its link to be opened, if any. */
export function pendingEmail(
  db: Kysely<Database>,
  userId: number,
): Promise<{ email: string; expires_at: Date } | undefined> {
  return db
    .selectFrom('account_tokens')
    .select([sql<string>`data ->> 'email'`.as('email'), 'expires_at'])
    .where('user_id', '=', userId)
    .where('purpose', '=', 'email_change')
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Whether another account uses the address (checked again in the change's transaction). */
export async function isTakenByOther(
  db: Kysely<Database>,
  userId: number,
  email: string,
): Promise<boolean> {
  const other = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .where('id', '!=', userId)
    .executeTakeFirst();
  return other !== undefined;
}

/**
 * Sends the link to the new address (an earlier one stops working) and tells the old address,
 * in the person's language; audit-logged without either address.
 */
export async function requestEmailChange(
  app: FastifyInstance,
  user: LinkRecipient,
  newEmail: string,
): Promise<void> {
  await sendLink(app, 'email_change', user, newEmail);
  await app.mail.send(
    user.email,
    { kind: 'emailChanged', locale: user.locale, name: user.name, params: { newEmail } },
    user.id,
  );
  await recordAudit(app.db, {
    actorId: user.id,
    action: 'profile.emailRequest',
    subjectUserId: user.id,
  });
}

/**
 * Changes the address through the link, all or nothing: the link is used (once, even in a race),
 * the address set and confirmed (with the certificates that waited for it), links sent to the
 * old address void. 'taken' when another account has the address, even one that took it a moment
 * ago; 'used' when the link was used meanwhile.
 */
export async function confirmEmailChange(
  db: Kysely<Database>,
  token: ValidToken,
  email: string,
): Promise<'changed' | 'taken' | 'used'> {
  return db
    .transaction()
    .execute(async (trx) => {
      if (await isTakenByOther(trx, token.userId, email)) return 'taken' as const;
      if (!(await useToken(trx, token.id))) return 'used' as const;
      await trx
        .updateTable('users')
        .set({ email, updated_at: sql<Date>`now()` })
        .where('id', '=', token.userId)
        .execute();
      // The link proved the new address: confirmed, with the certificates that waited for it.
      await markAddressConfirmed(trx, token.userId);
      // Links sent to the old address (a reset, a verification) no longer lead anywhere.
      await voidTokens(trx, token.userId, ['reset', 'verification']);
      await recordAudit(trx, {
        actorId: token.userId,
        action: 'profile.emailChange',
        subjectUserId: token.userId,
      });
      return 'changed' as const;
    })
    .catch((error: unknown) => {
      // Another account took the address between the check and the update.
      if ((error as { code?: string }).code === '23505') return 'taken' as const;
      throw error;
    });
}
