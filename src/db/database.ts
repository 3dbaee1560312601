import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The whole schema in one place. Each capability owns (writes) its own tables; reads may join.
 * Timestamps are `timestamptz`; ids are integer identities.
 */
export type Database = {
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  courses: CoursesTable;
  modules: ModulesTable;
  course_items: CourseItemsTable;
  outbox: OutboxTable;
  account_tokens: AccountTokensTable;
  course_media: CourseMediaTable;
  enrolments: EnrolmentsTable;
  item_progress: ItemProgressTable;
  quiz_attempts: QuizAttemptsTable;
  offline_receipts: OfflineReceiptsTable;
  certificates: CertificatesTable;
  cohorts: CohortsTable;
  cohort_courses: CohortCoursesTable;
  cohort_members: CohortMembersTable;
  cohort_invitations: CohortInvitationsTable;
  jobs: JobsTable;
  scorm_packages: ScormPackagesTable;
  scorm_courses: ScormCoursesTable;
  scorm_attempts: ScormAttemptsTable;
  scorm_interactions: ScormInteractionsTable;
  scorm_objectives: ScormObjectivesTable;
  scorm_sequencing_states: ScormSequencingStatesTable;
  scorm_global_objectives: ScormGlobalObjectivesTable;
};

/** A text in several languages, e.g. { en: 'Safe recruitment', fr: 'Recrutement sûr' }. */
export type LocalizedText = Partial<Record<Locale, string>>;
type Json<T> = ColumnType<T, string, string>;

export type Role = 'learner' | 'trainer' | 'admin';
export type Locale = 'en' | 'fr' | 'es' | 'ar';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type UsersTable = {
  id: Generated<number>;
  /** Stored lower-cased and trimmed; unique. */
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  locale: Locale;
  /** Set for the generated first admin: the one-time password must be replaced at first login. */
  must_change_password: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Set when the person followed the verification link (accounts older than it count as verified). */
  email_verified_at: Date | null;
  /** A deactivated account cannot sign in; its data stays. */
  deactivated_at: Date | null;
  /** Erased at the person's request: name and email are a tombstone. */
  erased_at: Date | null;
  reminders_enabled: Generated<boolean>;
  failed_logins: Generated<number>;
  login_paused_until: Date | null;
  /** Set when an admin added or imported the person; cleared once they set a password. */
  invited_at: Date | null;
};

export type OutboxTable = {
  id: Generated<number>;
  user_id: number | null;
  to_address: string;
  kind: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: CreatedAt;
  next_attempt_at: Generated<Date>;
  locked_until: Date | null;
  attempts: Generated<number>;
  sent_at: Date | null;
  last_error: string | null;
};

export type TokenPurpose = 'reset' | 'invitation' | 'verification' | 'email_change';
export type AccountTokensTable = {
  id: Generated<number>;
  user_id: number;
  purpose: TokenPurpose;
  /** sha256 of the token in the link: the database never holds a usable link. */
  token_hash: string;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
};

export type SessionsTable = {
  /** sha256 of the cookie's token: a stolen database dump holds no usable session. */
  id: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Date;
};

export type AuditLogTable = {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject_user_id: number | null;
  detail: ColumnType<Record<string, unknown>, string, never>;
  created_at: CreatedAt;
};

/** A job that runs once per interval whatever the number of processes (see src/jobs). */
export type JobsTable = {
  name: string;
  next_run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_run_at: Date | null;
  last_error: string | null;
};

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

