/**
 * The outbox: a message is a row before it is anything else, so a request never waits on a mail
 * server and nothing is lost at a restart. Delivery claims rows (one process gets each), sends,
 * and on failure tries again later, waiting longer each time.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { ComposedMail, MailKind } from './compose.js';

export type QueuedMail = ComposedMail & { to: string; kind: MailKind; userId: number | null };

/** How long a claim holds a row: a process that dies mid-send frees it after this. */
const CLAIM_SECONDS = 120;
/** After this many failures a message is given up (kept, with its last error, for the logs). */
export const MAX_ATTEMPTS = 8;

const outboxRow = (mail: QueuedMail) => ({
  user_id: mail.userId,
  to_address: mail.to,
  kind: mail.kind,
  subject: mail.subject,
  text_body: mail.text,
  html_body: mail.html,
});

export async function enqueueMail(db: Kysely<Database>, mail: QueuedMail): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values(outboxRow(mail))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Queues many messages, 500 rows a statement (an import's invitations), in the caller's transaction. */
export async function enqueueMails(db: Kysely<Database>, mails: QueuedMail[]): Promise<void> {
  for (let start = 0; start < mails.length; start += 500) {
    await db
      .insertInto('outbox')
      .values(mails.slice(start, start + 500).map(outboxRow))
      .execute();
  }
}

/** Takes up to `limit` messages that are due and not held by another process. */
export function claimDueMail(db: Kysely<Database>, limit: number) {
  return db
    .updateTable('outbox')
    .set({
      locked_until: sql<Date>`now() + ${`${CLAIM_SECONDS} seconds`}::interval`,
      attempts: sql<number>`attempts + 1`,
    })
    .where('id', 'in', (query) =>
      query
        .selectFrom('outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('attempts', '<', MAX_ATTEMPTS)
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .where((eb) =>
          eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]),
        )
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

export async function markSent(db: Kysely<Database>, id: number): Promise<void> {
  await db
    .updateTable('outbox')
    // Once sent, only who and what is kept: the bodies may hold a live link (a 7-day invitation).
    .set({
      sent_at: sql<Date>`now()`,
      locked_until: null,
      last_error: null,
      text_body: '',
      html_body: '',
    })
    .where('id', '=', id)
    .execute();
}

/** 30 s, 1 min, 2 min... up to an hour between tries. */
export async function markFailed(
  db: Kysely<Database>,
  id: number,
  attempts: number,
  error: string,
): Promise<void> {
  const waitSeconds = Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
  const givenUp = attempts >= MAX_ATTEMPTS;
  await db
    .updateTable('outbox')
    .set({
      locked_until: null,
      last_error: error.slice(0, 1000),
      next_attempt_at: sql<Date>`now() + ${`${waitSeconds} seconds`}::interval`,
      // A message given up keeps its error for the logs, not its link.
      ...(givenUp ? { text_body: '', html_body: '' } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Messages sent or given up are kept a month (what was sent to whom), then removed. */
export async function pruneOutbox(db: Kysely<Database>): Promise<void> {
  await db
    .deleteFrom('outbox')
    .where((eb) =>
      eb.or([
        eb('sent_at', '<', sql<Date>`now() - interval '30 days'`),
        eb.and([
          eb('sent_at', 'is', null),
          eb('attempts', '>=', MAX_ATTEMPTS),
          eb('created_at', '<', sql<Date>`now() - interval '30 days'`),
        ]),
      ]),
    )
    .execute();
}
