/**
 * An audit entry as a sentence an admin reads: who did what, to whose data, in their language.
 * The time is formatted beside it (web/dates.ts); the raw action and details stay in a disclosure.
 */
import type { LocalizedText } from '../db/database.js';
import { isolate, type MessageKey, type Translate } from '../web/i18n/index.js';
import { isAuditAction, type AuditAction } from './record.js';
import type { AuditRow } from './queries.js';

/** Each action's sentence; some actions read differently with what their details say. */
export const AUDIT_SENTENCES = {
  'users.list': 'audit.sentence.users.list',
  'users.role': 'audit.sentence.users.role',
  'users.create': 'audit.sentence.users.create',
  'users.invitation': 'audit.sentence.users.invitation',
  'users.resetLink': 'audit.sentence.users.resetLink',
  'users.deactivate': 'audit.sentence.users.deactivate',
  'users.reactivate': 'audit.sentence.users.reactivate',
  'users.import': 'audit.sentence.users.import',
  'scorm.import': 'audit.sentence.scorm.import',
  'report.dashboard': 'audit.sentence.report.dashboard',
  'report.learners': 'audit.sentence.report.learners',
  'report.learner': 'audit.sentence.report.learner',
  'report.items': 'audit.sentence.report.items',
  'report.print': 'audit.sentence.report.print',
  'export.learners': 'audit.sentence.export.learners',
  'export.items': 'audit.sentence.export.items',
  'reminders.send': 'audit.sentence.reminders.send',
  'profile.update': 'audit.sentence.profile.update',
  'profile.emailRequest': 'audit.sentence.profile.emailRequest',
  'profile.emailChange': 'audit.sentence.profile.emailChange',
  'profile.password': 'audit.sentence.profile.password',
  'profile.reminders': 'audit.sentence.profile.reminders',
  'data.export': 'audit.sentence.data.export',
  'account.erase': 'audit.sentence.account.erase',
  'password.reset': 'audit.sentence.password.reset',
  'email.verified': 'audit.sentence.email.verified',
  'login.paused': 'audit.sentence.login.paused',
} as const satisfies Record<AuditAction, MessageKey>;

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
      // The words searched are not kept (they may name someone later erased), only that there were.
      const searched = detail.searched === true || Boolean(textOf(detail, 'search'));
      const page = Number(textOf(detail, 'page') ?? 1);
      return searched
        ? t('audit.sentence.users.search', { actor, page })
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
    case 'users.import': {
      const count = (key: string) => Number(textOf(detail, key) ?? 0);
      return t(AUDIT_SENTENCES[row.action], {
        actor,
        file: isolate(textOf(detail, 'file') || '?'),
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
      });
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
    case 'profile.update': {
      // Which details changed, named in the reader's language.
      const fields = Array.isArray(detail.fields) ? detail.fields : [];
      const names = fields
        .map((field) =>
          field === 'name' ? t('account.name') : field === 'locale' ? t('lang.label') : undefined,
        )
        .filter((name) => name !== undefined);
      return t(AUDIT_SENTENCES[row.action], { ...params, fields: names.join(', ') || '?' });
    }
    case 'profile.reminders':
      return t(
        detail.enabled === false
          ? 'audit.sentence.profile.remindersOff'
          : AUDIT_SENTENCES[row.action],
        params,
      );
    case 'data.export':
    case 'account.erase':
      // The person's own request reads differently from an admin's.
      return t(
        row.actor_id !== null && row.actor_id === row.subject_user_id
          ? row.action === 'data.export'
            ? 'audit.sentence.data.exportOwn'
            : 'audit.sentence.account.eraseOwn'
          : AUDIT_SENTENCES[row.action],
        params,
      );
    case 'reminders.send':
      return t(AUDIT_SENTENCES[row.action], {
        ...params,
        count: Number(textOf(detail, 'count') ?? 0),
      });
    case 'login.paused':
      // Nobody known typed them: the actor is "someone", not a deleted account.
      return t(AUDIT_SENTENCES[row.action], {
        ...params,
        actor: row.actor_name ? actor : isolate(t('access.audit.someone')),
        failures: Number(textOf(detail, 'failures') ?? 0),
        minutes: Number(textOf(detail, 'minutes') ?? 0),
      });
    default:
      return t(AUDIT_SENTENCES[row.action], params);
  }
}