export type CoursesTable = {
  id: Generated<number>;
  slug: string;
  kind: 'native' | 'scorm';
  locales: Locale[];
  title: Json<LocalizedText>;
  description: Json<LocalizedText>;
  topics: string[];
  estimated_minutes: number;
  pass_mark: number;
  certificate: boolean;
  /** Hash of the course's source files: an unchanged course is not rewritten at sync. */
  content_hash: string;
  published: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type ModulesTable = {
  id: Generated<number>;
  course_id: number;
  slug: string;
  position: number;
  title: Json<LocalizedText>;
  removed_at: Date | null;
};

/** Native lessons and quizzes, and the SCOs of a SCORM course. */
export type ItemKind = 'lesson' | 'quiz' | 'sco';

export type QuizOption = {
  id: string;
  correct: boolean;
  text: LocalizedText;
  feedback: LocalizedText;
};
export type QuizQuestion = {
  id: string;
  type: 'single' | 'multiple' | 'true_false';
  prompt: LocalizedText;
  options: QuizOption[];
  explanation: LocalizedText;
};
export type QuizSettings = {
  passMark: number;
  maxAttempts: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  draw: number | null;
  questions: QuizQuestion[];
};

export type CourseItemsTable = {
  id: Generated<number>;
  course_id: number;
  module_id: number;
  kind: ItemKind;
  slug: string;
  position: number;
  required: boolean;
  minutes: number;
  title: Json<LocalizedText>;
  html: Json<LocalizedText> | null;
  quiz: Json<QuizSettings> | null;
  removed_at: Date | null;
};

export type CourseMediaTable = {
  course_id: number;
  name: string;
  hash: string;
  content_type: string;
  bytes: Buffer;
};

export type EnrolmentStatus = 'active' | 'completed' | 'withdrawn';

export type EnrolmentsTable = {
  id: Generated<number>;
  user_id: number;
  course_id: number;
  status: Generated<EnrolmentStatus>;
  progress_percent: Generated<number>;
  last_item_id: number | null;
  /** When the learner arrived at `last_item_id`: a batch written late never moves it back. */
  last_moved_at: Date | null;
  enrolled_at: CreatedAt;
  last_activity_at: UpdatedAt;
  completed_at: Date | null;
  time_spent_seconds: Generated<number>;
};

export type ItemProgressTable = {
  user_id: number;
  item_id: number;
  course_id: number;
  completed_at: Date | null;
  best_score: number | null;
  passed: Generated<boolean>;
  attempts: Generated<number>;
  updated_at: UpdatedAt;
};

export type QuizAnswers = Record<string, string[]>;
export type QuestionResult = { questionId: string; correct: boolean; chosen: string[] };

export type QuizAttemptsTable = {
  id: Generated<number>;
  user_id: number;
  item_id: number;
  question_ids: Json<string[]>;
  option_order: ColumnType<Record<string, string[]>, string | undefined, string>;
  answers: ColumnType<QuizAnswers, string | undefined, string>;
  started_at: CreatedAt;
  submitted_at: Date | null;
  score: number | null;
  passed: boolean | null;
  results: Json<QuestionResult[]> | null;
  /** The quiz version (hash of its questions) the attempt was graded against. */
  quiz_version: string | null;
};

/** One offline (or any idempotent) write: unique per (user_id, key); the result answers replays. */
export type OfflineReceiptsTable = {
  user_id: number;
  key: string;
  kind: string;
  result: ColumnType<Record<string, unknown>, string | undefined, string>;
  done_at: Date;
  created_at: CreatedAt;
};

export type CertificatesTable = {
  id: Generated<number>;
  code: string;
  user_id: number;
  course_id: number;
  learner_name: string;
  course_title: Json<LocalizedText>;
  issued_at: CreatedAt;
};

export type CohortsTable = {
  id: Generated<number>;
  name: string;
  owner_id: number;
  join_code: string;
  /** Dates as 'YYYY-MM-DD' text (no time zone games with calendar days). */
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  archived_at: Date | null;
  created_at: CreatedAt;
};

export type CohortCoursesTable = { cohort_id: number; course_id: number };
export type CohortMembersTable = { cohort_id: number; user_id: number; joined_at: CreatedAt };
/** An address a trainer invited; the person joins by accepting (answered_at set, accepted true). */
export type CohortInvitationsTable = {
  id: Generated<number>;
  cohort_id: number;
  /** Lower-cased, as users.email. */
  email: string;
  invited_by: number | null;
  created_at: CreatedAt;
  answered_at: Date | null;
  accepted: boolean | null;
};

export type ScormPackagesTable = {
  id: Generated<number>;
  course_id: number;
  /** 1 for the first import of a course, then 2, 3… */
  version_number: number;
  /** sha256 of the zip; the files live under DATA_DIR/scorm/<hash>/. */
  hash: string;
  scorm_version: 'scorm12' | 'scorm2004';
  edition: number | null;
  title: string;
  /** Folder inside the stored files that holds imsmanifest.xml ('' normally). */
  content_root: string;
  /** The parsed manifest (ParsedPackage from src/scorm/package): the SCOs and how to launch them. */
  manifest: ColumnType<unknown, string, string>;
  file_count: number;
  total_bytes: ColumnType<string, number | string, number | string>;
  imported_by: number | null;
  imported_at: CreatedAt;
};

export type ScormAttemptPolicy = 'when_finished' | 'never' | 'always';

export type ScormCoursesTable = {
  course_id: number;
  /** The version new attempts use. */
  package_id: number;
  attempt_policy: Generated<ScormAttemptPolicy>;
  max_attempts: number | null;
};

export type ScormAttemptsTable = {
  id: Generated<number>;
  user_id: number;
  course_id: number;
  item_id: number;
  package_id: number;
  number: number;
  launches: Generated<number>;
  /** bigint: comes back from pg as a string. */
  seq: ColumnType<string, number | string | undefined, number | string>;
  /** The CMI as scorm-again exports it ({ cmi: … }), handed back to loadFromJSON at the next launch. */
  cmi: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  completion_status: Generated<string>;
  success_status: Generated<string>;
  score_scaled: number | null;
  score_raw: number | null;
  total_time_seconds: Generated<number>;
  started_at: CreatedAt;
  updated_at: UpdatedAt;
};

export type ScormInteractionsTable = {
  attempt_id: number;
  position: number;
  course_id: number;
  item_id: number;
  interaction_id: string;
  type: string;
  learner_response: string;
  correct_response: string;
  result: string;
  weighting: number | null;
  latency: string;
  description: string;
};

export type ScormObjectivesTable = {
  attempt_id: number;
  position: number;
  course_id: number;
  objective_id: string;
  success_status: string;
  completion_status: string;
  score_scaled: number | null;
};

/** SCORM 2004 sequencing per learner and course attempt (see src/scorm/sequencing/). */
export type ScormSequencingStatesTable = {
  id: Generated<number>;
  user_id: number;
  course_id: number;
  package_id: number;
  number: number;
  /** scorm-again's serialised sequencing state; null until the engine first ran. */
  state: string | null;
  /** The activity the engine delivered last: the one SCO the learner may open by URL. */
  delivered: string | null;
  /** Why the sequencing session ended (end_of_content, exit_all, …); null while it goes on. */
  ended: string | null;
  suspended: Generated<boolean>;
  root_completion: Generated<string>;
  root_success: Generated<string>;
  root_score: number | null;
  seq: ColumnType<string, number | string | undefined, number | string>;
  started_at: CreatedAt;
  updated_at: UpdatedAt;
};

/** Global objectives kept for a learner across courses and attempts (objectivesGlobalToSystem). */
export type ScormGlobalObjectivesTable = {
  user_id: number;
  objective_id: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  updated_at: UpdatedAt;
};
