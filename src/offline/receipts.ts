import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { Database, QuizSettings } from '../db/database.js';

/** An idempotency key: a UUID made on the device, or rendered by the server into a form. */
export const IdempotencyKey = Type.String({ pattern: '^[A-Za-z0-9-]{8,64}$' });
/** When the learner did it: an ISO 8601 time from the device. */
export const DoneAt = Type.String({ maxLength: 40 });

/** The fields every replayable form may carry besides its own. */
export const ReplayFields = {
  _key: Type.Optional(IdempotencyKey),
  _at: Type.Optional(DoneAt),
};

/**
 * The time the learner did something, as the device said, kept only if it is believable: in the
 * past (a device's clock ahead of ours counts as now) and a valid date. The caller bounds it below
 * (by the enrolment or the attempt's start) in SQL.
 */
export function deviceTime(raw: string | undefined, now = new Date()): Date {
  if (!raw) return now;
  const parsed = new Date(raw);
  if (Number.isNaN(parsed.getTime()) || parsed > now) return now;
  return parsed;
}

/** A quiz's version: its questions, options and pass mark, so an answered quiz is graded by what the learner saw. */
export function quizVersion(quiz: QuizSettings): string {
  return createHash('sha256').update(JSON.stringify(quiz)).digest('base64url').slice(0, 16);
}

export type Receipted<T> = { result: T; replay: boolean };

/**
 * Runs `write` once per (user, key), inside the caller's transaction: the receipt row is inserted
 * first, so a second transaction with the same key waits on the unique constraint until the first
 * commits, then finds its receipt and answers the stored result without writing anything. Without
 * a key the write simply runs.
 */
export async function onceForKey<T extends Record<string, unknown>>(
  trx: Transaction<Database>,
  receipt: { userId: number; key: string | undefined; kind: string; doneAt: Date },
  write: () => Promise<T>,
): Promise<Receipted<T>> {
  if (!receipt.key) return { result: await write(), replay: false };
  const inserted = await trx
    .insertInto('offline_receipts')
    .values({
      user_id: receipt.userId,
      key: receipt.key,
      kind: receipt.kind,
      done_at: receipt.doneAt,
    })
    .onConflict((conflict) => conflict.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!inserted) {
    const stored = await trx
      .selectFrom('offline_receipts')
      .select(['result', 'kind'])
      .where('user_id', '=', receipt.userId)
      .where('key', '=', receipt.key)
      .executeTakeFirstOrThrow();
    return { result: stored.result as T, replay: true };
  }
  const result = await write();
  await trx
    .updateTable('offline_receipts')
    .set({ result: JSON.stringify(result) })
    .where('user_id', '=', receipt.userId)
    .where('key', '=', receipt.key)
    .execute();
  return { result, replay: false };
}

/** Receipts older than this are pruned: a device that kept an action longer sends it as new. */
export const RECEIPT_DAYS = 90;

/** Deletes receipts older than RECEIPT_DAYS; returns how many. */
export async function pruneReceipts(db: Kysely<Database>): Promise<number> {
  const result = await db
    .deleteFrom('offline_receipts')
    .where('created_at', '<', sql<Date>`now() - ${`${RECEIPT_DAYS} days`}::interval`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Whether a request is a device sending its queue (`X-Lantern-Replay: 1`): it gets a JSON answer
 * instead of the page, since no one is looking at it.
 */
export const isReplay = (headers: Record<string, unknown>): boolean =>
  headers['x-lantern-replay'] === '1';

/**
 * Whether a page is fetched to be saved on the device (`X-Lantern-Offline: download`): it records
 * no move for "Continue" and no time spent, since the learner is not reading it now.
 */
export const isOfflineDownload = (headers: Record<string, unknown>): boolean =>
  headers['x-lantern-offline'] === 'download';
