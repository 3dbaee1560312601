/**
 * Single-use tokens sent by email (password reset, invitation, address verification and change):
 * 32 random bytes in the link, only their SHA-256 in the database, a lifetime per purpose, void
 * once used, and void when the password changes (reset and invitation).
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, TokenPurpose } from '../db/database.js';

export const TOKEN_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  reset: 60,
  invitation: 7 * 24 * 60,
  verification: 7 * 24 * 60,
  email_change: 24 * 60,
};

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Issues a token; an earlier unused one of the same purpose for the same person is voided. */
export async function issueToken(
  db: Kysely<Database>,
  userId: number,
  purpose: TokenPurpose,
  data: Record<string, unknown> = {},
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    // Two requests at once for the same person queue here, so only the later link stays valid.
    await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
    await voidTokens(trx, userId, [purpose]);
    await trx
      .insertInto('account_tokens')
      .values({
        user_id: userId,
        purpose,
        token_hash: hashOf(token),
        data: JSON.stringify(data),
        expires_at: sql<Date>`now() + ${`${TOKEN_LIFETIME_MINUTES[purpose]} minutes`}::interval`,
      })
      .execute();
  });
  return token;
}

/**
 * Issues a token of one purpose to each of many people at once (an import's invitations), by the
 * same rules as issueToken, in two statements per 500 people instead of a transaction each. Runs
 * in the caller's transaction, so the links exist exactly when what they are for does.
 */
export async function issueTokens(
  trx: Transaction<Database>,
  purpose: TokenPurpose,
  recipients: Array<{ userId: number; data?: Record<string, unknown> }>,
): Promise<Map<number, string>> {
  const tokens = new Map<number, string>();
  for (const { userId } of recipients) tokens.set(userId, randomBytes(32).toString('base64url'));
  for (let start = 0; start < recipients.length; start += 500) {
    const batch = recipients.slice(start, start + 500);
    await trx
      .updateTable('account_tokens')
      .set({ used_at: sql<Date>`now()` })
      .where(
        'user_id',
        'in',
        batch.map((recipient) => recipient.userId),
      )
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('account_tokens')
      .values(
        batch.map(({ userId, data }) => ({
          user_id: userId,
          purpose,
          token_hash: hashOf(tokens.get(userId)!),
          data: JSON.stringify(data ?? {}),
          expires_at: sql<Date>`now() + ${`${TOKEN_LIFETIME_MINUTES[purpose]} minutes`}::interval`,
        })),
      )
      .execute();
  }
  return tokens;
}

export type ValidToken = { id: number; userId: number; data: Record<string, unknown> };

/** The token's row if it is of this purpose, unused, unexpired and its person can use it. */
export async function findToken(
  db: Kysely<Database>,
  token: string,
  purpose: TokenPurpose,
): Promise<ValidToken | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('account_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.user_id', 't.data'])
    .where('t.token_hash', '=', hashOf(token))
    .where('t.purpose', '=', purpose)
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', sql<Date>`now()`)
    .where('u.deactivated_at', 'is', null)
    .where('u.erased_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, userId: row.user_id, data: row.data } : undefined;
}

/** Marks the token used; false when another request used it first (single use, even in a race). */
export async function useToken(db: Kysely<Database>, id: number): Promise<boolean> {
  const used = await db
    .updateTable('account_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return used !== undefined;
}

/** Voids a person's unused tokens of these purposes (all, by default): a password change does this. */
export async function voidTokens(
  db: Kysely<Database>,
  userId: number,
  purposes: TokenPurpose[] = ['reset', 'invitation', 'verification', 'email_change'],
): Promise<void> {
  await db
    .updateTable('account_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .execute();
}

/** Used and expired tokens are of no use to anyone: removed a day later. */
export async function pruneTokens(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('account_tokens')
    .where((eb) =>
      eb.or([
        eb('used_at', '<', sql<Date>`now() - interval '1 day'`),
        eb('expires_at', '<', sql<Date>`now() - interval '1 day'`),
      ]),
    )
    .execute();
}
