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

/**
 * Records many entries at once (each role an import changed), in the caller's transaction: one
 * statement per 500. The subjects are people the caller just read, so they exist.
 */
export async function recordAudits(
  db: Kysely<Database> | Transaction<Database>,
  entries: Array<{
    actorId: number | null;
    action: AuditAction;
    subjectUserId: number;
    detail?: Record<string, unknown>;
  }>,
): Promise<void> {
  for (let start = 0; start < entries.length; start += 500) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(start, start + 500).map((entry) => ({
          actor_id: entry.actorId,
          action: entry.action,
          subject_user_id: entry.subjectUserId,
          detail: JSON.stringify({ ...entry.detail, subjectUserId: entry.subjectUserId }),
        })),
      )
      .execute();
  }
}
