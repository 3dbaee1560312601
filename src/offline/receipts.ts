import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { Database, QuizSettings } from '../db/database.js';

/** An idempotency key: a UUID made on the device, or rendered by the server into a form. */
const KEY_PATTERN = '^[A-Za-z0-9-]{8,64}$';
export const IdempotencyKey = Type.String({ pattern: KEY_PATTERN });
/** The same rule, for bodies read without a schema (the quiz form's fields are the quiz's own). */
export const isIdempotencyKey = (value: string | undefined): value is string =>
  value !== undefined && new RegExp(KEY_PATTERN).test(value);
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

const keyMac = (secret: string, id: string, issued: string) =>
  createHmac('sha256', secret).update(`form-key\n${id}\n${issued}`).digest('hex').slice(0, 20);

/**
 * The idempotency key the server renders into a form: a random id, the time the page was made and
 * a MAC over both, so the server can later trust when the form existed.
 */
export function formKey(secret: string, now = Date.now()): string {
  const id = randomUUID().replaceAll('-', '');
  const issued = Math.floor(now / 1000).toString(36);
  return `${id}-${issued}-${keyMac(secret, id, issued)}`;
}

/** When the page carrying `key` was made, if the server made it (else undefined). */
export function keyIssuedAt(secret: string, key: string | undefined): Date | undefined {
  const [id, issued, mac, ...rest] = key?.split('-') ?? [];
  if (!id || !issued || !mac || rest.length > 0) return undefined;
  const expected = Buffer.from(keyMac(secret, id, issued));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const seconds = parseInt(issued, 36);
  return Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;
}

/**
 * When an action counts: the device's time, believed only from the moment the server made the
 * form it came from (its signed key) until now. A key made on the device, or none, counts as
 * now: otherwise anyone could post a date of their choosing and finish a course "before" its
 * due date. Undefined means now.
 */
export function doneTime(
  secret: string,
  key: string | undefined,
  rawAt: string | undefined,
  now = new Date(),
): Date | undefined {
  const issued = rawAt ? keyIssuedAt(secret, key) : undefined;
  if (!issued) return undefined;
  const at = deviceTime(rawAt, now);
  return at < issued ? issued : at;
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
