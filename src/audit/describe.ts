/**
 * An audit entry as a sentence an admin reads: who did what, to whose data, in their language.
 * The time is formatted beside it (dates.ts); the raw action and details stay in a disclosure.
 */
import type { LocalizedText } from '../db/database.js';
import type { MessageKey, Translate } from '../web/i18n/index.js';
import { isAuditAction, type AuditAction } from './record.js';
import type { AuditRow } from './queries.js';

/** Each action's sentence; some actions read differently with what their details say. */
export const AUDIT_SENTENCES = {
  'users.list': 'audit.sentence.users.list',
  'users.role': 'audit.sentence.users.role',
  'scorm.import': 'audit.sentence.scorm.import',
  'report.dashboard': 'audit.sentence.report.dashboard',
  'report.learners': 'audit.sentence.report.learners',
  'report.learner': 'audit.sentence.report.learner',
  'report.items': 'audit.sentence.report.items',
  'report.print': 'audit.sentence.report.print',
  'export.learners': 'audit.sentence.export.learners',
  'export.items': 'audit.sentence.export.items',
} as const satisfies Record<AuditAction, MessageKey>;

// A name inside a sentence keeps its own direction: an Arabic name in an English sentence, or the reverse.
const isolate = (text: string) => `\u2068${text}\u2069`;

const textOf = (detail: Record<string, unknown>, key: string): string | undefined => {
  const value = detail[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
};

export function describeAuditEntry(
  row: AuditRow,
  t: Translate,
  localized: (text: LocalizedText | null | undefined) => string,
): string {
  const detail = row.detail ?? {};
  const actor = isolate(row.actor_name ?? t('audit.someone'));
  const subject = isolate(
    row.subject_name ?? (row.subject_user_id ? `#${row.subject_user_id}` : t('audit.someone')),
  );
  const cohort = isolate(row.cohort_name ?? `#${textOf(detail, 'cohortId') ?? '?'}`);
  const course = isolate(
    localized(row.course_title) ||
      textOf(detail, 'course') ||
      `#${textOf(detail, 'courseId') ?? '?'}`,
  );
  const params = { actor, subject, cohort, course };
  if (!isAuditAction(row.action)) return t('audit.sentence.unknown', { actor, action: row.action });
  switch (row.action) {
    case 'users.list': {
      const search = textOf(detail, 'search') ?? '';
      const page = Number(textOf(detail, 'page') ?? 1);
      return search
        ? t('audit.sentence.users.search', { actor, search: isolate(search), page })
        : t('audit.sentence.users.list', { actor, page });
    }
    case 'users.role': {
      const role = textOf(detail, 'role');
      const roleName =
        role === 'learner' || role === 'trainer' || role === 'admin'
          ? t(`role.${role}`)
          : (role ?? '?');
      return t('audit.sentence.users.role', { ...params, role: roleName });
    }
    case 'scorm.import': {
      const file = isolate(textOf(detail, 'file') ?? '?');
      const version = textOf(detail, 'version') ?? '?';
      const outcome = textOf(detail, 'outcome');
      const key: MessageKey =
        outcome === 'new_version'
          ? 'audit.sentence.scorm.importVersion'
          : outcome === 'unchanged'
            ? 'audit.sentence.scorm.importUnchanged'
            : AUDIT_SENTENCES['scorm.import'];
      return t(key, { ...params, file, version });
    }
    default:
      return t(AUDIT_SENTENCES[row.action], params);
  }
}
