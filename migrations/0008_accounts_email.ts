import { type Kysely, sql } from 'kysely';

/**
 * Accounts that live on by email: an outbox of messages sent with retries, single-use tokens
 * (reset, invitation, verification, email change) stored only as hashes, and the user state
 * they change (verified, deactivated, reminders, a pause after repeated wrong passwords).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('email_verified_at', 'timestamptz')
    .addColumn('deactivated_at', 'timestamptz')
    .addColumn('erased_at', 'timestamptz')
    .addColumn('reminders_enabled', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('failed_logins', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('login_paused_until', 'timestamptz')
    .execute();
  // Accounts that exist today were made by admins or registered before verification existed.
  await sql`update users set email_verified_at = created_at`.execute(db);

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('to_address', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('text_body', 'text', (col) => col.notNull())
    .addColumn('html_body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('sent_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_due')
    .on('outbox')
    .columns(['next_attempt_at'])
    .where(sql.ref('sent_at'), 'is', null)
    .execute();

  // "At most one reminder a day" and erasure look up a person's messages by kind and time.
  await db.schema
    .createIndex('outbox_user_kind')
    .on('outbox')
    .columns(['user_id', 'kind', 'created_at'])
    .execute();

  await db.schema
    .createTable('account_tokens')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('purpose', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('data', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('account_tokens_user')
    .on('account_tokens')
    .columns(['user_id', 'purpose'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_tokens').execute();
  await db.schema.dropTable('outbox').execute();
  await db.schema
    .alterTable('users')
    .dropColumn('email_verified_at')
    .dropColumn('deactivated_at')
    .dropColumn('erased_at')
    .dropColumn('reminders_enabled')
    .dropColumn('failed_logins')
    .dropColumn('login_paused_until')
    .execute();
}
