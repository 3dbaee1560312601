import { type Kysely, sql } from 'kysely';

/**
 * Offline learning: a receipt per idempotency key a learner's device sent with a write ("Next",
 * a quiz submission), stored in the same transaction as the write. The unique (user_id, key)
 * constraint, not a check in code, is what makes a replayed action count once; the stored result
 * answers the replay. Quiz attempts remember the quiz version they were graded against.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('offline_receipts')
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('result', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    /** When the learner did it (on the device), as the server accepted it. */
    .addColumn('done_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('offline_receipts_user_key', ['user_id', 'key'])
    .execute();
  // Pruning old receipts reads them by age.
  await db.schema
    .createIndex('offline_receipts_created')
    .on('offline_receipts')
    .column('created_at')
    .execute();
  await db.schema.alterTable('quiz_attempts').addColumn('quiz_version', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('quiz_attempts').dropColumn('quiz_version').execute();
  await db.schema.dropTable('offline_receipts').execute();
}
