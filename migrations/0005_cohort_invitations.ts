import { type Kysely, sql } from 'kysely';

/**
 * A trainer no longer adds people to a cohort: they invite an address, and the person joins only
 * by accepting (a cohort lets its trainer read the member's results). Existing members stay.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cohort_invitations')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('cohort_id', 'integer', (col) =>
      col.notNull().references('cohorts.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('invited_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('accepted', 'boolean')
    .addUniqueConstraint('cohort_invitations_cohort_email_key', ['cohort_id', 'email'])
    .execute();
  // A person's pending invitations, read on their My learning page.
  await db.schema
    .createIndex('cohort_invitations_email_idx')
    .on('cohort_invitations')
    .column('email')
    .where(sql.ref('answered_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cohort_invitations').execute();
}
