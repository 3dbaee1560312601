/**
 * Trainer reminders: which of a cohort's learners may be reminded of a course now (and why the
 * others may not), the message each receives in their own language, and queuing them through the
 * outbox, at most one reminder per learner per day however many trainers press "Send" at once.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../audit/record.js';
import type { Database, Locale, LocalizedText } from '../db/database.js';
import { label } from '../learn/localize.js';
import type { MailContent } from '../mail/index.js';
import { enqueueMails } from '../mail/outbox.js';
import { composeMail, type ComposedMail } from '../mail/compose.js';
import { LOCALES, translator } from '../web/i18n/index.js';

/** A learner gets at most one reminder (from anyone, for any course) in this many hours. */
export const REMINDER_INTERVAL_HOURS = 24;
/** The trainer's own words added to the message: plain text, at most this many characters. */
export const PERSONAL_LINE_MAX = 500;
/** Learners a trainer may tick at once (a page of the table holds 50). */
export const MAX_SELECTED = 1000;

/** The learners a reminder is for: those ticked in the table, or everyone who has not finished. */
export type ReminderAudience = { kind: 'selected'; userIds: number[] } | { kind: 'unfinished' };

/** Why a learner is not reminded, in the order they are checked (the first that applies is said). */
export const EXCLUSIONS = ['erased', 'deactivated', 'finished', 'optedOut', 'recent'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export type ReminderCandidate = {
  id: number;
  name: string;
  email: string;
  locale: Locale;
  progress: number;
  /** Null when the learner will be reminded. */
  excluded: Exclusion | null;
};

type Db = Kysely<Database> | Transaction<Database>;
type Scope = { cohortId: number; courseId: number; audience: ReminderAudience };

/** The cohort's members the audience names (ticked ids that are not members are ignored). */
function audienceMembers(db: Db, { cohortId, audience }: Scope) {
  return db
    .selectFrom('cohort_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .where('m.cohort_id', '=', cohortId)
    .$if(audience.kind === 'selected', (qb) =>
      qb.where(
        'm.user_id',
        'in',
        audience.kind === 'selected' && audience.userIds.length > 0 ? audience.userIds : [-1],
      ),
    );
}

/**
 * Every learner the audience names, by name, each with the reason they will not be reminded, if
 * any. One query: the outbox tells who was reminded in the last 24 hours.
 */
export async function reminderCandidates(db: Db, scope: Scope): Promise<ReminderCandidate[]> {
  const rows = await audienceMembers(db, scope)
    .leftJoin('enrolments as e', (join) =>
      join.onRef('e.user_id', '=', 'm.user_id').on('e.course_id', '=', scope.courseId),
    )
    .select([
      'u.id',
      'u.name',
      'u.email',
      'u.locale',
      'u.reminders_enabled',
      sql<boolean>`u.erased_at is not null`.as('erased'),
      sql<boolean>`u.deactivated_at is not null`.as('deactivated'),
      sql<boolean>`e.status is not distinct from 'completed'`.as('finished'),
      sql<number>`coalesce(e.progress_percent, 0)`.as('progress'),
      sql<boolean>`exists (select 1 from outbox o where o.user_id = u.id and o.kind = 'reminder'
        and o.created_at > now() - make_interval(hours => ${REMINDER_INTERVAL_HOURS}))`.as(
        'recent',
      ),
    ])
    .orderBy(sql`lower(u.name)`)
    .orderBy('u.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    locale: row.locale,
    progress: Number(row.progress),
    excluded: row.erased
      ? 'erased'
      : row.deactivated
        ? 'deactivated'
        : row.finished
          ? 'finished'
          : !row.reminders_enabled
            ? 'optedOut'
            : row.recent
              ? 'recent'
              : null,
  }));
}

