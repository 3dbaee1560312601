import type { Kysely } from 'kysely';

/**
 * People an admin adds or imports are invited: their account exists before they have a password.
 * `invited_at` says so (the user list shows "invited" and offers to send the invitation again)
 * until the person sets a password, by the invitation's link or any other way.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('invited_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('invited_at').execute();
}
