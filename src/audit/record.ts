import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * Records who saw or changed which person's data (a report viewed, an export, a role change). The
 * log is written by every capability that touches learner data and read by admins at /admin/audit.
 */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: {
    actorId: number | null;
    action: string;
    subjectUserId?: number | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_user_id: entry.subjectUserId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