export type ReminderMessage = {
  trainer: string;
  course: { slug: string; title: LocalizedText };
  /** The trainer's line, already trimmed; '' for none. */
  personal: string;
  /** An absolute link to a path of the app (app.mail.link). */
  link: (path: string) => string;
};

/**
 * The reminder as this learner receives it, in their language: their progress, a button to the
 * course's "Continue" (the exact item where they stopped), the trainer's line if any, and a
 * footer pointing to the account page where reminders are turned off.
 */
export function reminderMail(learner: ReminderCandidate, message: ReminderMessage): MailContent {
  const t = translator(learner.locale);
  return {
    kind: 'reminder',
    locale: learner.locale,
    name: learner.name,
    link: message.link(`/courses/${message.course.slug}/continue`),
    params: {
      trainer: message.trainer,
      course: label(message.course.title, learner.locale),
      percent: learner.progress,
    },
    ...(message.personal
      ? {
          personal: {
            heading: t('mail.reminder.personal', { trainer: message.trainer }),
            text: message.personal,
          },
        }
      : {}),
    footer: { text: t('mail.reminder.optOut'), link: message.link('/account') },
  };
}

export type LanguageGroup = {
  locale: Locale;
  learners: ReminderCandidate[];
  /** The message as the group's first learner will receive it. */
  sample: ComposedMail;
};

/**
 * What the preview shows: those who will be reminded, by language (the trainer's own first),
 * each group with its message as written; and those who will not, by reason.
 */
export function reminderPreview(
  candidates: ReminderCandidate[],
  message: ReminderMessage,
  viewerLocale: Locale,
) {
  const recipients = candidates.filter((candidate) => candidate.excluded === null);
  const order = [viewerLocale, ...LOCALES.filter((locale) => locale !== viewerLocale)];
  const groups: LanguageGroup[] = order.flatMap((locale) => {
    const learners = recipients.filter((learner) => learner.locale === locale);
    return learners.length === 0
      ? []
      : [{ locale, learners, sample: composeMail(reminderMail(learners[0]!, message)) }];
  });
  const excluded = EXCLUSIONS.map((reason) => ({
    reason,
    learners: candidates.filter((candidate) => candidate.excluded === reason),
  })).filter((group) => group.learners.length > 0);
  return { recipients: recipients.length, groups, excluded };
}

/**
 * Queues the reminders and records who sent them, in one transaction. The audience's user rows
 * are locked first (in id order, so two senders never deadlock), then the outbox is read again:
 * a second trainer sending at the same moment waits, sees the first one's reminders and sends
 * none to those learners. Delivery starts after the commit (the caller kicks the outbox).
 */
export async function sendReminders(
  db: Kysely<Database>,
  scope: Scope & { actorId: number; message: ReminderMessage },
): Promise<{ sent: number[]; skipped: number }> {
  return db.transaction().execute(async (trx) => {
    await audienceMembers(trx, scope).select('u.id').orderBy('u.id').forNoKeyUpdate('u').execute();
    const candidates = await reminderCandidates(trx, scope);
    const recipients = candidates.filter((candidate) => candidate.excluded === null);
    // 500 rows a statement: "everyone who has not finished" can be thousands of learners.
    await enqueueMails(
      trx,
      recipients.map((learner) => ({
        ...composeMail(reminderMail(learner, scope.message)),
        to: learner.email,
        kind: 'reminder' as const,
        userId: learner.id,
      })),
    );
    if (recipients.length > 0)
      await recordAudit(trx, {
        actorId: scope.actorId,
        action: 'reminders.send',
        detail: {
          cohortId: scope.cohortId,
          courseId: scope.courseId,
          count: recipients.length,
          audience: scope.audience.kind,
          ...(scope.audience.kind === 'selected'
            ? { learners: recipients.map((learner) => learner.id) }
            : {}),
          personal: scope.message.personal !== '',
        },
      });
    return {
      sent: recipients.map((learner) => learner.id),
      skipped: candidates.length - recipients.length,
    };
  });
}
