import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * Every action the audit log records. Each has a sentence in the four languages
 * (`audit.sentence.<action>`, see describe.ts), so a new action fails the build until it can be read.
 */
export const AUDIT_ACTIONS = [
  'users.list',
  'users.role',
  'users.create',
  'users.invitation',
  'users.resetLink',
  'users.deactivate',
  'users.reactivate',
  'users.import',
  'scorm.import',
  'report.dashboard',
  'report.learners',
  'report.learner',
  'report.items',
  'report.print',
  'export.learners',
  'export.items',
  'reminders.send',
  'profile.update',
  'profile.emailRequest',
  'profile.emailChange',
  'profile.password',
  'profile.reminders',
  'data.export',
  'account.erase',
  'password.reset',
  'email.verified',
  'login.paused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/**
 * Records who saw or changed which person's data (a report viewed, an export, a role change). The
 * log is written by every capability that touches learner data and read by admins at /admin/audit.
 */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: {
    actorId: number | null;
    action: AuditAction;
    subjectUserId?: number | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  const subjectId = entry.subjectUserId ?? null;
  await db
    .insertInto('audit_log')
    .values((eb) => ({
      actor_id: entry.actorId,
      action: entry.action,
      // An id that names nobody (a mistyped address) is logged without a subject, never refused.
      subject_user_id:
        subjectId === null
          ? null
          : eb.selectFrom('users').select('users.id').where('users.id', '=', subjectId),
      detail: JSON.stringify({
        ...entry.detail,
        ...(subjectId === null ? {} : { subjectUserId: subjectId }),
      }),
    }))
    .execute();
}
