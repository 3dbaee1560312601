/**
 * "Download my data": everything Lantern holds about one person, as one JSON document (format
 * `lantern-personal-data`, version 1; described in the README). Read-only, a fixed number of
 * queries whatever the amount of data. Secrets are left out: the password hash, token hashes and
 * the bodies of emails (which may carry a live link).
 */
import { sql, type Kysely } from 'kysely';
import type {
  Database,
  Locale,
  LocalizedText,
  QuestionResult,
  QuizAnswers,
  QuizSettings,
} from '../db/database.js';

export const PERSONAL_DATA_FORMAT = 'lantern-personal-data';
export const PERSONAL_DATA_VERSION = 1;

const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();

/** A course's text in the person's language, else English, else any. */
const textIn = (text: LocalizedText | null | undefined, locale: Locale): string =>
  text?.[locale] || text?.en || Object.values(text ?? {})[0] || '';

export type PersonalData = Awaited<ReturnType<typeof personalData>>;

/** The whole document for one person, or undefined when there is no such account. */
export async function personalData(db: Kysely<Database>, userId: number, publicUrl: string) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) return undefined;
  const locale = user.locale;

  const [
    enrolments,
    progress,
    quizAttempts,
    certificates,
    scormAttempts,
    interactions,
    objectives,
    memberships,
    invitations,
    emails,
    sessions,
    audit,
  ] = await Promise.all([
    db
      .selectFrom('enrolments as e')
      .innerJoin('courses as c', 'c.id', 'e.course_id')
      .leftJoin('course_items as last', 'last.id', 'e.last_item_id')
      .select([
        'c.slug',
        'c.title',
        'e.status',
        'e.progress_percent',
        'e.enrolled_at',
        'e.last_activity_at',
        'e.completed_at',
        'e.time_spent_seconds',
        'last.slug as last_item',
      ])
      .where('e.user_id', '=', userId)
      .orderBy('e.enrolled_at')
      .execute(),
    db
      .selectFrom('item_progress as p')
      .innerJoin('course_items as i', 'i.id', 'p.item_id')
      .innerJoin('courses as c', 'c.id', 'p.course_id')
      .select([
        'c.slug as course',
        'i.slug as item',
        'i.kind',
        'i.title',
        'p.completed_at',
        'p.best_score',
        'p.passed',
        'p.attempts',
        'p.updated_at',
      ])
      .where('p.user_id', '=', userId)
      .orderBy('c.slug')
      .orderBy('i.position')
      .execute(),
    db
      .selectFrom('quiz_attempts as a')
      .innerJoin('course_items as i', 'i.id', 'a.item_id')
      .innerJoin('courses as c', 'c.id', 'i.course_id')
      .select([
        'a.id',
        'c.slug as course',
        'i.slug as quiz',
        'i.title',
        'i.quiz as settings',
        'a.question_ids',
        'a.answers',
        'a.results',
        'a.started_at',
        'a.submitted_at',
        'a.score',
        'a.passed',
      ])
      .where('a.user_id', '=', userId)
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('certificates as cert')
      .innerJoin('courses as c', 'c.id', 'cert.course_id')
      .select([
        'cert.code',
        'c.slug as course',
        'cert.course_title',
        'cert.learner_name',
        'cert.issued_at',
      ])
      .where('cert.user_id', '=', userId)
      .orderBy('cert.issued_at')
      .execute(),
    db
      .selectFrom('scorm_attempts as a')
      .innerJoin('courses as c', 'c.id', 'a.course_id')
      .innerJoin('course_items as i', 'i.id', 'a.item_id')
      .innerJoin('scorm_packages as p', 'p.id', 'a.package_id')
      .select([
        'a.id',
        'c.slug as course',
        'i.slug as sco',
        'i.title',
        'p.version_number',
        'p.scorm_version',
        'a.number',
        'a.launches',
        'a.completion_status',
        'a.success_status',
        'a.score_scaled',
        'a.score_raw',
        'a.total_time_seconds',
        'a.started_at',
        'a.updated_at',
        'a.cmi',
      ])
      .where('a.user_id', '=', userId)
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('scorm_interactions as x')
      .innerJoin('scorm_attempts as a', 'a.id', 'x.attempt_id')
      .select([
        'x.attempt_id',
        'x.interaction_id',
        'x.type',
        'x.learner_response',
        'x.correct_response',
        'x.result',
        'x.weighting',
        'x.latency',
        'x.description',
      ])
      .where('a.user_id', '=', userId)
      .orderBy('x.attempt_id')
      .orderBy('x.position')
      .execute(),
    db
      .selectFrom('scorm_objectives as o')
      .innerJoin('scorm_attempts as a', 'a.id', 'o.attempt_id')
      .select([
        'o.attempt_id',
        'o.objective_id',
        'o.success_status',
        'o.completion_status',
        'o.score_scaled',
      ])
      .where('a.user_id', '=', userId)
      .orderBy('o.attempt_id')
      .orderBy('o.position')
      .execute(),
    db
      .selectFrom('cohort_members as m')
      .innerJoin('cohorts as c', 'c.id', 'm.cohort_id')
      .select(['c.id', 'c.name', 'c.starts_on', 'c.due_on', 'c.archived_at', 'm.joined_at'])
      .where('m.user_id', '=', userId)
      .orderBy('m.joined_at')
      .execute(),
    db
      .selectFrom('cohort_invitations as i')
      .innerJoin('cohorts as c', 'c.id', 'i.cohort_id')
      .select(['c.id', 'c.name', 'i.created_at', 'i.answered_at', 'i.accepted'])
      .where('i.email', '=', user.email)
      .orderBy('i.created_at')
      .execute(),
    db
      .selectFrom('outbox')
      .select(['kind', 'to_address', 'subject', 'created_at', 'sent_at'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('sessions')
      .select(['created_at', 'expires_at'])
      .where('user_id', '=', userId)
      .where('expires_at', '>', sql<Date>`now()`)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('audit_log')
      .select(['id', 'action', 'actor_id', 'subject_user_id', 'detail', 'created_at'])
      .where((eb) => eb.or([eb('actor_id', '=', userId), eb('subject_user_id', '=', userId)]))
      .orderBy('id')
      .execute(),
  ]);

  const byAttempt = <T extends { attempt_id: number }>(rows: T[]) => {
    const map = new Map<number, Array<Omit<T, 'attempt_id'>>>();
    for (const { attempt_id, ...rest } of rows) {
      const list = map.get(attempt_id) ?? [];
      list.push(rest);
      map.set(attempt_id, list);
    }
    return map;
  };
  const interactionsOf = byAttempt(interactions);
  const objectivesOf = byAttempt(objectives);

  return {
    format: PERSONAL_DATA_FORMAT,
    version: PERSONAL_DATA_VERSION,
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      language: user.locale,
      createdAt: iso(user.created_at),
      updatedAt: iso(user.updated_at),
      emailVerifiedAt: iso(user.email_verified_at),
      deactivatedAt: iso(user.deactivated_at),
      erasedAt: iso(user.erased_at),
      remindersEnabled: user.reminders_enabled,
    },
    enrolments: enrolments.map((row) => ({
      course: row.slug,
      courseTitle: textIn(row.title, locale),
      status: row.status,
      progressPercent: row.progress_percent,
      enrolledAt: iso(row.enrolled_at),
      lastActivityAt: iso(row.last_activity_at),
      completedAt: iso(row.completed_at),
      timeSpentSeconds: row.time_spent_seconds,
      lastItem: row.last_item,
    })),
    lessonProgress: progress.map((row) => ({
      course: row.course,
      item: row.item,
      kind: row.kind,
      title: textIn(row.title, locale),
      completedAt: iso(row.completed_at),
      bestScore: row.best_score,
      passed: row.passed,
      attempts: row.attempts,
      updatedAt: iso(row.updated_at),
    })),
    quizAttempts: quizAttempts.map((row) => ({
      course: row.course,
      quiz: row.quiz,
      title: textIn(row.title, locale),
      startedAt: iso(row.started_at),
      submittedAt: iso(row.submitted_at),
      score: row.score,
      passed: row.passed,
      answers: quizAnswers(row.settings as QuizSettings | null, row, locale),
    })),
    certificates: certificates.map((row) => ({
      code: row.code,
      course: row.course,
      courseTitle: textIn(row.course_title, locale),
      nameOnCertificate: row.learner_name,
      issuedAt: iso(row.issued_at),
      verificationUrl: `${publicUrl}/certificates/${row.code}`,
    })),
    scormAttempts: scormAttempts.map((row) => ({
      course: row.course,
      sco: row.sco,
      title: textIn(row.title, locale),
      packageVersion: row.version_number,
      scormVersion: row.scorm_version,
      attempt: row.number,
      launches: row.launches,
      completionStatus: row.completion_status,
      successStatus: row.success_status,
      scoreScaled: row.score_scaled,
      scoreRaw: row.score_raw,
      totalTimeSeconds: row.total_time_seconds,
      startedAt: iso(row.started_at),
      updatedAt: iso(row.updated_at),
      cmi: row.cmi,
      interactions: (interactionsOf.get(row.id) ?? []).map((x) => ({
        id: x.interaction_id,
        type: x.type,
        learnerResponse: x.learner_response,
        correctResponse: x.correct_response,
        result: x.result,
        weighting: x.weighting,
        latency: x.latency,
        description: x.description,
      })),
      objectives: (objectivesOf.get(row.id) ?? []).map((o) => ({
        id: o.objective_id,
        successStatus: o.success_status,
        completionStatus: o.completion_status,
        scoreScaled: o.score_scaled,
      })),
    })),
    cohorts: memberships.map((row) => ({
      id: row.id,
      name: row.name,
      startsOn: row.starts_on,
      dueOn: row.due_on,
      archivedAt: iso(row.archived_at),
      joinedAt: iso(row.joined_at),
    })),
    cohortInvitations: invitations.map((row) => ({
      cohortId: row.id,
      cohort: row.name,
      invitedAt: iso(row.created_at),
      answeredAt: iso(row.answered_at),
      accepted: row.accepted,
    })),
    emails: emails.map((row) => ({
      kind: row.kind,
      to: row.to_address,
      subject: row.subject,
      queuedAt: iso(row.created_at),
      sentAt: iso(row.sent_at),
    })),
    sessions: sessions.map((row) => ({
      startedAt: iso(row.created_at),
      expiresAt: iso(row.expires_at),
    })),
    auditLog: audit.map((row) => ({
      id: row.id,
      at: iso(row.created_at),
      action: row.action,
      actorId: row.actor_id,
      subjectId: row.subject_user_id,
      // Whether this person did it, or it was done to (or with) their data.
      role:
        row.actor_id === userId
          ? row.subject_user_id === userId
            ? 'actor and subject'
            : 'actor'
          : 'subject',
      detail: row.detail,
    })),
  };
}

/** Each question of an attempt with its prompt, the options chosen (id and text) and whether right. */
function quizAnswers(
  settings: QuizSettings | null,
  attempt: { question_ids: string[]; answers: QuizAnswers; results: QuestionResult[] | null },
  locale: Locale,
) {
  const questions = new Map((settings?.questions ?? []).map((q) => [q.id, q]));
  const results = new Map((attempt.results ?? []).map((r) => [r.questionId, r]));
  return attempt.question_ids.map((id) => {
    const question = questions.get(id);
    const chosen = attempt.answers[id] ?? [];
    return {
      question: id,
      prompt: textIn(question?.prompt, locale),
      chosen: chosen.map((optionId) => ({
        option: optionId,
        text: textIn(question?.options.find((o) => o.id === optionId)?.text, locale),
      })),
      correct: results.get(id)?.correct ?? null,
    };
  });
}
