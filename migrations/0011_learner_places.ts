import type { Kysely } from 'kysely';

/**
 * "Where I stopped" is written in batches a moment after the page was served (src/learn/places.ts).
 * Batches from several app processes can reach the database out of order; the time the learner
 * arrived at `last_item_id` lets an older batch leave a newer place alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('enrolments').addColumn('last_moved_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('enrolments').dropColumn('last_moved_at').execute();
}
