import { type Kysely, sql } from 'kysely';

/**
 * Native courses (synced from courses/), enrolments, progress, quiz attempts and certificates.
 * Texts that exist per language are jsonb maps { "en": ..., "fr": ... }.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('courses')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .defaultTo('native')
        .check(sql`kind in ('native', 'scorm')`),
    )
    .addColumn('locales', sql`text[]`, (col) => col.notNull())
    .addColumn('title', 'jsonb', (col) => col.notNull())
    .addColumn('description', 'jsonb', (col) => col.notNull())
    .addColumn('topics', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('estimated_minutes', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('pass_mark', 'integer', (col) => col.notNull().defaultTo(70))
    .addColumn('certificate', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addColumn('published', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('modules')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('course_id', 'integer', (col) =>
      col.notNull().references('courses.id').onDelete('cascade'),
    )
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('title', 'jsonb', (col) => col.notNull())
    .addColumn('removed_at', 'timestamptz')
    .addUniqueConstraint('modules_course_slug_key', ['course_id', 'slug'])
    .execute();

  // Lessons and quizzes share one ordered list per course ("items"), so next/previous and the
  // table of contents are one query; removed items keep their rows (and learners' history).
  await db.schema
    .createTable('course_items')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('course_id', 'integer', (col) =>
      col.notNull().references('courses.id').onDelete('cascade'),
    )
    .addColumn('module_id', 'integer', (col) =>
      col.notNull().references('modules.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('lesson', 'quiz')`))
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('required', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('minutes', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('title', 'jsonb', (col) => col.notNull())
    // Lessons: rendered, sanitised HTML per language. Quizzes: null.
    .addColumn('html', 'jsonb')
    // Quizzes: settings and questions (prompts, options, feedback per language). Lessons: null.
    .addColumn('quiz', 'jsonb')
    .addColumn('removed_at', 'timestamptz')
    .addUniqueConstraint('course_items_course_kind_slug_key', ['course_id', 'kind', 'slug'])
    .execute();
  await db.schema
    .createIndex('course_items_course_position_idx')
    .on('course_items')
    .columns(['course_id', 'position'])
    .execute();

  await db.schema
    .createTable('course_media')
    .addColumn('course_id', 'integer', (col) =>
      col.notNull().references('courses.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('bytes', 'bytea', (col) => col.notNull())
    .addPrimaryKeyConstraint('course_media_pkey', ['course_id', 'name'])
    .execute();

  await db.schema
    .createTable('enrolments')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('course_id', 'integer', (col) =>
      col.notNull().references('courses.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'completed', 'withdrawn')`),
    )
    .addColumn('progress_percent', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_item_id', 'integer', (col) =>
      col.references('course_items.id').onDelete('set null'),
    )
    .addColumn('enrolled_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_activity_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('completed_at', 'timestamptz')
    .addUniqueConstraint('enrolments_user_course_key', ['user_id', 'course_id'])
    .execute();
  await db.schema
    .createIndex('enrolments_course_status_idx')
    .on('enrolments')
    .columns(['course_id', 'status'])
    .execute();

  await db.schema
    .createTable('item_progress')
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'integer', (col) =>
      col.notNull().references('course_items.id').onDelete('cascade'),
    )
    .addColumn('course_id', 'integer', (col) =>
      col.notNull().references('courses.id').onDelete('cascade'),
    )
    .addColumn('completed_at', 'timestamptz')
    // Quizzes: best score so far and whether it reached the pass mark.
    .addColumn('best_score', 'integer')
    .addColumn('passed', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('item_progress_pkey', ['user_id', 'item_id'])
    .execute();
  await db.schema
    .createIndex('item_progress_user_course_idx')
    .on('item_progress')
    .columns(['user_id', 'course_id'])
    .execute();

  await db.schema
    .createTable('quiz_attempts')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'integer', (col) =>
      col.notNull().references('course_items.id').onDelete('cascade'),
    )
    .addColumn('question_ids', 'jsonb', (col) => col.notNull())
    .addColumn('option_order', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('answers', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('score', 'integer')
    .addColumn('passed', 'boolean')
    .addColumn('results', 'jsonb')
    .execute();
  // At most one attempt in progress per learner and quiz: two tabs share it.
  await sql`create unique index quiz_attempts_open_idx on quiz_attempts (user_id, item_id) where submitted_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex('quiz_attempts_item_idx')
    .on('quiz_attempts')
    .columns(['item_id', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('quiz_attempts_user_item_idx')
    .on('quiz_attempts')
    .columns(['user_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('course_id', 'integer', (col) =>
      col.notNull().references('courses.id').onDelete('cascade'),
    )
    .addColumn('learner_name', 'text', (col) => col.notNull())
    .addColumn('course_title', 'jsonb', (col) => col.notNull())
    .addColumn('issued_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('certificates_user_course_key', ['user_id', 'course_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'certificates',
    'quiz_attempts',
    'item_progress',
    'enrolments',
    'course_media',
    'course_items',
    'modules',
    'courses',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
