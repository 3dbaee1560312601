/**
 * "Download my data": everything Lantern holds about one person (read by personal-data-rows.ts)
 * as one JSON document (format `lantern-personal-data`, version 1; described in the README):
 * field names of its own rather than the database's, courses' texts in the person's language,
 * dates in ISO 8601.
 */
import type { Kysely } from 'kysely';
import type {
  Database,
  Locale,
  LocalizedText,
  QuestionResult,
  QuizAnswers,
  QuizSettings,
} from '../db/database.js';
import { readPersonalRows } from './personal-data-rows.js';

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
  const rows = await readPersonalRows(db, userId);
  if (!rows) return undefined;
  const { user } = rows;
  const locale = user.locale;

  const byAttempt = <T extends { attempt_id: number }>(rows: T[]) => {
    const map = new Map<number, Array<Omit<T, 'attempt_id'>>>();
    for (const { attempt_id, ...rest } of rows) {
      const list = map.get(attempt_id) ?? [];
      list.push(rest);
      map.set(attempt_id, list);
    }
    return map;
  };
  const interactionsOf = byAttempt(rows.interactions);
  const objectivesOf = byAttempt(rows.objectives);

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
    enrolments: rows.enrolments.map((row) => ({
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
    lessonProgress: rows.progress.map((row) => ({
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
    quizAttempts: rows.quizAttempts.map((row) => ({
      course: row.course,
      quiz: row.quiz,
      title: textIn(row.title, locale),
      startedAt: iso(row.started_at),
      submittedAt: iso(row.submitted_at),
      score: row.score,
      passed: row.passed,
      answers: quizAnswers(row.settings as QuizSettings | null, row, locale),
    })),
    certificates: rows.certificates.map((row) => ({
      code: row.code,
      course: row.course,
      courseTitle: textIn(row.course_title, locale),
      nameOnCertificate: row.learner_name,
      issuedAt: iso(row.issued_at),
      verificationUrl: `${publicUrl}/certificates/${row.code}`,
    })),
    scormAttempts: rows.scormAttempts.map((row) => ({
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
    cohorts: rows.memberships.map((row) => ({
      id: row.id,
      name: row.name,
      startsOn: row.starts_on,
      dueOn: row.due_on,
      archivedAt: iso(row.archived_at),
      joinedAt: iso(row.joined_at),
    })),
    cohortInvitations: rows.invitations.map((row) => ({
      cohortId: row.id,
      cohort: row.name,
      invitedAt: iso(row.created_at),
      answeredAt: iso(row.answered_at),
      accepted: row.accepted,
    })),
    emails: rows.emails.map((row) => ({
      kind: row.kind,
      to: row.to_address,
      subject: row.subject,
      queuedAt: iso(row.created_at),
      sentAt: iso(row.sent_at),
    })),
    sessions: rows.sessions.map((row) => ({
      startedAt: iso(row.created_at),
      expiresAt: iso(row.expires_at),
    })),
    // Work sent from a device (offline): what it was, when it was done and when it arrived.
    offlineWork: rows.offlineReceipts.map((row) => ({
      kind: row.kind,
      key: row.key,
      doneAt: iso(row.done_at),
      receivedAt: iso(row.created_at),
    })),
    auditLog: rows.audit.map((row) => ({
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
